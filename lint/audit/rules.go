package audit

import (
	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rules documents the audit's own findings for `selaras rules` and
// `selaras explain`. They compare posts with each other, so they have no
// check of one draft and no one-draft example; Finalize reports them over
// all the posts of a report (merged shards included). A kit may switch
// them off or change their severity in [rules], as for any rule: each
// post carries its kit's choice (Post.DupRules), so that a merge decides
// as the audit of the whole would.
var Rules = []*lint.Rule{
	{
		Name: RuleDupImage,
		Doc: lint.Doc{
			Title: lint.Text{ID: "Gambar sebaiknya tidak dipakai ulang di unggahan lain", EN: "Images should not be reused by another post"},
			Why: lint.Text{
				ID: "Poster yang sama di beberapa unggahan atau akun membuat linimasa terasa berulang dan menurunkan jangkauan; warga mengira unggahan itu sudah pernah dilihat. Gambar dibandingkan dengan sidik persepsi (dHash 64 bit dan kecerahan rata-rata), jadi salinan yang diperkecil, dikompres ulang atau disimpan dalam format lain tetap dikenali. Unggahan paling awal (lalu menurut jalur) dianggap asli; setiap unggahan lain dalam kelompoknya mendapat temuan yang menyebut aslinya.",
				EN: "The same poster in several posts or accounts makes timelines feel repetitive and lowers reach; citizens take the post for one they have already seen. Images are compared by a perceptual fingerprint (a 64-bit dHash and the mean brightness), so a resized, recompressed or converted copy is still recognised. The earliest post (then by path) counts as the original; every other post of its group gets a finding naming it."},
			Fix:      lint.Text{ID: "Buat gambar baru untuk unggahan ini, atau katakan dengan jelas bahwa ini unggahan ulang.", EN: "Make a new picture for this post, or say plainly that it is a repost."},
			Severity: lint.Info,
			KitKeys:  []string{"[rules] disable", "[rules] severity"},
		},
	},
	{
		Name: RuleDupCaption,
		Doc: lint.Doc{
			Title: lint.Text{ID: "Keterangan sebaiknya tidak disalin dari unggahan lain", EN: "Captions should not be copied from another post"},
			Why: lint.Text{
				ID: "Satu narasi tidak berarti satu teks: keterangan yang disalin utuh ke banyak akun terbaca sebagai pesan pabrikan dan tidak berbicara kepada pembaca tiap akun. Keterangan dibandingkan dengan MinHash atas potongan tiga kata; yang kemiripannya 80 % atau lebih dikelompokkan. Keterangan di bawah delapan kata tidak dibandingkan.",
				EN: "One narrative does not mean one text: a caption copied whole to many accounts reads as a manufactured message and does not speak to each account's readers. Captions are compared by MinHash over three-word shingles; those 80 % or more alike are grouped. Captions under eight words are not compared."},
			Fix:      lint.Text{ID: "Tulis ulang keterangan untuk akun dan pembacanya; pesan kampanye boleh sama, kalimatnya jangan.", EN: "Write the caption again for this account and its readers; the campaign message may be the same, the sentences should not."},
			Severity: lint.Info,
			KitKeys:  []string{"[rules] disable", "[rules] severity"},
		},
	},
}

// RuleByName finds one of the audit's rules; nil if there is none.
func RuleByName(name string) *lint.Rule {
	for _, r := range Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// dupRulesOf is what a post's kit says of the duplicate rules, when it
// says something: "off", or a severity other than the default.
func dupRulesOf(kit *brandkit.Kit) map[string]string {
	var m map[string]string
	set := func(name, v string) {
		if m == nil {
			m = map[string]string{}
		}
		m[name] = v
	}
	for _, r := range Rules {
		if !kit.RuleEnabled(r.Name) {
			set(r.Name, dupOff)
		} else if s, ok := kit.Rules.Severity[r.Name]; ok && lint.Severity(s) != r.Doc.Severity {
			set(r.Name, string(s))
		}
	}
	return m
}

// dupOff marks a duplicate rule a post's kit switched off.
const dupOff = "off"

// dupSeverity is the severity of rule's finding on post p; ok is false
// when p's kit switched the rule off.
func dupSeverity(p Post, rule string) (sev string, ok bool) {
	switch v := p.DupRules[rule]; v {
	case dupOff:
		return "", false
	case "":
		return string(RuleByName(rule).Doc.Severity), true
	default:
		return v, true
	}
}
