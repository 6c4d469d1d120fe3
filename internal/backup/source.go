package backup

import (
	"database/sql"

	_ "github.com/glebarez/go-sqlite" // the embedded database's driver, for a second pool on its file

	"github.com/gogf/gf/v2/database/gdb"
)

// Source is the pool a backup reads db through. On MySQL it is db's own. The embedded SQLite
// pool has one connection (it serialises the process's writers), so holding it for a whole
// snapshot would stop every write: the backup reads through a pool of its own on the same
// file instead, whose deferred read transaction in WAL mode lets writers go on.
func Source(db gdb.DB, dialect string) (*sql.DB, func(), error) {
	if dialect != "sqlite" {
		m, err := db.Master()
		return m, func() {}, err
	}
	own, err := sql.Open("sqlite", db.GetConfig().Name)
	if err != nil {
		return nil, nil, err
	}
	own.SetMaxOpenConns(1)
	return own, func() { own.Close() }, nil
}
