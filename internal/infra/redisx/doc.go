// Package redisx owns the process's Redis client: a server (or cluster), or the embedded
// Redis-protocol store, behind the same gf APIs, and the key prefix every key is built under.
package redisx
