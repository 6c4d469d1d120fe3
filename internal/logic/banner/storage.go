package banner

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
)

// Storage keeps the banner images. The logic owns this interface; a local folder is the store
// now, object storage can implement it later without the logic changing.
type Storage interface {
	Put(ctx context.Context, key string, data []byte) error
	Get(ctx context.Context, key string) ([]byte, error)
	Delete(ctx context.Context, key string) error
}

// keyRule is what a storage key may look like (a content hash and an extension), so a key can
// never climb out of the folder.
var keyRule = regexp.MustCompile(`^[0-9a-f]{64}\.(png|jpg)$`)

var errKey = errors.New("banner storage: invalid key")

// localStorage is a folder (dataDir/banners): each image a file named by its key, written to a
// temporary file first and renamed, so a reader never sees half an image.
type localStorage struct{ dir func() string }

func (l localStorage) path(key string) (string, error) {
	if !keyRule.MatchString(key) {
		return "", errKey
	}
	return filepath.Join(l.dir(), key), nil
}

func (l localStorage) Put(_ context.Context, key string, data []byte) error {
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

func (l localStorage) Get(_ context.Context, key string) ([]byte, error) {
	p, err := l.path(key)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

func (l localStorage) Delete(_ context.Context, key string) error {
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err = os.Remove(p); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
