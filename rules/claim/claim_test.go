package claim_test

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/claim"
)

func TestClaimSource(t *testing.T) {
	linttest.Run(t, "testdata", claim.Rule)
}

func TestDocExamples(t *testing.T) {
	r := claim.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil || len(bad) != 1 || bad[0].Match != "18,2%" || bad[0].Message.EN == bad[0].Message.ID {
		t.Errorf("Bad example: %v %+v", err, bad)
	} else if want := `figure "18,2%" (and 2 more) without a source`; bad[0].Message.EN[:len(want)] != want {
		t.Errorf("English message: %q", bad[0].Message.EN)
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil || len(good) != 0 {
		t.Errorf("Good example: %v %+v", err, good)
	}
}

// TestExampleSource: the message's example source comes from the kit.
func TestExampleSource(t *testing.T) {
	r := claim.Rule
	for _, c := range []struct{ kit, want string }{
		{"", `("Sumber: situs resmi BPS atau data terbuka pemda")`},
		{"[claims]\nexample_source = \"BPS Provinsi Banten\"\n", `("Sumber: BPS Provinsi Banten")`},
	} {
		got, err := linttest.Check("Angka stunting turun menjadi 18,2%.", c.kit, r)
		if err != nil || len(got) != 1 {
			t.Fatalf("%v %+v", err, got)
		}
		for _, m := range []string{got[0].Message.ID, got[0].Message.EN} {
			if !strings.Contains(m, c.want) {
				t.Errorf("message %q does not hold %s", m, c.want)
			}
		}
	}
}

// TestScopeEdges: sources and plans at the edges of a post.
func TestScopeEdges(t *testing.T) {
	cases := map[string]int{
		"kuota 500 peserta":                        0,
		"500 peserta":                              1,
		"Sumber: BPS. 500 peserta.":                0,
		"500 peserta. Sumber: BPS":                 0,
		"500 peserta menurut BPS. Lalu 20% warga.": 1,
		"Target 95%, tercapai 80%.":                1,
		"Rencananya 1.000 warga divaksin.":         0,
		"100 UMKM pertama":                         0,
	}
	for src, want := range cases {
		got, err := linttest.Check(src, "", claim.Rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != want {
			t.Errorf("%q: %d findings, want %d: %v", src, len(got), want, got)
		}
	}
}
