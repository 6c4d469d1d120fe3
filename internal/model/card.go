package model

import "strings"

// Card statuses (cards.status) and batch statuses (card_batches.status).
const (
	CardUnused   = "unused"
	CardActive   = "active"
	CardExpired  = "expired"
	CardDisabled = "disabled"

	BatchPending  = "pending"
	BatchActive   = "active"
	BatchDisabled = "disabled"
	BatchFailed   = "failed"
)

// CardKeyPurpose names the subkey of card keys: LookupHash(CardKeyPurpose, NormalizeCardKey(k))
// is cards.key_hash, and Seal(CardKeyPurpose, k) is cards.key_sealed. The batches write both;
// the OpenAPI finds a card by the first.
const CardKeyPurpose = "card.key"

// QuotaTypeCardBatch is the ledger movement type of a batch's charge.
const QuotaTypeCardBatch = "card_batch"

// NormalizeCardKey is the form a key is hashed in: upper case, without spaces or the "-"
// separators, so a key typed in lower case or without its dashes is found all the same.
func NormalizeCardKey(key string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ' || r == '\t' || r == '\r' || r == '\n':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, key)
}

// Snapshot caches the OpenAPI answers from (internal/infra/snapcache). A module that changes
// what they hold calls snapcache.Invalidate(ctx, <name>, <id>) after its transaction commits.
const (
	SnapProject = "oa.project" // id: the project's app_key
	SnapCard    = "oa.card"    // id: the card id
	SnapBatch   = "oa.batch"   // id: the batch id
	SnapOwner   = "oa.owner"   // id: the user id (status and role of a card's generating user)
	SnapAuth    = "oa.auth"    // id: "<project id>:<user id>" (the user's authorization for it)
)
