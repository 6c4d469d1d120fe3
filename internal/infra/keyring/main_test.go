package keyring_test

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"testing"

	"kami/internal/config"
	"kami/internal/infra/keyring"
)

// No server: the keyring needs nothing but a master key, handed over as boot does.
func TestMain(m *testing.M) {
	if err := keyring.Load(&config.Config{SecretKey: randomKey()}); err != nil {
		fmt.Fprintln(os.Stderr, "keyring:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func randomKey() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
