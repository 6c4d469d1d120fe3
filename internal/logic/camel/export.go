package camel

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	"kami/internal/errs"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/timefmt"
)

// exportSheet is one download of the module (accounts, orders): the shared exportfile with the
// title row translated from "camelOil.<kind>.col.<column>", and the file named after the kind
// and the moment it was asked for.
type exportSheet struct {
	exportfile.File
	name string
}

// newExport refuses a set m of more than limit rows before a byte is written (so the client
// gets a proper error, with both figures), then starts the file in format (xlsx by default).
// The caller writes the rows and hands the result on with download; a deferred Discard drops a
// file that never was.
func (s *sCamel) newExport(ctx context.Context, m *gdb.Model, limit int, format, kind string, columns []string) (*exportSheet, error) {
	n, err := m.Count()
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, errs.ExportTooLarge.New(n, limit)
	}
	titles := make([]any, len(columns))
	for i, c := range columns {
		titles[i] = gi18n.T(ctx, "camelOil."+kind+".col."+c)
	}
	if format == "" {
		format = "xlsx"
	}
	f, err := exportfile.New(format, titles)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("camel-oil-%ss-%s.%s", kind, s.now().In(timefmt.Zone()).Format("20060102-150405"), format)
	return &exportSheet{File: f, name: name}, nil
}

// download finishes the file under its name.
func (e *exportSheet) download() (*model.Download, error) { return e.Download(e.name) }

// orEmpty is an optional time cell: "" when unset.
func orEmpty(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
