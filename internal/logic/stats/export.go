package stats

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/stats/v1"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/timefmt"
)

// report is one report as both exports see it: a title, the table and the chart it draws.
type report struct {
	Title  string
	Period string
	Head   []string
	Rows   [][]any
	Chart  v1.Chart
}

// Export answers the report as an .xlsx (the table) or a PDF (the title, a bar chart and the
// table), both written completely before a byte is sent.
func (s *sStats) Export(ctx context.Context, req *v1.ExportReq) (*model.Download, error) {
	rep, err := s.build(ctx, req)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("%s-%s.", rep.Title, s.now().In(timefmt.Zone()).Format("20060102-150405"))
	if req.Format == "pdf" {
		var buf bytes.Buffer
		if err = s.writePDF(ctx, rep, &buf); err != nil {
			return nil, err
		}
		return &model.Download{Name: name + "pdf", ContentType: "application/pdf",
			WriteTo: func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }}, nil
	}
	head := make([]any, len(rep.Head))
	for i, h := range rep.Head {
		head[i] = h
	}
	out, err := exportfile.New("xlsx", head)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	for _, r := range rep.Rows {
		if err = out.Row(r); err != nil {
			return nil, err
		}
	}
	return out.Download(name + "xlsx")
}

// build runs the report the request names, through the same code as its JSON endpoint.
func (s *sStats) build(ctx context.Context, req *v1.ExportReq) (*report, error) {
	rep := &report{Title: gi18n.T(ctx, "stats.report."+req.Report)}
	switch req.Report {
	case "cards":
		res, err := s.Cards(ctx, &v1.CardsReq{RangeReq: req.RangeReq})
		if err != nil {
			return nil, err
		}
		rep.Chart = res.Chart
	case "quota":
		res, err := s.Quota(ctx, &v1.QuotaReq{RangeReq: req.RangeReq})
		if err != nil {
			return nil, err
		}
		rep.Chart = res.Chart
	case "activity":
		res, err := s.Activity(ctx, &v1.ActivityReq{RangeReq: req.RangeReq})
		if err != nil {
			return nil, err
		}
		rep.Chart = res.Chart
	default: // top-agents: the chart's axis is the users
		res, err := s.TopAgents(ctx, &v1.TopAgentsReq{RangeReq: req.RangeReq})
		if err != nil {
			return nil, err
		}
		rep.Chart = v1.Chart{Axis: []string{}, Series: []v1.Series{
			{Name: "cards", Title: title(ctx, "cards")}, {Name: "spent", Title: title(ctx, "spent")},
			{Name: "received", Title: title(ctx, "received")}}}
		for _, it := range res.Items {
			rep.Chart.Axis = append(rep.Chart.Axis, it.Username)
			for i, n := range []int64{it.Cards, it.Spent, it.Received} {
				rep.Chart.Series[i].Data = append(rep.Chart.Series[i].Data, n)
			}
		}
	}
	from, to, _ := s.period(req.RangeReq)
	rep.Period = from + " ~ " + to
	rep.Head = []string{gi18n.T(ctx, "stats.col.period")}
	for _, se := range rep.Chart.Series {
		rep.Head = append(rep.Head, se.Title)
	}
	for i, a := range rep.Chart.Axis {
		row := []any{a}
		for _, se := range rep.Chart.Series {
			row = append(row, se.Data[i])
		}
		rep.Rows = append(rep.Rows, row)
	}
	return rep, nil
}
