package derp

import (
	"strings"

	"kami/internal/infra/keyring"
)

const (
	// serialSymbols random Crockford symbols after "DR": 26 × 5 bits = 130 bits, unguessable.
	serialSymbols = 26
	serialPurpose = "derp serial"
)

// serialGroups is the dash layout of a code: DR-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX (§5).
var serialGroups = []int{5, 5, 5, 5, 6}

// newSerialCode returns a fresh code in its printed form.
func newSerialCode() string { return formatSerial(randomCode(serialSymbols)) }

func formatSerial(symbols string) string {
	var b strings.Builder
	b.WriteString("DR")
	at := 0
	for _, n := range serialGroups {
		b.WriteByte('-')
		b.WriteString(symbols[at : at+n])
		at += n
	}
	return b.String()
}

// normalizeSerial is what a customer typed reduced to the 26 symbols: upper case; spaces and
// dashes and an optional leading DR dropped; I and L read as 1, O as 0. ok is false for
// anything that is not 26 Crockford symbols, so no lookup is spent on it.
func normalizeSerial(in string) (string, bool) {
	s := strings.ToUpper(in)
	s = strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(s)
	if len(s) == serialSymbols+2 && strings.HasPrefix(s, "DR") {
		s = s[2:]
	}
	s = strings.NewReplacer("I", "1", "L", "1", "O", "0").Replace(s)
	if len(s) != serialSymbols {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(crockford, rune(s[i])) {
			return "", false
		}
	}
	return s, true
}

// serialHash is the code's lookup key (HMAC under the master key's subkey), over the
// normalized symbols, so every accepted spelling finds the same row.
func serialHash(symbols string) string { return keyring.LookupHash(serialPurpose, symbols) }

// sealSerial keeps the printed code for the export, and only for it.
func sealSerial(printed string) (string, error) { return keyring.Seal(serialPurpose, []byte(printed)) }

func openSerial(sealed string) (string, error) {
	b, err := keyring.Open(serialPurpose, sealed)
	return string(b), err
}
