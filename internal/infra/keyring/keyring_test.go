package keyring_test

import (
	"strings"
	"testing"

	"kami/internal/infra/keyring"
)

// Sealed values open only for their own purpose and only unchanged; lookup hashes are stable
// per purpose and differ between purposes.
func TestSealAndLookupHash(t *testing.T) {
	sealed, err := keyring.Seal("settings/x", []byte("s3cr3t"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, "s3cr3t") {
		t.Fatalf("sealed text shows the plaintext: %s", sealed)
	}
	again, _ := keyring.Seal("settings/x", []byte("s3cr3t"))
	if again == sealed {
		t.Fatal("two seals of one value are identical: the nonce is not random")
	}
	if plain, err := keyring.Open("settings/x", sealed); err != nil || string(plain) != "s3cr3t" {
		t.Fatalf("open: %q %v", plain, err)
	}
	if _, err := keyring.Open("settings/y", sealed); err == nil {
		t.Fatal("a value sealed for one purpose opened for another")
	}
	tampered := sealed[:len(sealed)-2] + "AA"
	if tampered == sealed {
		tampered = sealed[:len(sealed)-2] + "BB"
	}
	for _, bad := range []string{tampered, "v1:", "plain text", ""} {
		if _, err := keyring.Open("settings/x", bad); err == nil {
			t.Fatalf("opened %q", bad)
		}
	}
	a, b := keyring.LookupHash("card", "KEY-1"), keyring.LookupHash("card", "KEY-1")
	if a != b || len(a) != 64 || a == keyring.LookupHash("serial", "KEY-1") || a == keyring.LookupHash("card", "KEY-2") {
		t.Fatalf("lookup hashes: %s %s", a, b)
	}
}
