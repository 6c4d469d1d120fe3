package infra

import (
	"context"
	"time"

	"github.com/gogf/gf/contrib/drivers/mysql/v2"
	"github.com/gogf/gf/contrib/drivers/sqlite/v2"
	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"
)

// Stored times are UTC on every node, whatever the process time zone: the process zone is never
// changed (assigning time.Local after goroutines exist is a data race), so every time argument
// is converted to UTC on its way to the driver. On SQLite, where DATETIME is text compared as
// text, this keeps one offset in every stored value; on MySQL the link's loc is forced to UTC as
// well (see databaseNode), so the driver writes and reads UTC too.
func init() {
	for _, name := range []string{"mysql", "sqlite"} {
		inner := mysql.New()
		if name == "sqlite" {
			inner = sqlite.New()
		}
		if err := gdb.Register(name, utcDriver{inner}); err != nil {
			panic(err) // init-time programming error: the driver table refused a name
		}
	}
}

type utcDriver struct{ inner gdb.Driver }

func (d utcDriver) New(core *gdb.Core, node *gdb.ConfigNode) (gdb.DB, error) {
	db, err := d.inner.New(core, node)
	if err != nil {
		return nil, err
	}
	return utcDB{db}, nil
}

type utcDB struct{ gdb.DB }

func (d utcDB) DoFilter(ctx context.Context, link gdb.Link, sql string, args []any) (string, []any, error) {
	for i, a := range args {
		args[i] = utcArg(a)
	}
	return d.DB.DoFilter(ctx, link, sql, args)
}

// utcArg returns a time argument in UTC and any other argument unchanged.
func utcArg(a any) any {
	switch t := a.(type) {
	case time.Time:
		return t.UTC()
	case *time.Time:
		if t != nil {
			return t.UTC()
		}
	case gtime.Time:
		return t.Time.UTC()
	case *gtime.Time:
		if t != nil {
			return t.Time.UTC()
		}
	}
	return a
}
