package derp

import (
	"regexp"
	"strings"
	"testing"
)

var serialFormat = regexp.MustCompile(`^DR(-[0-9A-HJKMNP-TV-Z]{5}){4}-[0-9A-HJKMNP-TV-Z]{6}$`)

// §14.1: 100 unique codes in the format.
func TestSerialFormatAndUniqueness(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		c := newSerialCode()
		if !serialFormat.MatchString(c) {
			t.Fatalf("code %q out of format", c)
		}
		if seen[c] {
			t.Fatalf("duplicate code %q", c)
		}
		seen[c] = true
		n, ok := normalizeSerial(c)
		if !ok || len(n) != serialSymbols || formatSerial(n) != c {
			t.Fatalf("normalize(%q) = %q, %v", c, n, ok)
		}
	}
}

func TestNormalizeSerial(t *testing.T) {
	const want = "1234567890ABCDEFGHJKMNPQRS"
	cases := map[string]bool{
		"DR-12345-67890-ABCDE-FGHJK-MNPQRS":  true,
		"dr-12345-67890-abcde-fghjk-mnpqrs":  true,
		"12345 67890 ABCDE FGHJK MNPQRS":     true,
		"I2345-67890-ABCDE-FGHJK-MNPQRS":     true, // I reads as 1
		"L2345-67890-ABCDE-FGHJK-MNPQRS":     true, // L reads as 1
		"DR-12345-6789O-ABCDE-FGHJK-MNPQRS":  true, // O reads as 0
		"DR-12345-67890-ABCDE-FGHJK-MNPQR":   false,
		"DR-12345-67890-ABCDE-FGHJK-MNPQRSU": false,
		"DR-12345-67890-ABCDE-FGHJK-MNPQRU":  false, // U is not Crockford
		"":                                   false,
	}
	for in, ok := range cases {
		got, gotOK := normalizeSerial(in)
		if gotOK != ok || (ok && got != want) {
			t.Errorf("normalize(%q) = %q, %v; want %v", in, got, gotOK, ok)
		}
	}
}

// The stored forms never hold the plaintext, and every spelling hashes alike.
func TestSerialStoredForms(t *testing.T) {
	c := newSerialCode()
	n, _ := normalizeSerial(c)
	lower, _ := normalizeSerial(strings.ToLower(c))
	if serialHash(n) != serialHash(lower) || len(serialHash(n)) != 64 {
		t.Fatalf("hash differs across spellings or is not 64 hex")
	}
	sealed, err := sealSerial(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, n[:10]) || strings.Contains(serialHash(n), n[:10]) {
		t.Fatalf("a stored form carries the code")
	}
	if back, err := openSerial(sealed); err != nil || back != c {
		t.Fatalf("open = %q, %v", back, err)
	}
}
