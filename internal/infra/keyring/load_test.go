package keyring_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"kami/internal/config"
	"kami/internal/infra/keyring"
)

// The master key comes from the config it is handed: given, generated once into the data dir on
// the embedded default and reused on the next boot, required on MySQL, refused when too short.
// Whatever key is loaded decides the subkeys. The package's own key is put back at the end.
func TestLoadTakesTheKeyFromTheConfigHandedToIt(t *testing.T) {
	own := randomKey()
	t.Cleanup(func() {
		if err := keyring.Load(&config.Config{SecretKey: own}); err != nil {
			t.Fatal(err)
		}
	})
	dir := t.TempDir()
	mysql := "mysql:root:@tcp(127.0.0.1:3306)/kami"
	cases := []struct {
		name    string
		cfg     config.Config
		wantErr bool
	}{
		{"given key", config.Config{SecretKey: own, DBLink: mysql}, false},
		{"generated on the embedded default", config.Config{DataDir: dir}, false},
		{"required on MySQL", config.Config{DataDir: dir, DBLink: mysql}, true},
		{"too short", config.Config{SecretKey: "abcd"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := keyring.Load(&c.cfg)
			if (err != nil) != c.wantErr {
				t.Fatalf("Load: %v, want error %v", err, c.wantErr)
			}
		})
	}

	if err := keyring.Load(&config.Config{DataDir: dir}); err != nil {
		t.Fatal(err)
	}
	generated := keyring.SubKey("jwt")
	if _, err := os.Stat(filepath.Join(dir, "secret.key")); err != nil {
		t.Fatalf("no generated key file: %v", err)
	}
	if err := keyring.Load(&config.Config{DataDir: dir}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(keyring.SubKey("jwt"), generated) {
		t.Fatal("the generated key was not reused on the next load")
	}
	if err := keyring.Load(&config.Config{SecretKey: own}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(keyring.SubKey("jwt"), generated) {
		t.Fatal("subkeys do not follow the loaded key")
	}
}
