package rules_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules"
)

// BenchmarkFirstDraftColdKit is what one `selaras check draft.md` pays
// inside the process beyond start-up: a kit no draft has used yet (laid
// over the default, so every rule builds its matchers and lists again)
// and one short draft through all rules.
func BenchmarkFirstDraftColdKit(b *testing.B) {
	text := "Dalam rangka HUT Provinsi Banten, kami mengundang warga ke Alun-alun. Ada pertanyaan? Tulis di kolom komentar.\n"
	for i := 0; i < b.N; i++ {
		if _, err := linttest.Check(text, "[kit]\nname = \"x\"\n", rules.Checks()...); err != nil {
			b.Fatal(err)
		}
	}
}
