// Package throttle spends rate limits kept in Redis, shared by every node.
package throttle
