package stats_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// TestStatsExport downloads a report as PDF and as .xlsx. The PDF's text is extracted the way
// a reader would: fpdf deflates every content stream, so each stream is inflated, and with a
// UTF-8 TrueType font fpdf writes text as "(UTF-16BE bytes, PDF-escaped) Tj" (the CIDs are the
// code points, mapped to glyphs by CIDToGIDMap), so the strings are unescaped and decoded.
func TestStatsExport(t *testing.T) {
	w := newWorld(t)
	r := w.Boss.C.Get(t, "/api/stats/export?report=cards&format=pdf").Expect(t, http.StatusOK)
	body := r.Raw
	if !bytes.HasPrefix(body, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.40q", body)
	}
	text := pdfText(t, body)
	if !strings.Contains(text, "卡密统计报表") || !strings.Contains(text, "激活") {
		t.Fatalf("the PDF's text lacks the Chinese title: %.300q", text)
	}

	r = w.Agent1.C.Get(t, "/api/stats/export?report=quota&format=xlsx&from=2026-01-01&to=2026-01-03").Expect(t, http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "日期/周期" || rows[1][0] != "2026-01-01" {
		t.Fatalf("xlsx rows: %v", rows)
	}

	for _, report := range []string{"cards", "quota", "activity", "top-agents"} {
		for _, format := range []string{"xlsx", "pdf"} {
			r := w.Agent2.C.Get(t, "/api/stats/export?report="+report+"&format="+format)
			if r.Status != http.StatusOK || len(r.Raw) < 100 || !strings.Contains(r.Header.Get("Content-Disposition"), format) {
				t.Errorf("%s as %s: HTTP %d, %d bytes, %s", report, format, r.Status, len(r.Raw), r.Header.Get("Content-Disposition"))
			}
		}
	}

	// The font path is a setting: a missing file answers 503, nothing written.
	w.Admin.C.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"stats.pdfFont": "/nonexistent.ttf"}}).
		Expect(t, http.StatusOK)
	t.Cleanup(func() {
		w.Admin.C.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"stats.pdfFont": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"}})
	})
	waitFor(t, func() bool {
		return w.Boss.C.Get(t, "/api/stats/export?report=activity&format=pdf").ErrorCode() == "STATS_PDF_FONT_MISSING"
	})
}

var (
	streamRe = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	tjRe     = regexp.MustCompile(`(?s)\(((?:\\.|[^\\)])*)\)\s*Tj`)
)

// pdfText is every string shown by Tj in the PDF's (inflated) streams, decoded from UTF-16BE.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	for _, m := range streamRe.FindAllSubmatch(pdf, -1) {
		data := m[1]
		if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			if inflated, err := io.ReadAll(zr); err == nil {
				data = inflated
			}
		}
		for _, s := range tjRe.FindAllSubmatch(data, -1) {
			out.WriteString(utf16be(unescape(s[1])))
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// unescape undoes a PDF literal string's backslash escapes.
func unescape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch c := b[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default:
			if c >= '0' && c <= '7' {
				v, n := 0, 0
				for n < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7' {
					v, i, n = v*8+int(b[i]-'0'), i+1, n+1
				}
				i--
				out = append(out, byte(v))
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

func utf16be(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
