package derp_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/entity"
)

var codeFormat = regexp.MustCompile(`^DR(-[0-9A-HJKMNP-TV-Z]{5}){4}-[0-9A-HJKMNP-TV-Z]{6}$`)

// §14.1: 100 unique codes in the format, no plaintext in the database.
func TestSerialBatchCreate(t *testing.T) {
	w := newWorld(t)
	var b v1.SerialBatchCreateRes
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": 3, "count": 100, "remark": "t"}).
		Expect(t, http.StatusOK).Decode(t, &b)
	if b.Id == 0 || b.Count != 100 || len(b.Codes) != 100 || b.DistributorId != nil || b.ExpiresAt == "" {
		t.Fatalf("batch %+v", b)
	}
	seen := map[string]bool{}
	for _, c := range b.Codes {
		if !codeFormat.MatchString(c) || seen[c] {
			t.Fatalf("code %q out of format or repeated", c)
		}
		seen[c] = true
	}
	var rows []entity.DerpSerials
	if err := dao.DerpSerials.Ctx(context.Background()).Where("batch_id", b.Id).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 100 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.Status != "unused" || r.Source != "admin" || r.PlanId != 3 || len(r.CodeLast4) != 4 {
			t.Fatalf("row %+v", r)
		}
		for _, c := range b.Codes {
			body := strings.ReplaceAll(c, "-", "")[2:]
			if strings.Contains(r.CodeEnc, body[:12]) || strings.Contains(r.CodeHash, body[:12]) {
				t.Fatalf("a stored column holds a code")
			}
		}
	}
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": 3, "count": 0}).Expect(t, http.StatusBadRequest)
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": 3, "count": 1001}).Expect(t, http.StatusBadRequest)
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": 999999, "count": 1}).Expect(t, http.StatusNotFound)
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": 3, "count": 1, "distributorId": w.Boss.ID}).
		Expect(t, http.StatusForbidden)
}
