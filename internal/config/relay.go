package config

// Relay is kami.relay: the AI relay's restart-only limits (relay.md §7). The live knobs are
// settings (group relay); these bound memory per request and are read by every request, so
// they stay out of the settings a panel user can change.
type Relay struct {
	// MaxBodyBytes caps a /v1 request body (413 request_too_large above it). It must stay at
	// or below server.clientMaxBodySize, which caps every route first.
	MaxBodyBytes int64 `json:"maxBodyBytes"`
	// MaxSSELineBytes caps one upstream SSE line; a longer one ends the stream with an error
	// event (bufio.Scanner's 64 KiB would have cut long tool-call chunks).
	MaxSSELineBytes int `json:"maxSSELineBytes"`
}

// Defaults of kami.relay (relay.md §1, §2).
const (
	DefaultRelayMaxBodyBytes    = 20 << 20
	DefaultRelayMaxSSELineBytes = 4 << 20
)

func relayDefaults(r *Relay) {
	if r.MaxBodyBytes <= 0 {
		r.MaxBodyBytes = DefaultRelayMaxBodyBytes
	}
	if r.MaxSSELineBytes <= 0 {
		r.MaxSSELineBytes = DefaultRelayMaxSSELineBytes
	}
}
