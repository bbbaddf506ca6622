// Package brandkit is the brand kit: the typed schema of selaras.toml, its
// lookup (nearest file walking up, or the embedded default), inheritance
// through `extends`, and validation that reports every problem at once.
//
// The TOML key names are a stable contract (see DESIGN.md): add keys, never
// rename them. Every section is a typed struct; rules read fields, never
// untyped values.
package brandkit

import (
	"sync"
	"time"
)

// Kit is one effective brand kit: a file merged over the kits it extends.
type Kit struct {
	Kit       Info                `toml:"kit"`
	Jargon    []Jargon            `toml:"jargon"`
	Terms     []Term              `toml:"terms"`
	Stemming  Stemming            `toml:"stemming"`
	Narrative Narrative           `toml:"narrative"`
	Hashtags  Hashtags            `toml:"hashtags"`
	Mentions  Mentions            `toml:"mentions"`
	Accounts  map[string]Account  `toml:"accounts"`
	Platforms map[string]Platform `toml:"platforms"`
	Campaigns []Campaign          `toml:"campaigns"`
	Palette   Palette             `toml:"palette"`
	Logos     []Logo              `toml:"logos"`
	Images    Images              `toml:"images"` // image rules' settings (image.go)
	Rules     RuleSettings        `toml:"rules"`

	// Text rules' settings (text.go).
	Tone       Tone       `toml:"tone"`
	Claims     Claims     `toml:"claims"`
	Neutrality Neutrality `toml:"neutrality"`
	Audience   Audience   `toml:"audience"`
	// The jargon rule's nominal chains and wordiness patterns (chains.go).
	Chains    Chains    `toml:"chains"`
	Wordiness Wordiness `toml:"wordiness"`

	// Path is the file the kit was loaded from; empty for the embedded kit.
	Path string `toml:"-"`
	// Chain lists the files merged into this kit, parent first.
	Chain []string `toml:"-"`
	// Hash identifies the kit's content (the whole extends chain): results
	// computed with one kit can be cached under it.
	Hash string `toml:"-"`

	memo sync.Map
}

// Info is the [kit] table.
type Info struct {
	Name     string   `toml:"name"`
	Language Language `toml:"language"`
	Extends  string   `toml:"extends"`
	// Defaults says whether a kit without `extends` builds on the embedded
	// default kit (jargon dictionary, standard terms, platform specs). It
	// does unless set to false.
	Defaults *bool `toml:"defaults"`
}

// Jargon is one [[jargon]] entry: a phrase to avoid and what to say instead.
type Jargon struct {
	Phrase  string   `toml:"phrase"`
	Suggest []string `toml:"suggest"`
	Note    string   `toml:"note"`
	// Exact asks for a surface match only, without stemming.
	Exact bool `toml:"exact"`
	// Severity overrides the rule's severity for this entry.
	Severity Severity `toml:"severity"`
	// NotAfter and NotBefore are words that, right before or right after
	// the phrase in its sentence, show another use of it: "terkait" after
	// "pihak" or "yang" is an adjective, not the wordy preposition. In
	// not_before, "." stands for the end of a clause (punctuation, a line
	// break, the end of the sentence). Compared as written and by stem.
	NotAfter  []string `toml:"not_after"`
	NotBefore []string `toml:"not_before"`
}

// Term is one [[terms]] entry: an official name or a standard spelling.
type Term struct {
	Use   string   `toml:"use"`
	Avoid []string `toml:"avoid"`
	Note  string   `toml:"note"`
	// CaseSensitive matters for proper names: "Provinsi Banten" must be
	// written with capitals, "provinsi banten" is flagged.
	CaseSensitive bool `toml:"case_sensitive"`
	// Since is the day the avoid forms stopped being right (an institution
	// renamed on that day): a draft whose front-matter date is earlier
	// may still use them. Zero: always wrong.
	Since time.Time `toml:"since"`
	// AlsoUse names the other successors of an old name that split into
	// several: the finding lists `use` and these, and the fix is not safe.
	AlsoUse []string `toml:"also_use"`
	// NotAfter and NotBefore are the avoid forms' context, as in
	// [[jargon]]: "Kepala BKKBN" before "Provinsi" is a regional office.
	NotAfter  []string `toml:"not_after"`
	NotBefore []string `toml:"not_before"`
}

// Before reports whether a draft dated day comes before the term's Since,
// comparing calendar days only.
func (t Term) Before(day time.Time) bool {
	return !t.Since.IsZero() && day.Format("2006-01-02") < t.Since.Format("2006-01-02")
}

// Stemming is the [stemming] table.
type Stemming struct {
	// Protect lists words that are never stemmed (over-stemming guard:
	// "perangkat" would otherwise stem to "angkat").
	Protect []string `toml:"protect"`
}

