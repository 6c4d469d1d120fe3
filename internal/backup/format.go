// Package backup writes and reads Kami's logical backups: every table of one consistent
// snapshot as JSON lines, gzip-compressed, then sealed with AES-256-GCM in numbered frames
// under a key from config (kami.backup.key, never the master key, so a leaked backup key opens
// backups only). Daily full backups, not incrementals: most tables have no reliable change
// column and deletions leave no trace without triggers (which TiDB-compatible MySQL rules
// out), so an incremental could silently miss rows; a full backup of this schema is small.
package backup

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The file is magic, an 8-byte random nonce prefix, then frames of [final flag][length][sealed
// chunk]. Each frame's nonce is the prefix and its number, and its additional data is the
// magic, prefix, number and flag, so frames cannot be reordered, dropped or moved between
// files, and a file cut after any frame lacks its final frame and is refused.
const (
	magic     = "KAMIBK1\n"
	chunkSize = 64 << 10
	maxFrame  = chunkSize + 64
)

// ErrTampered is any backup that fails authentication: wrong key, edited, cut or reordered.
var ErrTampered = errors.New("backup: the file is not authentic (wrong key, or altered or truncated)")

// ParseKey reads a 32-byte key given as 64 hex digits or base64.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	return nil, errors.New("backup: the key (kami.backup.key / KAMI_BACKUP_KEY) must be 32 bytes, as 64 hex digits or base64")
}

type sealer struct {
	w       io.Writer
	aead    cipher.AEAD
	prefix  [8]byte
	counter uint32
	buf     []byte
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// newSealer writes the header to w and returns the writer of the plaintext; Close seals the
// final frame.
func newSealer(w io.Writer, key []byte) (*sealer, error) {
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	s := &sealer{w: w, aead: aead, buf: make([]byte, 0, chunkSize)}
	if _, err = rand.Read(s.prefix[:]); err != nil {
		return nil, err
	}
	if _, err = io.WriteString(w, magic); err != nil {
		return nil, err
	}
	_, err = w.Write(s.prefix[:])
	return s, err
}

func (s *sealer) nonceAAD(final byte) ([]byte, []byte) {
	nonce := make([]byte, 12)
	copy(nonce, s.prefix[:])
	binary.BigEndian.PutUint32(nonce[8:], s.counter)
	aad := append([]byte(magic), nonce...)
	return nonce, append(aad, final)
}

func (s *sealer) frame(final byte) error {
	nonce, aad := s.nonceAAD(final)
	sealed := s.aead.Seal(nil, nonce, s.buf, aad)
	var head [5]byte
	head[0] = final
	binary.BigEndian.PutUint32(head[1:], uint32(len(sealed)))
	if _, err := s.w.Write(head[:]); err != nil {
		return err
	}
	if _, err := s.w.Write(sealed); err != nil {
		return err
	}
	s.counter++
	s.buf = s.buf[:0]
	if s.counter == 0 {
		return errors.New("backup: too many frames")
	}
	return nil
}

func (s *sealer) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		take := min(chunkSize-len(s.buf), len(p))
		s.buf = append(s.buf, p[:take]...)
		p, n = p[take:], n+take
		if len(s.buf) == chunkSize {
			if err := s.frame(0); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

func (s *sealer) Close() error { return s.frame(1) }

// opener reads the plaintext of a sealed file, failing with ErrTampered on any frame that does
// not authenticate and on a stream that ends before its final frame.
type opener struct {
	r    *bufio.Reader
	s    sealer
	buf  []byte
	done bool
}

func newOpener(r io.Reader, key []byte) (*opener, error) {
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	o := &opener{r: bufio.NewReader(r), s: sealer{aead: aead}}
	head := make([]byte, len(magic)+8)
	if _, err = io.ReadFull(o.r, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, fmt.Errorf("backup: not a Kami backup file")
	}
	copy(o.s.prefix[:], head[len(magic):])
	return o, nil
}

func (o *opener) Read(p []byte) (int, error) {
	for len(o.buf) == 0 {
		if o.done {
			return 0, io.EOF
		}
		var head [5]byte
		if _, err := io.ReadFull(o.r, head[:]); err != nil {
			return 0, ErrTampered
		}
		n := binary.BigEndian.Uint32(head[1:])
		if head[0] > 1 || n > maxFrame {
			return 0, ErrTampered
		}
		sealed := make([]byte, n)
		if _, err := io.ReadFull(o.r, sealed); err != nil {
			return 0, ErrTampered
		}
		nonce, aad := o.s.nonceAAD(head[0])
		plain, err := o.s.aead.Open(nil, nonce, sealed, aad)
		if err != nil {
			return 0, ErrTampered
		}
		o.s.counter++
		o.buf, o.done = plain, head[0] == 1
		if o.done {
			if _, err := o.r.ReadByte(); err != io.EOF {
				return 0, ErrTampered // bytes after the final frame
			}
		}
	}
	n := copy(p, o.buf)
	o.buf = o.buf[n:]
	return n, nil
}
