// Package model holds the hand-written types that service interfaces share with their callers
// (do/ and entity/ below it are generated from the schema).
package model

// Channels a notice can go out on. The inbox copy is always written; the others are extra
// copies a module asks for.
const (
	ChannelInbox = "inbox"
	ChannelEmail = "email"
	ChannelSMS   = "sms" // delivered once a transport for it is registered (the security issue)
)

// Notice is one business event to tell users about (conventions.md "Notify"). It is written in
// the caller's transaction when ctx carries one, and delivered after that commits.
type Notice struct {
	To Recipients
	// Kind is what the notice is about, "<module>.<event>" (card.activated, quota.changed,
	// announcement.system); the panel filters and labels by it ("notify.kind.<kind>" in i18n).
	Kind string
	// Template names the i18n texts "notify.<template>.title" and "notify.<template>.body", whose
	// {name} placeholders take Params. They are rendered when read, in the reader's language.
	Template string
	Params   map[string]any
	// Title and Body are literal text (what an operator wrote), used when Template is empty.
	Title, Body string
	// Ref is the business object the notice is about, so the panel can link to it.
	Ref Ref
	// DedupKey makes a repeated event (a retried job, a replayed request) reach each recipient
	// once: a recipient who already holds a notice with this key is skipped. Empty: no dedup.
	DedupKey string
	// Channels beyond the inbox: ChannelEmail, ChannelSMS. Users the channel cannot reach (no
	// email address) get the inbox copy only.
	Channels []string
}

// Recipients are users named directly and/or everyone holding one of the roles (expanded when
// the notice is sent), or All enabled users. Disabled and unconfirmed accounts are skipped.
type Recipients struct {
	UserIDs []int64
	Roles   []string
	All     bool
}

// Ref points at a business object: Type is its kind ("card", "quota.ledger", "announcement").
type Ref struct {
	Type string
	ID   int64
}
