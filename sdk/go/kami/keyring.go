package kami

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"sync"
)

// keyring holds the project's response-signing keys by kid. Fetched keys are loaded on first
// use and refetched when an answer names a kid the ring does not know (a rotation); pinned
// keys are never fetched.
type keyring struct {
	fetch func(context.Context) ([]PublicKey, error) // nil when pinned
	sem   chan struct{}                              // one fetch at a time, waited on with the caller's context

	mu   sync.Mutex
	keys map[string]ed25519.PublicKey
	gen  uint64 // completed fetches
}

func pinnedKeyring(keys []PublicKey) *keyring {
	return &keyring{keys: decodeKeys(keys)}
}

func fetchingKeyring(fetch func(context.Context) ([]PublicKey, error)) *keyring {
	return &keyring{fetch: fetch, sem: make(chan struct{}, 1)}
}

// lookup returns the key kid names. An unknown kid costs at most one fetch, and none when
// another goroutine's fetch finished after this one looked: a rotation seen by many concurrent
// calls refetches once, and a kid that is still unknown after a fresh fetch is refused.
func (k *keyring) lookup(ctx context.Context, kid string) (ed25519.PublicKey, error) {
	pk, seen := k.cached(kid)
	if pk != nil {
		return pk, nil
	}
	if k.fetch == nil {
		return nil, fmt.Errorf("%w: kid %q is not pinned", ErrResponseSignature, kid)
	}
	if err := k.refresh(ctx, seen); err != nil {
		return nil, fmt.Errorf("%w: fetching the keys: %w", ErrResponseSignature, err)
	}
	if pk, _ = k.cached(kid); pk != nil {
		return pk, nil
	}
	return nil, fmt.Errorf("%w: kid %q is not a published key of the project", ErrResponseSignature, kid)
}

func (k *keyring) cached(kid string) (ed25519.PublicKey, uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.keys[kid], k.gen
}

// refresh fetches the keys unless a fetch completed since generation seen.
func (k *keyring) refresh(ctx context.Context, seen uint64) error {
	select {
	case k.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-k.sem }()
	k.mu.Lock()
	fresh := k.gen != seen
	k.mu.Unlock()
	if fresh {
		return nil
	}
	list, err := k.fetch(ctx)
	if err != nil {
		return err
	}
	keys := decodeKeys(list)
	k.mu.Lock()
	k.keys, k.gen = keys, k.gen+1
	k.mu.Unlock()
	return nil
}

// decodeKeys keeps the usable keys: Ed25519, 32 bytes of standard base64.
func decodeKeys(list []PublicKey) map[string]ed25519.PublicKey {
	keys := make(map[string]ed25519.PublicKey, len(list))
	for _, p := range list {
		if p.Alg != AlgEd25519 || p.Kid == "" {
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(p.PublicKey)
		if err != nil || len(raw) != ed25519.PublicKeySize {
			continue
		}
		keys[p.Kid] = ed25519.PublicKey(raw)
	}
	return keys
}
