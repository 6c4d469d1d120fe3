// Package retention is where modules offer their tables to the log.retention job
// (internal/logic/logs): each module names its own table, the column that dates a row and, where
// only some rows may go, its rule for them, so the job never reaches into another module's schema.
package retention

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Table is one table whose old rows the log.retention job removes.
//
// Without a Window the table is history (logs, job runs): rows older than kami.logRetention are
// archived, then deleted. With a Window it is a module's finished state (delivered events, read
// notifications): rows older than the window are deleted in batches, without an archive.
type Table struct {
	Name    string // table name
	TimeCol string // the column that dates a row; a NULL never counts as old
	// Where, when set, narrows the old rows to those that may go (delivered, read, no longer
	// referred to). It is repeated in every DELETE, so a row whose state changed since it was
	// selected (an event redelivered meanwhile) stays.
	Where func(ctx context.Context, m *gdb.Model) *gdb.Model
	// Window, when set, is how long the table keeps its rows, read at each run (from a setting);
	// 0 or less keeps them all.
	Window func() time.Duration
}

// Expired selects the rows of t dated before cutoff that its Where lets go; each call builds a
// fresh query, as a batch loop needs.
func (t Table) Expired(ctx context.Context, cutoff *gtime.Time) *gdb.Model {
	m := g.DB().Model(t.Name).Ctx(ctx).WhereLT(t.TimeCol, cutoff)
	if t.Where != nil {
		m = t.Where(ctx, m)
	}
	return m
}

// MinWindow is the shortest window a module's retention setting accepts besides 0: far above
// the longest transaction, so a row is never judged unreferenced while its referrers are still
// being written.
const MinWindow = time.Hour

// CheckWindow is the settings.Def Validate of a retention window: 0 (keep forever) or at least
// MinWindow.
func CheckWindow(v any) error {
	if d, ok := v.(time.Duration); ok && d != 0 && d < MinWindow {
		return fmt.Errorf("0 keeps every row; any other window is at least %s", MinWindow)
	}
	return nil
}

var (
	mu     sync.Mutex
	tables []Table
)

// Register offers a table; call it from the owning module's init. Tables are processed in
// registration order: a table whose rule looks at another's rows (deliveries of events no longer
// there) comes after it, so one run removes both.
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
