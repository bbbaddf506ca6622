// Package rules is the one list of selaras's rules. Each rule family lives
// in its own package under rules/; none imports another.
package rules

import (
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules/audience"
	"github.com/selaras/selaras/rules/claim"
	"github.com/selaras/selaras/rules/hashtag"
	imagerules "github.com/selaras/selaras/rules/image"
	"github.com/selaras/selaras/rules/jargon"
	"github.com/selaras/selaras/rules/length"
	"github.com/selaras/selaras/rules/narrative"
	"github.com/selaras/selaras/rules/neutrality"
	"github.com/selaras/selaras/rules/term"
	"github.com/selaras/selaras/rules/tone"
)

// All returns every rule, the engine's built-in ones first, in the order
// `selaras rules` lists them.
func All() []*lint.Rule {
	list := append([]*lint.Rule{}, lint.BuiltinRules...)
	list = append(list,
		jargon.Rule,
		term.Rule,
		tone.Passive,
		tone.SentenceLength,
		tone.Shouting,
		tone.Exclamation,
		tone.Interaction,
		narrative.Rule,
		claim.Rule,
		neutrality.Rule,
		audience.Rule,
		length.Rule,
		hashtag.Missing,
		hashtag.Case,
		hashtag.Typo,
		hashtag.Banned,
		hashtag.Count,
		hashtag.Malformed,
		hashtag.MentionMissing,
		imagerules.Unreadable, imagerules.Missing, imagerules.Size, imagerules.Format, imagerules.FileSize,
		imagerules.Palette, imagerules.Logo, imagerules.SafeZone, imagerules.Blur, imagerules.Exposure, imagerules.Metadata,
	)
	return list
}

// Checks returns the rules that have a check function (the built-in ones
// are reported by the engine itself).
func Checks() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range All() {
		if r.Check != nil {
			out = append(out, r)
		}
	}
	return out
}

// ByName finds a rule; nil if there is none.
func ByName(name string) *lint.Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
