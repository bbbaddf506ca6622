package tone

import (
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Interaction is the tone-interaction rule.
var Interaction = &lint.Rule{
	Name: "tone-interaction",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Ajak warga menanggapi", EN: "Invite citizens to respond"},
		Why: lint.Text{
			ID: "Kampanye terpadu ingin membangun hubungan, bukan sekadar mengumumkan. Unggahan yang tidak bertanya, tidak mengajak dan tidak meminta tanggapan jarang dibalas warga. Aturan ini mencari tanda tanya atau kata ajakan dari [tone] invitations (ayo, yuk, daftar, tulis di kolom komentar, bagikan ...; bentuk berimbuhan ikut dikenali; kata perintah seperti \"Datang\" dan \"Bawa\" hanya di awal kalimat) dan memberi info bila tidak ada satu pun. Kit tanpa daftar ajakan (defaults = false tanpa invitations sendiri) membuat aturan ini diam.",
			EN: "The integrated campaign wants to build a relationship, not only to announce. Posts that ask nothing, invite nothing and call for no response rarely get replies. The rule looks for a question mark or an invitation from [tone] invitations (ayo, yuk, daftar, tulis di kolom komentar, bagikan ...; affixed forms count; imperatives such as \"Datang\" and \"Bawa\" only at the start of a sentence) and reports, at info level, when there is none. A kit with no invitations at all (defaults = false and none of its own) keeps the rule silent."},
		Bad:      "Dinas Perhubungan menambah armada bus sekolah gratis mulai Senin.",
		Good:     "Dinas Perhubungan menambah armada bus sekolah gratis mulai Senin. Sekolah anak Anda belum dilewati? Tulis di kolom komentar.",
		Fix:      lint.Text{ID: "Tutup dengan pertanyaan atau ajakan: \"Ada pertanyaan? Tulis di kolom komentar\", \"Yuk daftar lewat tautan di bio\".", EN: "End with a question or an invitation: \"Ada pertanyaan? Tulis di kolom komentar\", \"Yuk daftar lewat tautan di bio\"."},
		Severity: lint.Info,
		KitKeys:  []string{"[tone] invitations"},
	},
	Check: checkInteraction,
}

type invitationKey struct{}

type invitationData struct {
	m *lint.Matcher
	// atStart marks entries written "^word": an imperative that invites
	// only as the first word of a sentence ("Datang bersama keluarga", but
	// not "tidak perlu datang").
	atStart []bool
}

func invitations(k *brandkit.Kit) *invitationData {
	return k.Memo(invitationKey{}, func() any {
		d := &invitationData{atStart: make([]bool, len(k.Tone.Invitations))}
		list := make([]string, len(k.Tone.Invitations))
		for i, s := range k.Tone.Invitations {
			s = strings.TrimSpace(s)
			if strings.HasPrefix(s, "^") {
				d.atStart[i] = true
				s = "=" + strings.TrimPrefix(s, "^")
			}
			list[i] = s
		}
		d.m = lint.NewMatcher(phraseSpecs(list), lint.StemmerFor(k))
		return d
	}).(*invitationData)
}

func checkInteraction(p *lint.Pass) error {
	if len(p.Kit.Tone.Invitations) == 0 {
		// A kit without the default lists (defaults = false) and without
		// invitations of its own gives nothing to judge by.
		return nil
	}
	words := 0
	for i := range p.Draft.Tokens {
		t := &p.Draft.Tokens[i]
		if t.Kind == lint.TokPunct && (t.Text == "?" || t.Text == "？") {
			return nil
		}
		if isWord(t) {
			words++
		}
	}
	if words == 0 {
		return nil
	}
	found := false
	inv := invitations(p.Kit)
	inv.m.Find(p.Draft, func(m lint.Match) {
		if !inv.atStart[m.ID] || sentenceStart(p.Draft.Tokens, m.First) {
			found = true
		}
	})
	if found {
		return nil
	}
	p.Report(lint.Finding{
		FileLevel: true,
		Message: lint.Text{
			ID: "unggahan ini tidak mengajak warga menanggapi: tidak ada pertanyaan atau ajakan; tutup dengan pertanyaan atau ajakan (\"Ada pertanyaan? Tulis di kolom komentar\")",
			EN: "this post invites no response: no question and no invitation; end with a question or an invitation (\"Ada pertanyaan? Tulis di kolom komentar\")"},
	})
	return nil
}
