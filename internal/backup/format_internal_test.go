package backup

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"testing"
)

// Plaintext over several frames comes back whole; two frames swapped (each authentic on its
// own) are refused, since a frame's number is in its nonce.
func TestFramesRoundTripAndKeepTheirOrder(t *testing.T) {
	key := make([]byte, 32)
	plain := make([]byte, 3*chunkSize+123)
	_, _ = rand.Read(key)
	_, _ = rand.Read(plain)
	var buf bytes.Buffer
	s, err := newSealer(&buf, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err = s.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err = s.Close(); err != nil {
		t.Fatal(err)
	}
	read := func(file []byte) ([]byte, error) {
		o, err := newOpener(bytes.NewReader(file), key)
		if err != nil {
			return nil, err
		}
		return io.ReadAll(o)
	}
	got, err := read(buf.Bytes())
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("round trip: %v (%d of %d bytes)", err, len(got), len(plain))
	}
	head := len(magic) + 8
	frame := 5 + chunkSize + 16
	file := buf.Bytes()
	swapped := append([]byte{}, file[:head]...)
	swapped = append(swapped, file[head+frame:head+2*frame]...)
	swapped = append(swapped, file[head:head+frame]...)
	swapped = append(swapped, file[head+2*frame:]...)
	if _, err = read(swapped); !errors.Is(err, ErrTampered) {
		t.Fatalf("swapped frames: %v", err)
	}
}
