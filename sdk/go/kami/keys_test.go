package kami

import (
	"errors"
	"sync"
	"testing"
	"time"
)

func TestKeys(t *testing.T) {
	f := newFake(t)
	f.Rotate() // k_01 retiring, k_02 active
	keys, err := clientOf(f).Keys(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	want := f.PublicKeys()
	if len(keys) != 2 || keys[0] != want[0] || keys[1] != want[1] || keys[0].Status != KeyRetiring || keys[1].Status != KeyActive {
		t.Fatalf("Keys = %+v, want %+v", keys, want)
	}
	if _, err := New(f.URL, "ak_unknown", nil).Keys(ctxT(t)); !IsCode(err, CodeAppKeyInvalid) {
		t.Fatalf("Keys of an unknown appKey: %v", err)
	}
}

// TestKeyRotation: keys are fetched once, lazily; an answer under a new kid costs one refetch
// and then verifies; a kid still unknown after the refetch is refused.
func TestKeyRotation(t *testing.T) {
	tests := []struct {
		name        string
		change      func(f *FakeServer)
		wantErr     error
		wantFetches int // after the first call (1 fetch) and the one after the change
	}{
		{"no change", func(*FakeServer) {}, nil, 1},
		{"rotated: refetch once, then verified", func(f *FakeServer) { f.Rotate() }, nil, 2},
		{"unpublished kid: refetch once, then refused", func(f *FakeServer) { f.SignWithUnpublished() }, ErrResponseSignature, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.AddCard("ROTA-TION", 1, time.Hour)
			c := clientOf(f)
			if _, err := c.Query(ctxT(t), "ROTA-TION"); err != nil || f.KeyFetches() != 1 {
				t.Fatalf("first call: %v, %d fetches", err, f.KeyFetches())
			}
			tt.change(f)
			_, err := c.Query(ctxT(t), "ROTA-TION")
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("after the change: %v, want %v", err, tt.wantErr)
			}
			if got := f.KeyFetches(); got != tt.wantFetches {
				t.Fatalf("%d key fetches, want %d", got, tt.wantFetches)
			}
			if tt.wantErr == nil { // the cache now holds the kid: no further fetch
				if _, err := c.Query(ctxT(t), "ROTA-TION"); err != nil || f.KeyFetches() != tt.wantFetches {
					t.Fatalf("third call: %v, %d fetches", err, f.KeyFetches())
				}
			}
		})
	}
}

// TestFirstCallUnknownKid: the lazy first fetch is the fresh look; no second fetch follows.
func TestFirstCallUnknownKid(t *testing.T) {
	f := newFake(t)
	f.SignWithUnpublished()
	if _, err := clientOf(f).Query(ctxT(t), "X"); !errors.Is(err, ErrResponseSignature) || f.KeyFetches() != 1 {
		t.Fatalf("%v, %d fetches", err, f.KeyFetches())
	}
}

func TestPinnedKeys(t *testing.T) {
	f := newFake(t)
	f.AddCard("PINN-ED00", 1, 0)
	pinned := append(f.PublicKeys(), PublicKey{Kid: "junk", Alg: AlgEd25519, PublicKey: "not base64"},
		PublicKey{Kid: "rsa", Alg: "RS256", PublicKey: "AAAA"})
	c := clientOf(f, WithPublicKeys(pinned))
	if _, err := c.Query(ctxT(t), "PINN-ED00"); err != nil {
		t.Fatal(err)
	}
	f.Rotate()
	if _, err := c.Query(ctxT(t), "PINN-ED00"); !errors.Is(err, ErrResponseSignature) {
		t.Fatalf("a kid not pinned: %v", err)
	}
	if n := f.KeyFetches(); n != 0 {
		t.Fatalf("a pinned client fetched the keys %d times", n)
	}
}

// TestConcurrentUse shares one client between goroutines (run with -race): the keys are
// fetched once for all of them, and once more after a rotation, however many calls race.
func TestConcurrentUse(t *testing.T) {
	f := newFake(t)
	f.AddCard("SHAR-ED00", 1000, 0)
	c := clientOf(f)
	run := func(round int) {
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 8 {
					res, err := c.Verify(ctxT(t), "SHAR-ED00", "dev", "")
					if err == nil && !res.Valid {
						err = errors.New(res.Result)
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	run(1)
	if n := f.KeyFetches(); n != 1 {
		t.Fatalf("%d key fetches for 64 concurrent first calls, want 1", n)
	}
	f.Rotate()
	run(2)
	if n := f.KeyFetches(); n != 2 {
		t.Fatalf("%d key fetches after a rotation, want 2", n)
	}
}
