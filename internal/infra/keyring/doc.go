// Package keyring holds the master key and what is derived from it: per-purpose subkeys,
// lookup hashes and sealed (encrypted) values.
package keyring
