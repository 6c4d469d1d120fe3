package keyring_test

import (
	"testing"

	"kami/internal/infra/keyring"
)

// The prepared Sealer and Hasher are the one-shot Seal/Open and LookupHash, only faster: what
// one seals the other opens, and the hashes are the same.
func TestSealerAndHasherMatchOneShot(t *testing.T) {
	s, err := keyring.NewSealer("card.key")
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := s.Seal([]byte("ABCDE"))
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := keyring.Open("card.key", sealed); err != nil || string(plain) != "ABCDE" {
		t.Fatalf("Open of a Sealer's value: %q %v", plain, err)
	}
	one, _ := keyring.Seal("card.key", []byte("FGHIJ"))
	if plain, err := s.Open(one); err != nil || string(plain) != "FGHIJ" {
		t.Fatalf("Sealer.Open of Seal's value: %q %v", plain, err)
	}
	other, _ := keyring.NewSealer("card.other")
	if _, err := other.Open(sealed); err == nil {
		t.Fatal("a value sealed for one purpose opened for another")
	}
	h := keyring.NewHasher("card.key")
	for _, v := range []string{"A", "B", "A"} {
		if got, want := h.Sum(v), keyring.LookupHash("card.key", v); got != want {
			t.Fatalf("Hasher.Sum(%q) = %s, LookupHash = %s", v, got, want)
		}
	}
}
