package errs

import (
	"testing"

	"gopkg.in/yaml.v3"

	"kami/manifest"
)

// Every code is unique, its HTTP status is a real one, and both languages have its message.
func TestCodesAreUniqueAndTranslated(t *testing.T) {
	langs := map[string]map[string]string{}
	for _, lang := range []string{"zh-CN", "en"} {
		b, err := manifest.I18n.ReadFile("i18n/" + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err = yaml.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		langs[lang] = m
	}
	seenCode, seenName := map[int]string{}, map[string]int{}
	for _, c := range allCodes() {
		if prev, ok := seenCode[c.Code()]; ok {
			t.Errorf("code %d used by %s and %s", c.Code(), prev, c.Message())
		}
		if prev, ok := seenName[c.Message()]; ok {
			t.Errorf("name %s used by %d and %d", c.Message(), prev, c.Code())
		}
		seenCode[c.Code()], seenName[c.Message()] = c.Message(), c.Code()
		if s := c.HTTPStatus(); s < 400 || s > 599 {
			t.Errorf("%s: HTTP status %d", c.Message(), s)
		}
		for lang, m := range langs {
			if m[c.Message()] == "" {
				t.Errorf("%s has no %s message", c.Message(), lang)
			}
		}
	}
}

func allCodes() []Code { return registry }
