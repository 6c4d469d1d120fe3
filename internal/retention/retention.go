// Package retention is where modules offer their history tables to the log.retention job
// (internal/logic/logs): each module names its own table and the column that dates a row, so
// the job never reaches into another module's schema.
package retention

import "sync"

// Table is one table whose rows older than kami.logRetention are archived, then deleted.
type Table struct {
	Name    string // table name
	TimeCol string // the column that dates a row
}

var (
	mu     sync.Mutex
	tables []Table
)

// Register offers a table; call it from the owning module's init.
func Register(t Table) {
	mu.Lock()
	defer mu.Unlock()
	tables = append(tables, t)
}

// Tables lists the offered tables in registration order.
func Tables() []Table {
	mu.Lock()
	defer mu.Unlock()
	return append([]Table(nil), tables...)
}
