package db

import (
	"strings"
	"sync/atomic"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/config"
)

// ReadsGroup is the gf database group of reads that may lag (logs and statistics): the
// primary as its master node and KAMI_DB_REPLICA_LINK as its slave, so a query on it outside a
// transaction goes to the replica. It is a group of its own, not slave nodes on the default
// group, because gf would then send every plain SELECT there — guarded reads, idempotency
// replays and a balance read right after its write must see the primary.
const ReadsGroup = "reads"

// replica is set by Open when a replica is configured, and only read afterwards.
var replica atomic.Bool

func readsGroup(c *config.Config, primary *gdb.ConfigNode) (gdb.ConfigGroup, error) {
	if c.Embedded() {
		return nil, gerror.New("KAMI_DB_REPLICA_LINK needs a MySQL KAMI_DB_LINK (the embedded database has no replica)")
	}
	if !strings.HasPrefix(c.DBReplicaLink, "mysql:") {
		return nil, gerror.New("KAMI_DB_REPLICA_LINK must be a mysql: link")
	}
	master, slave := *primary, *primary
	master.Role = gdb.RoleMaster
	slave.Role, slave.Link = gdb.RoleSlave, utcLink(c.DBReplicaLink)
	return gdb.ConfigGroup{master, slave}, nil
}

// Reads is the database for reads of logs and statistics: the replica's group when one is
// configured, the default database otherwise. Use it as dao.X.Ctx(ctx).DB(db.Reads()).
func Reads() gdb.DB {
	if replica.Load() {
		return g.DB(ReadsGroup)
	}
	return g.DB()
}
