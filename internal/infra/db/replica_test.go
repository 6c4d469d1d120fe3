package db_test

import (
	"context"
	"strings"
	"testing"

	"kami/internal/config"
	"kami/internal/infra/db"
)

// A replica link is refused at boot, before anything is configured or dialled, unless both the
// primary and the replica are MySQL: the embedded database has no replica.
func TestReplicaLinkNeedsMySQL(t *testing.T) {
	for _, c := range []struct{ primary, replica, want string }{
		{"", "mysql:root:@tcp(127.0.0.1:1)/kami", "needs a MySQL KAMI_DB_LINK"},
		{"mysql:root:@tcp(127.0.0.1:1)/kami", "sqlite::@file(/tmp/kami-replica.db)", "must be a mysql: link"},
	} {
		cfg := &config.Config{DataDir: t.TempDir(), DBLink: c.primary, DBReplicaLink: c.replica}
		if _, err := db.Open(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("primary %q replica %q: %v, want %q", c.primary, c.replica, err, c.want)
		}
	}
}
