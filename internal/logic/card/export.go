package card

import (
	"context"
	"fmt"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/exportfile"
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
	titles := make([]any, len(exportColumns))
	for i, c := range exportColumns {
		titles[i] = gi18n.T(ctx, "card.col."+c)
	}
	out, err := exportfile.New(format, titles)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	rows, err := s.writeCards(ctx, b, out)
	if err != nil {
		return nil, err
	}
	if err = s.auditExport(ctx, b, format, rows); err != nil {
		return nil, err
	}
	project, err := service.Project().Names(ctx, []int64{b.ProjectId})
	if err != nil {
		return nil, err
	}
	return out.Download(fmt.Sprintf("%s-%s-%d-%s.%s", gi18n.T(ctx, "card.export.name"), project[b.ProjectId], b.Id,
		s.now().In(timefmt.Zone()).Format("20060102-150405"), format))
}

// writeCards writes the batch's cards in id order, in keyset batches, and answers how many.
func (s *sCard) writeCards(ctx context.Context, b *entity.CardBatches, out exportfile.File) (int, error) {
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
	line := make([]any, len(exportColumns))
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
