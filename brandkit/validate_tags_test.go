package brandkit

import (
	"strings"
	"testing"
)

func TestValidateTags(t *testing.T) {
	src := `[hashtags]
banned  = ["#KominfoBanten", "#Lama"]
known   = ["#lama"]
replace = { "#KominfoBanten" = "#DiskominfoBanten", "#Tidak" = "#X", "bad" = "#Y", "#Lama" = "#KominfoBanten", "#kominfobanten" = "#KOMINFOBANTEN" }

[accounts.dinkes]
hashtags = ["#KOMINFOBANTEN"]

[platforms.instagram]
hashtags = ["#Lama"]

[[campaigns]]
name     = "x"
hashtags = ["#Lama"]
from     = 2025-01-01
until    = 2025-01-02
`
	_, err := Parse("kit.toml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`kit.toml:3: hashtags.known: #lama is both known and banned`,
		`kit.toml:7: accounts.dinkes.hashtags: #KOMINFOBANTEN is required by the account but banned in [hashtags]`,
		`kit.toml:10: platforms.instagram.hashtags: #Lama is required on the platform but banned in [hashtags]`,
		`kit.toml:12: campaigns[0].hashtags: #Lama is a campaign tag but banned in [hashtags]`,
		`kit.toml:4: hashtags.replace."#Lama": the replacement #KominfoBanten is banned too`,
		`kit.toml:4: hashtags.replace."#Tidak": #Tidak is not banned: add it to [hashtags] banned of this kit, or drop the replacement`,
		`kit.toml:4: hashtags.replace."#kominfobanten": #kominfobanten would be replaced by itself`,
		`kit.toml:4: hashtags.replace."bad": "bad" is not a hashtag`,
	}
	got := err.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing problem %q in:\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != len(want) {
		t.Errorf("%d problems, want %d:\n%s", n, len(want), got)
	}
}

func TestValidateTagsGood(t *testing.T) {
	src := `[hashtags]
required = ["#BantenMaju"]
banned   = ["#KominfoBanten"]
known    = ["#HUTBanten25"]
replace  = { "#KominfoBanten" = "#DiskominfoBanten" }
`
	k, err := Parse("kit.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := k.Hashtags.Replace["#KominfoBanten"]; got != "#DiskominfoBanten" {
		t.Errorf("replace = %q", got)
	}
	if _, err := Parse("kit.toml", []byte("[hashtags]\nbanned = [\"#A1\"]\nreplace = { \"#A1\" = \"bad tag\" }\n")); err == nil || !strings.Contains(err.Error(), `hashtag "bad tag"`) {
		t.Errorf("a bad replacement is not reported: %v", err)
	}
}
