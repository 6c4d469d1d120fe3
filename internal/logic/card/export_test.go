package card_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// The export holds every card of the batch (more than one keyset read), each key as the plain
// key whose keyed hash is the stored one; it works with the bearer token alone, names the file
// in Chinese through RFC 5987's filename*, and every export is audited.
func TestExportHoldsEveryCard(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 5000)
	b := created(t, w.Agent1.C, pid, plan, 2345) // above one keyset batch of 2000
	stored := map[string]bool{}
	for _, c := range cardsOf(t, b.ID) {
		stored[c.KeyHash] = true
	}
	// A client with nothing but the bearer token: no cookie jar, no refresh cookie.
	bare := testkit.NewClient(w.Agent1.C.Base)
	bare.Token = w.Agent1.C.Token
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			r := bare.Get(t, path("/api/cards/batches/%d/export?format=%s", b.ID, format)).Expect(t, http.StatusOK)
			_, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
			if err != nil || !strings.HasPrefix(params["filename"], "卡密-") || !strings.HasSuffix(params["filename"], "."+format) ||
				!strings.Contains(r.Header.Get("Content-Disposition"), "filename*=UTF-8''") {
				t.Fatalf("Content-Disposition %q: %v %v", r.Header.Get("Content-Disposition"), params, err)
			}
			rows := readExport(t, format, r.Raw)
			if rows[0][0] != "卡密" || rows[0][2] != "状态" {
				t.Fatalf("titles %v", rows[0])
			}
			rows = rows[1:]
			if len(rows) != b.Count {
				t.Fatalf("%d rows, want %d", len(rows), b.Count)
			}
			seen := map[string]bool{}
			for _, row := range rows {
				h := keyring.LookupHash(model.CardKeyPurpose, model.NormalizeCardKey(row[0]))
				if !stored[h] || seen[h] || !keyShape.MatchString(row[0]) || row[1] != "month" || row[2] != "未使用" {
					t.Fatalf("row %v: not a stored key, a repeat, or wrong fields", row)
				}
				seen[h] = true
			}
			var audit []entity.CardExports
			if err := dao.CardExports.Ctx(context.Background()).Where("batch_id", b.ID).Where("format", format).Scan(&audit); err != nil {
				t.Fatal(err)
			}
			if len(audit) != 1 || audit[0].OperatorId != w.Agent1.ID || audit[0].RowCount != b.Count || audit[0].ProjectId != pid {
				t.Fatalf("audit rows %+v", audit)
			}
		})
	}
	expectError(t, bare.Get(t, path("/api/cards/batches/%d/export?format=pdf", b.ID)), 400, "INVALID_INPUT")
}

func readExport(t *testing.T, format string, raw []byte) [][]string {
	t.Helper()
	if format == "csv" {
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
