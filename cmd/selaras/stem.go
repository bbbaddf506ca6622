package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/selaras/selaras/lint/stem"
)

func init() {
	register("stem", command{
		summary: lang2{id: "cetak bentuk dasar (stem) tiap kata, satu per baris", en: "print each word's stem, one per line"},
		run:     runStem,
	})
}

// runStem prints the stem of each word (arguments, else stdin lines), in
// input order and nothing else, so the output lines up with Snowball's
// stemwords. It stems with --lang's language: the kit's language decides
// what check does, this command only shows it.
func runStem(e *env, args []string) int {
	f := newFlags(e, "stem", lang2{
		id: "membaca kata (argumen, atau satu per baris dari stdin) dan mencetak bentuk dasarnya; --lang memilih bahasa (id atau en)",
		en: "reads words (arguments, or one per line on stdin) and prints their stems; --lang chooses the language (id or en)"})
	f.setUsage("lang", lang2{id: "bahasa kata dan pesan: `id|en`", en: "language of the words and messages: `id|en`"})
	words, code, ok := f.parse(args)
	if !ok {
		return code
	}
	st, err := stem.For(f.lang)
	if err != nil {
		f.fail("%v", err)
		return exitError
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	if len(words) > 0 {
		for _, w := range words {
			fmt.Fprintln(out, st(w))
		}
		return exitOK
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" {
			fmt.Fprintln(out)
			continue
		}
		fmt.Fprintln(out, st(w))
	}
	if err := sc.Err(); err != nil {
		out.Flush()
		f.fail("stdin: %v", err)
		return exitError
	}
	return exitOK
}
