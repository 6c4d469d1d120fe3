package db

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gerror"
)

// WarmTableFields loads gf's cache of every table's columns once, at boot, before any request.
// gf fills that cache on first use while holding the cache's lock, and the fill needs a
// connection of its own: a cold process under load (a node just started, the embedded
// database's single connection held by a transaction that waits for the same lock) deadlocked
// forever, seen in the two-node quota test.
func WarmTableFields(ctx context.Context, db gdb.DB) error {
	tables, err := db.Tables(ctx)
	if err != nil {
		return gerror.Wrap(err, "list tables")
	}
	for _, t := range tables {
		if _, err = db.TableFields(ctx, t); err != nil {
			return gerror.Wrapf(err, "columns of %s", t)
		}
	}
	return nil
}
