// Package peer tells who is calling: the client address and scheme of a request, believing
// forwarding headers only from trusted proxies.
package peer
