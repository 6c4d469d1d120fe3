package exportfile

import (
	"context"
	"database/sql"
	"errors"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/errs"
	"kami/internal/model"
)

// batch is how many rows one keyset query reads; memory stays flat however large the set.
const batch = 1000

// Keyset prepares the filtered set m (a Safe model over a table with an id column) as an .xlsx
// download named name. The set is fixed at the largest id seen when the export starts, refused
// (before any byte is sent, so the client gets a proper error) when it exceeds limit (<= 0:
// 100000), and read newest first in keyset batches into the StreamWriter, which spools rows to
// a temporary file instead of holding them in memory. write turns one batch into rows.
func Keyset(ctx context.Context, m *gdb.Model, limit int, titles []any, name string,
	write func(batch gdb.Result, emit func([]any) error) error) (*model.Download, error) {
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100000
	}
	if total > limit {
		return nil, errs.ExportTooLarge.New(total, limit)
	}
	top, err := m.Max("id")
	if err != nil {
		return nil, err
	}
	out, err := New("xlsx", titles)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	written := 0
	emit := func(values []any) error {
		written++
		return out.Row(values)
	}
	next := int64(top) + 1
	for written < total {
		rows, err := m.WhereLT("id", next).OrderDesc("id").Limit(min(batch, total-written)).All()
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		if len(rows) == 0 {
			break // rows deleted meanwhile (retention); the file has what is left
		}
		if err = write(rows, emit); err != nil {
			return nil, err
		}
		next = rows[len(rows)-1]["id"].Int64()
	}
	return out.Download(name)
}
