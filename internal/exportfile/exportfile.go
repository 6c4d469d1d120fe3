// Package exportfile writes the files of every "download the filtered rows" endpoint: an .xlsx
// through excelize's StreamWriter (it spools rows to a temporary file, so a large export never
// sits in memory) or a .csv in a temporary file. The file is written completely before a byte
// is sent, so a failure answers an error instead of a cut file; the logic hands the result to
// the controller as a *model.Download.
package exportfile

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"

	"kami/internal/model"
)

// File is one export being written, a row at a time.
type File interface {
	// Row appends one row; numbers stay numbers in a spreadsheet.
	Row(cells []any) error
	// Download finishes the file and hands it over: from then on the download closes it.
	Download(name string) (*model.Download, error)
	// Discard drops a file that was not handed over (a deferred call after an error).
	Discard()
}

// New starts a file of the format ("xlsx" or "csv") with its title row.
func New(format string, titles []any) (File, error) {
	var f interface {
		File
		open() error
	}
	if format == "csv" {
		f = &csvFile{}
	} else {
		f = &xlsxFile{}
	}
	if err := f.open(); err != nil {
		return nil, err
	}
	if err := f.Row(titles); err != nil {
		f.Discard()
		return nil, err
	}
	return f, nil
}

type xlsxFile struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	line   int
	handed bool
}

func (x *xlsxFile) open() error {
	x.f = excelize.NewFile()
	sw, err := x.f.NewStreamWriter("Sheet1")
	if err != nil {
		_ = x.f.Close()
		return err
	}
	x.sw = sw
	return nil
}

func (x *xlsxFile) Row(cells []any) error {
	x.line++
	cell, err := excelize.CoordinatesToCellName(1, x.line)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, cells)
}

func (x *xlsxFile) Download(name string) (*model.Download, error) {
	if err := x.sw.Flush(); err != nil {
		return nil, err
	}
	x.handed = true
	return &model.Download{
		Name:        name,
		ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		WriteTo:     func(w io.Writer) error { _, err := x.f.WriteTo(w); return err },
		Close:       x.f.Close,
	}, nil
}

func (x *xlsxFile) Discard() {
	if !x.handed {
		_ = x.f.Close()
	}
}

// csvFile starts with a UTF-8 byte order mark, so spreadsheet programs read Chinese titles.
type csvFile struct {
	tmp    *os.File
	buf    *bufio.Writer
	w      *csv.Writer
	cells  []string
	handed bool
}

func (c *csvFile) open() error {
	tmp, err := os.CreateTemp("", "kami-export-*.csv")
	if err != nil {
		return err
	}
	c.tmp, c.buf = tmp, bufio.NewWriterSize(tmp, 64<<10)
	c.w = csv.NewWriter(c.buf)
	if _, err = c.buf.WriteString("\uFEFF"); err != nil {
		c.Discard()
		return err
	}
	return nil
}

func (c *csvFile) Row(cells []any) error {
	c.cells = c.cells[:0]
	for _, v := range cells {
		if s, ok := v.(string); ok {
			c.cells = append(c.cells, s)
		} else {
			c.cells = append(c.cells, fmt.Sprint(v))
		}
	}
	return c.w.Write(c.cells)
}

func (c *csvFile) Download(name string) (*model.Download, error) {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return nil, err
	}
	if err := c.buf.Flush(); err != nil {
		return nil, err
	}
	c.handed = true
	return &model.Download{
		Name:        name,
		ContentType: "text/csv; charset=utf-8",
		WriteTo: func(w io.Writer) error {
			if _, err := c.tmp.Seek(0, io.SeekStart); err != nil {
				return err
			}
			_, err := io.Copy(w, c.tmp)
			return err
		},
		Close: c.remove,
	}, nil
}

func (c *csvFile) remove() error {
	err := c.tmp.Close()
	_ = os.Remove(c.tmp.Name())
	return err
}

func (c *csvFile) Discard() {
	if !c.handed {
		_ = c.remove()
	}
}
