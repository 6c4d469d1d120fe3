package listq

import (
	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/errs"
	"kami/internal/timefmt"
)

// TimeRange keeps rows whose col is in [from, to), the RFC 3339 bounds of a list filter; either
// may be empty. A bound that does not parse is 400 TIME_INVALID naming the parameter.
func TimeRange(m *gdb.Model, col, from, to string) (*gdb.Model, error) {
	f, err := timefmt.Parse(from)
	if err != nil {
		return nil, errs.TimeInvalid.New("from")
	}
	t, err := timefmt.Parse(to)
	if err != nil {
		return nil, errs.TimeInvalid.New("to")
	}
	if f != nil {
		m = m.WhereGTE(col, f)
	}
	if t != nil {
		m = m.WhereLT(col, t)
	}
	return m, nil
}
