package stats

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"kami/internal/errs"
	"kami/internal/service"
)

// palette colours the chart's series (up to six; more reuse them).
var palette = [][3]int{{64, 128, 255}, {82, 196, 26}, {250, 173, 20}, {245, 34, 45}, {114, 46, 209}, {19, 194, 194}}

// pdfFontFile reads the TrueType font: fpdf embeds (a subset of) it so the Chinese text shows
// on every reader. A CFF/OTF font (fonts-noto-cjk) is not TrueType and would not do.
func pdfFontFile() ([]byte, error) {
	path := strings.TrimSpace(service.Settings().String(settingPDFFont))
	if path == "" {
		path = DefaultPDFFont
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errs.StatsFont.Wrap(err)
	}
	return b, nil
}

// writePDF lays out the report on A4 landscape: title, period, a grouped bar chart of every
// series, then the table (continued on further pages as needed).
func (s *sStats) writePDF(ctx context.Context, rep *report, w io.Writer) error {
	font, err := pdfFontFile()
	if err != nil {
		return err
	}
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	pdf.SetTitle(rep.Title, true)
	pdf.SetAutoPageBreak(true, 12)
	pdf.AddPage()
	pdf.SetFont("cjk", "", 18)
	pdf.CellFormat(0, 10, rep.Title, "", 1, "L", false, 0, "")
	pdf.SetFont("cjk", "", 10)
	pdf.CellFormat(0, 6, rep.Period, "", 1, "L", false, 0, "")
	drawChart(pdf, rep)
	drawTable(pdf, rep)
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// drawChart draws the series as grouped bars over the axis, with a legend, in a 270 x 80 mm box.
func drawChart(pdf *fpdf.Fpdf, rep *report) {
	const x0, w, h = 15.0, 267.0, 70.0
	y0 := pdf.GetY() + 4
	top := int64(0)
	for _, se := range rep.Chart.Series {
		for _, n := range se.Data {
			top = max(top, n)
		}
	}
	pdf.SetFont("cjk", "", 8)
	lx := x0
	for i, se := range rep.Chart.Series {
		c := palette[i%len(palette)]
		pdf.SetFillColor(c[0], c[1], c[2])
		pdf.Rect(lx, y0, 3, 3, "F")
		pdf.Text(lx+4, y0+2.6, se.Title)
		lx += 6 + pdf.GetStringWidth(se.Title) + 4
	}
	base := y0 + 6 + h
	pdf.SetDrawColor(160, 160, 160)
	pdf.Line(x0, base, x0+w, base)
	pdf.Text(x0-12, y0+8, strconv.FormatInt(top, 10))
	n, k := len(rep.Chart.Axis), len(rep.Chart.Series)
	if n == 0 || k == 0 {
		pdf.SetY(base + 8)
		return
	}
	slot := w / float64(n)
	bar := slot * 0.8 / float64(k)
	for i := range rep.Chart.Axis {
		for j, se := range rep.Chart.Series {
			if top == 0 || se.Data[i] == 0 {
				continue
			}
			c := palette[j%len(palette)]
			pdf.SetFillColor(c[0], c[1], c[2])
			bh := h * float64(se.Data[i]) / float64(top)
			pdf.Rect(x0+float64(i)*slot+slot*0.1+float64(j)*bar, base-bh, bar, bh, "F")
		}
	}
	// Axis labels: at most about 15, so they do not overlap.
	every := max(1, n/15)
	for i := 0; i < n; i += every {
		pdf.Text(x0+float64(i)*slot, base+4, rep.Chart.Axis[i])
	}
	pdf.SetY(base + 8)
}

// drawTable writes the head and the rows, each column as wide as the page allows.
func drawTable(pdf *fpdf.Fpdf, rep *report) {
	colW := 267.0 / float64(len(rep.Head))
	pdf.SetX(15)
	pdf.SetFont("cjk", "", 9)
	pdf.SetFillColor(235, 238, 245)
	for _, h := range rep.Head {
		pdf.CellFormat(colW, 7, h, "1", 0, "C", true, 0, "")
	}
	pdf.Ln(-1)
	for _, r := range rep.Rows {
		pdf.SetX(15)
		for i, c := range r {
			align := "R"
			if i == 0 {
				align = "L"
			}
			var txt string
			switch v := c.(type) {
			case string:
				txt = v
			case int64:
				txt = strconv.FormatInt(v, 10)
			}
			pdf.CellFormat(colW, 6, txt, "1", 0, align, false, 0, "")
		}
		pdf.Ln(-1)
	}
}
