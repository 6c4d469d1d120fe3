package db

import (
	"time"

	"github.com/gogf/gf/v2/os/gtime"
)

// Stored times are UTC on every node, whatever the process time zone: the process zone is never
// changed (assigning time.Local after goroutines exist is a data race), so every time argument
// is converted to UTC on its way to the driver. On SQLite, where DATETIME is text compared as
// text, this keeps one offset in every stored value; on MySQL the link's loc is forced to UTC as
// well (see databaseNode), so the driver writes and reads UTC too. The conversion is done by
// kamiDB (driver.go).

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
