package v1

import (
	"errors"
	"unicode/utf8"
)

// The OpenAPI's requests validate themselves instead of through `v:` tags: gf's validator
// re-reads the tags of every request and cost the hot path more than the card lookup did.
// The rules are few and fixed by openapi.md; the texts are what BAD_REQUEST's message names.
const (
	maxCard    = 64
	maxDevice  = 128
	maxVersion = 32
)

// Validate checks a verification request.
func (r *VerifyReq) Validate() error {
	if err := cardField(r.Card); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(r.Device); n < 1 || n > maxDevice {
		if n == 0 {
			return errors.New("device is required")
		}
		return errors.New("device must be 1-128 characters")
	}
	if utf8.RuneCountInString(r.Version) > maxVersion {
		return errors.New("version must be at most 32 characters")
	}
	return nil
}

// Validate checks a query request.
func (r *QueryReq) Validate() error { return cardField(r.Card) }

// Validate checks an unbind request (no device: every device of the card).
func (r *UnbindReq) Validate() error {
	if err := cardField(r.Card); err != nil {
		return err
	}
	if utf8.RuneCountInString(r.Device) > maxDevice {
		return errors.New("device must be at most 128 characters")
	}
	return nil
}

func cardField(card string) error {
	switch n := utf8.RuneCountInString(card); {
	case n == 0:
		return errors.New("card is required")
	case n > maxCard:
		return errors.New("card is too long")
	}
	return nil
}
