package camel

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kami/internal/errs"
)

// Limits of an account import (camel-oil.md §6).
const (
	maxImportBytes = 2 << 20
	maxImportRows  = 5000
	// maxImportUnzip bounds what excelize may inflate from a 2 MB .xlsx, so a zip bomb is refused
	// instead of filling memory.
	maxImportUnzip = 64 << 20
)

// importHeaders maps each header spelling (English or Chinese, case-insensitive) to its field.
var importHeaders = map[string]string{
	"phone": "phone", "手机号": "phone", "password": "password", "密码": "password",
	"dailylimit": "dailyLimit", "每日上限": "dailyLimit", "remark": "remark", "备注": "remark",
}

// importRow is one data row: its row number as a spreadsheet shows it (the header is row 1).
type importRow struct {
	num    int
	fields map[string]string
}

// readImportFile reads the rows of an .xlsx (first sheet) or a UTF-8 .csv, chosen by the
// file's name; blank rows are skipped. More than maxImportRows data rows refuse the whole file.
func readImportFile(name string, data []byte) ([]importRow, error) {
	var next func() ([]string, error)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxImportUnzip,
			UnzipXMLSizeLimit: maxImportUnzip})
		if err != nil {
			return nil, errs.CamelImportBadFile.New()
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, errs.CamelImportBadFile.New()
		}
		rows, err := f.Rows(sheets[0])
		if err != nil {
			return nil, errs.CamelImportBadFile.New()
		}
		defer rows.Close()
		next = func() ([]string, error) {
			if !rows.Next() {
				if rows.Error() != nil {
					return nil, rows.Error()
				}
				return nil, io.EOF
			}
			return rows.Columns()
		}
	case ".csv":
		if !utf8.Valid(data) {
			return nil, errs.CamelImportBadFile.New()
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		next = r.Read
	default:
		return nil, errs.CamelImportBadFile.New()
	}
	return collectImportRows(next)
}

// collectImportRows maps the header row's columns to fields and reads the data rows after it.
func collectImportRows(next func() ([]string, error)) ([]importRow, error) {
	head, err := next()
	if err != nil {
		return nil, errs.CamelImportBadFile.New()
	}
	cols := map[int]string{}
	hasPhone := false
	for i, h := range head {
		if f, ok := importHeaders[strings.ToLower(strings.TrimSpace(h))]; ok {
			cols[i] = f
			hasPhone = hasPhone || f == "phone"
		}
	}
	if !hasPhone {
		return nil, errs.CamelImportBadFile.New()
	}
	var out []importRow
	for num := 2; ; num++ {
		cells, err := next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, errs.CamelImportBadFile.New()
		}
		row := importRow{num: num, fields: map[string]string{}}
		blank := true
		for i, c := range cells {
			if f, ok := cols[i]; ok {
				row.fields[f] = strings.TrimSpace(c)
				blank = blank && row.fields[f] == ""
			}
		}
		if blank {
			continue
		}
		if len(out) == maxImportRows {
			return nil, errs.CamelImportTooManyRows.New()
		}
		out = append(out, row)
	}
}
