package card

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/xuri/excelize/v2"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/infra/peer"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// exportBatch is how many cards one keyset query reads: memory stays flat for a 100,000-card
// batch and no query skips rows with OFFSET.
const exportBatch = 2000

// exportColumns are the file's columns, each titled by "card.col.<name>" in the reader's
// language.
var exportColumns = []string{"key", "plan", "status", "activatedAt", "expiresAt", "durationSeconds", "createdAt"}

// ExportBatch prepares every card of a batch in scope (not a page) as an .xlsx or .csv download
// with the plain keys, opened from their sealed copies. The file is written completely — to
// excelize's StreamWriter, which spools rows to a temporary file, or to a temporary CSV file —
// before a byte is sent, so a failure answers an error instead of a cut file; then the export
// is written to the audit table (who, batch, format, rows, IP).
func (s *sCard) ExportBatch(ctx context.Context, req *v1.BatchExportReq) (*model.Download, error) {
	b, err := batchInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	format := req.Format
	if format == "" {
		format = "xlsx"
	}
	var out exportFile
	if format == "csv" {
		out, err = newCSVFile()
	} else {
		out, err = newXLSXFile()
	}
	if err != nil {
		return nil, err
	}
	done := false
	defer func() {
		if !done {
			_ = out.Close()
		}
	}()
	titles := make([]string, len(exportColumns))
	for i, c := range exportColumns {
		titles[i] = gi18n.T(ctx, "card.col."+c)
	}
	if err = out.Row(titles); err != nil {
		return nil, err
	}
	rows, err := s.writeCards(ctx, b, out)
	if err != nil {
		return nil, err
	}
	if err = out.Finish(); err != nil {
		return nil, err
	}
	if err = s.auditExport(ctx, b, format, rows); err != nil {
		return nil, err
	}
	project, err := service.Project().Names(ctx, []int64{b.ProjectId})
	if err != nil {
		return nil, err
	}
	done = true
	return &model.Download{
		Name: fmt.Sprintf("%s-%s-%d-%s.%s", gi18n.T(ctx, "card.export.name"), project[b.ProjectId], b.Id,
			s.now().In(timefmt.Zone()).Format("20060102-150405"), format),
		ContentType: out.ContentType(),
		WriteTo:     out.Send,
		Close:       out.Close,
	}, nil
}

// writeCards writes the batch's cards in id order, in keyset batches, and answers how many.
func (s *sCard) writeCards(ctx context.Context, b *entity.CardBatches, out exportFile) (int, error) {
	sealer, err := keyring.NewSealer(model.CardKeyPurpose)
	if err != nil {
		return 0, err
	}
	status := map[string]string{}
	for _, st := range []string{model.CardUnused, model.CardActive, model.CardExpired, model.CardDisabled} {
		status[st] = gi18n.T(ctx, "card.status."+st)
	}
	cols := dao.Cards.Columns()
	rows, after := 0, int64(0)
	line := make([]string, len(exportColumns))
	for {
		var cards []entity.Cards
		err := dao.Cards.Ctx(ctx).Fields(cols.Id, cols.KeySealed, cols.Status, cols.ActivatedAt, cols.ExpiresAt,
			cols.DurationSeconds, cols.CreatedAt).Where(cols.BatchId, b.Id).WhereGT(cols.Id, after).
			OrderAsc(cols.Id).Limit(exportBatch).Scan(&cards)
		if err != nil && !dbx.IsNoRows(err) {
			return rows, err
		}
		for i := range cards {
			c := &cards[i]
			key, err := sealer.Open(c.KeySealed)
			if err != nil {
				return rows, err
			}
			line[0], line[1], line[2] = string(key), b.PlanName, status[c.Status]
			line[3], line[4] = timefmt.Format(c.ActivatedAt), timefmt.Format(c.ExpiresAt)
			line[5], line[6] = strconv.FormatInt(c.DurationSeconds, 10), timefmt.Format(c.CreatedAt)
			if err = out.Row(line); err != nil {
				return rows, err
			}
			rows++
		}
		if len(cards) < exportBatch {
			return rows, nil
		}
		after = cards[len(cards)-1].Id
	}
}

// auditExport writes the card_exports row: exports hand out plain keys, so each is kept.
func (s *sCard) auditExport(ctx context.Context, b *entity.CardBatches, format string, rows int) error {
	var operator int64
	if p := principal.From(ctx); p != nil {
		operator = p.UserID
	}
	ip := ""
	if r := g.RequestFromCtx(ctx); r != nil {
		ip = peer.IP(r.Request)
	}
	_, err := dao.CardExports.Ctx(ctx).Data(do.CardExports{BatchId: b.Id, ProjectId: b.ProjectId, OperatorId: operator,
		Format: format, RowCount: rows, Ip: ip, CreatedAt: s.now()}).Insert()
	return err
}

// exportFile is one file format being written.
type exportFile interface {
	Row(cells []string) error
	Finish() error
	ContentType() string
	Send(w io.Writer) error
	Close() error
}

// xlsxFile spools through excelize's StreamWriter.
type xlsxFile struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	line int
	row  []any
}

func newXLSXFile() (*xlsxFile, error) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &xlsxFile{f: f, sw: sw}, nil
}

func (x *xlsxFile) Row(cells []string) error {
	x.line++
	cell, err := excelize.CoordinatesToCellName(1, x.line)
	if err != nil {
		return err
	}
	x.row = x.row[:0]
	for _, c := range cells {
		x.row = append(x.row, c)
	}
	return x.sw.SetRow(cell, x.row)
}

func (x *xlsxFile) Finish() error { return x.sw.Flush() }
func (x *xlsxFile) ContentType() string {
	return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}
func (x *xlsxFile) Send(w io.Writer) error {
	_, err := x.f.WriteTo(w)
	return err
}
func (x *xlsxFile) Close() error { return x.f.Close() }

// csvFile is written to a temporary file first, then sent, with a UTF-8 byte order mark so
// spreadsheet programs read the Chinese titles.
type csvFile struct {
	tmp *os.File
	buf *bufio.Writer
	w   *csv.Writer
}

func newCSVFile() (*csvFile, error) {
	tmp, err := os.CreateTemp("", "kami-cards-*.csv")
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if _, err = buf.WriteString("\uFEFF"); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return nil, err
	}
	return &csvFile{tmp: tmp, buf: buf, w: csv.NewWriter(buf)}, nil
}

func (c *csvFile) Row(cells []string) error { return c.w.Write(cells) }
func (c *csvFile) Finish() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.buf.Flush()
}
func (c *csvFile) ContentType() string { return "text/csv; charset=utf-8" }
func (c *csvFile) Send(w io.Writer) error {
	if _, err := c.tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, c.tmp)
	return err
}
func (c *csvFile) Close() error {
	err := c.tmp.Close()
	_ = os.Remove(c.tmp.Name())
	return err
}