// Narrative is the [narrative] table.
type Narrative struct {
	Pillars []Pillar `toml:"pillars"`
	// Exemplars is a folder of on-narrative posts, relative to the kit
	// file; Threshold is the least similarity to them (text.go).
	Exemplars string  `toml:"exemplars"`
	Threshold float64 `toml:"threshold"`
}

// Pillar is one narrative pillar of the campaign.
type Pillar struct {
	ID       string   `toml:"id"`
	Label    string   `toml:"label"`
	Keywords []string `toml:"keywords"`
}

// Hashtags is the [hashtags] table.
type Hashtags struct {
	Required []Hashtag `toml:"required"`
	Banned   []Hashtag `toml:"banned"`
	// Known lists further tags of the campaign: not required, but their
	// spelling and casing are checked.
	Known []Hashtag `toml:"known"`
	// Max is the most tags one post may carry; 0 means no limit.
	Max int `toml:"max"`
	// Replace names the successor of a banned tag (an old agency name, a
	// finished campaign): { "#KominfoBanten" = "#DiskominfoBanten" }. Keys
	// must be banned tags.
	Replace map[string]Hashtag `toml:"replace"`
}

// Mentions is the [mentions] table.
type Mentions struct {
	Required []Mention `toml:"required"`
}

// Account is one [accounts.SLUG] table: settings for one agency's account.
type Account struct {
	Name     string    `toml:"name"`
	Paths    []string  `toml:"paths"` // globs, relative to the kit's folder
	Hashtags []Hashtag `toml:"hashtags"`
	Mentions []Mention `toml:"mentions"`
}

// Platform is one [platforms.NAME] table.
type Platform struct {
	CaptionMax int         `toml:"caption_max"`
	ImageSizes []ImageSize `toml:"image_sizes"`
	SafeTop    int         `toml:"safe_top"`
	SafeBottom int         `toml:"safe_bottom"`
	Hashtags   []Hashtag   `toml:"hashtags"`
	Mentions   []Mention   `toml:"mentions"`
	// HashtagMax overrides [hashtags] max on this platform.
	HashtagMax int `toml:"hashtag_max"`
	// Image keys (see image.go): accepted formats, the largest file in
	// bytes, the least width that still looks sharp, and the UI margin on
	// each side (reels).
	Formats   []ImageFormat `toml:"formats"`
	MaxBytes  int64         `toml:"max_bytes"`
	MinWidth  int           `toml:"min_width"`
	SafeSides int           `toml:"safe_sides"`
}

// Campaign is one [[campaigns]] entry: tags required inside a date window.
type Campaign struct {
	Name     string    `toml:"name"`
	Hashtags []Hashtag `toml:"hashtags"`
	From     time.Time `toml:"from"`
	Until    time.Time `toml:"until"` // inclusive: the last day of the campaign
}

// Palette is the [palette] table.
type Palette struct {
	Colors    []HexColor `toml:"colors"`
	Tolerance float64    `toml:"tolerance"` // CIEDE2000
}

// Logo is one [[logos]] entry.
type Logo struct {
	File     string  `toml:"file"` // relative to the kit file
	Zone     Zone    `toml:"zone"`
	MinWidth float64 `toml:"min_width"` // share of the image width
}

// RuleSettings is the [rules] table.
type RuleSettings struct {
	Disable []string `toml:"disable"`
	// Enable turns back on a rule that a parent kit disabled.
	Enable   []string            `toml:"enable"`
	Severity map[string]Severity `toml:"severity"`
}

// Memo returns the value stored under key, building it once per kit. Rules
// use it to prepare what they derive from the kit (indexes, stemmed phrases)
// once instead of once per draft; build must not depend on a draft.
func (k *Kit) Memo(key any, build func() any) any {
	if v, ok := k.memo.Load(key); ok {
		return v
	}
	v, _ := k.memo.LoadOrStore(key, build())
	return v
}

// RuleEnabled reports whether the kit leaves rule name switched on.
func (k *Kit) RuleEnabled(name string) bool {
	on := true
	for _, d := range k.Rules.Disable {
		if d == name {
			on = false
		}
	}
	for _, e := range k.Rules.Enable {
		if e == name {
			on = true
		}
	}
	return on
}

// Language returns the kit's language, "id" when unset.
func (k *Kit) Language() string {
	if k.Kit.Language == "" {
		return "id"
	}
	return string(k.Kit.Language)
}

// Dir is the folder of the kit file: relative paths in the kit start there.
func (k *Kit) Dir() string {
	if k.Path == "" {
		return ""
	}
	return dirOf(k.Path)
}
