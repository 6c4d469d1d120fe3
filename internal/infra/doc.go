// Package infra holds no code: its sub-packages own the process's connections and the
// primitives the logic builds on, one concern each.
//   - db: the database group (MySQL or embedded SQLite), its dialect, the data dir and the
//     driver wrapper (UTC arguments, SQL errors without their arguments);
//   - redisx: the Redis client (a server, or the embedded store) and key prefixing;
//   - keyring: the master key, the subkeys derived from it, lookup hashes, Seal/Open;
//   - throttle: rate limits shared by every node through Redis;
//   - peer: the caller's address and scheme, believing trusted proxies only;
//   - i18n: the embedded translations.
package infra
