package relay_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/testkit"
)

// ovCeil is relay.md §3's one rounding: decimal arithmetic, one ceil at the end.
func ovCeil(d decimal.Decimal) int64 {
	if !d.IsPositive() {
		return 0
	}
	return d.Ceil().IntPart()
}

func ovDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ovFinal is quota = ceil((P − C + C×CaR + Q×CR) × MR × GR).
func ovFinal(p, c, q int64, mr, cr, car, gr string) int64 {
	tokens := decimal.NewFromInt(p - c).Add(decimal.NewFromInt(c).Mul(ovDec(car))).Add(decimal.NewFromInt(q).Mul(ovDec(cr)))
	return ovCeil(tokens.Mul(ovDec(mr)).Mul(ovDec(gr)))
}

// ovPre is pre = ceil((ceil(bytes/3) + maxOut×CR) × MR × GR).
func ovPre(rawMessages string, maxOut int64, mr, cr, gr string) int64 {
	est := decimal.NewFromInt(int64(len(rawMessages))).Div(decimal.NewFromInt(3)).Ceil()
	return ovCeil(est.Add(decimal.NewFromInt(maxOut).Mul(ovDec(cr))).Mul(ovDec(mr)).Mul(ovDec(gr)))
}

type ovLedgerItem struct {
	UserID       int64  `json:"userId"`
	Bucket       string `json:"bucket"`
	Amount       int64  `json:"amount"`
	BalanceAfter int64  `json:"balanceAfter"`
	Ref          string `json:"ref"`
}

type ovLogItem struct {
	RequestID   string `json:"requestId"`
	Status      string `json:"status"`
	PreQuota    int64  `json:"preQuota"`
	Quota       int64  `json:"quota"`
	Uncollected int64  `json:"uncollected"`
	SettleState string `json:"settleState"`
	GroupRatio  string `json:"groupRatio"`
	Prompt      int64  `json:"promptTokens"`
	Completion  int64  `json:"completionTokens"`
	UsageSource string `json:"usageSource"`
}

// A request whose upstream usage costs more than its pre-charge (max_tokens 1, 5000 completion
// tokens): Commit with AllowOverage takes the excess from available, down to 0 and never below
// (relay.md §3); what it could not take is the row's uncollected; the ledger's entries on
// relay:<rid> sum to quota − uncollected and nothing stays frozen.
func TestOverageCollectedDownToZero(t *testing.T) {
	admin := testkit.Current().Admin(t)
	const (
		mr, cr, car, gr = "0.07", "3", "1", "1.5"
		p, q            = 50, 5000
		msgs            = `[{"role":"user","content":"hi"}]`
	)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "a long answer", Usage: [3]int64{p, q, 0}})
	m := testkit.UniqueName("gpt-ov-")
	seedPrice(t, m, mr, cr)
	code := testkit.UniqueName("ovg")
	admin.Post(t, "/api/relay/groups", map[string]any{"code": code, "name": "ov", "ratio": gr}).Expect(t, 200)
	createChannel(t, admin, map[string]any{"name": "ov-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"groups": []string{code}, "keys": []string{"sk-ovKeyovKeyovKey0001"}})

	pre, quota := ovPre(msgs, 1, mr, cr, gr), ovFinal(p, 0, q, mr, cr, car, gr)
	// By hand: est ceil(32/3) = 11, (11 + 1×3) × 0.105 = 1.47 → 2; (50 + 15000) × 0.105 =
	// 1580.25 → 1581 (float64 would give the same here; the decimal path is what is checked).
	if pre != 2 || quota != 1581 {
		t.Fatalf("expected figures pre %d quota %d, want 2 and 1581", pre, quota)
	}
	cases := []struct {
		name   string
		funds  int64
		stream bool
	}{
		{"enough available", 10000, false},
		{"enough available, stream", 10000, true},
		{"short of the excess", 500, false},
		{"short of the excess, stream", 500, true},
		{"exactly the pre-charge", pre, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newAgent(t, c.funds, 0)
			admin.Put(t, fmt.Sprintf("/api/relay/users/%d/group", a.UserID), map[string]any{"group": code}).Expect(t, 200)
			// After the reservation the user has funds − pre available: it covers the excess
			// (quota − pre) or it does not, and then it is what can be collected beyond pre.
			collected := min(quota, c.funds)
			body := `{"model":"` + m + `","max_tokens":1,"messages":` + msgs
			if c.stream {
				body += `,"stream":true`
			}
			resp := postV1(t, a.Key, body+"}", false)
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, raw)
			}
			if c.stream && !strings.HasSuffix(string(raw), "data: [DONE]\n\n") {
				t.Fatalf("stream did not end normally: %q", raw)
			}
			rid := resp.Header.Get("X-Request-Id")
			waitSettled(t, a.UserID)

			row := logRow(t, a.TokenID)
			if row.RequestId != rid || row.Status != "success" || row.SettleState != "committed" ||
				row.UsageSource != "upstream" || row.PromptTokens != p || row.CompletionTokens != q {
				t.Fatalf("row %+v (rid %s)", row, rid)
			}
			if row.PreQuota != pre || row.Quota != quota || row.Uncollected != quota-collected {
				t.Fatalf("row pre %d quota %d uncollected %d, want %d %d %d",
					row.PreQuota, row.Quota, row.Uncollected, pre, quota, quota-collected)
			}
			if !ovDec(row.GroupRatio).Equal(ovDec(gr)) || !ovDec(row.ModelRatio).Equal(ovDec(mr)) ||
				!ovDec(row.CompletionRatio).Equal(ovDec(cr)) {
				t.Fatalf("row ratios MR %s CR %s GR %s", row.ModelRatio, row.CompletionRatio, row.GroupRatio)
			}
			if b := balance(t, a.UserID); b.Available != c.funds-collected || b.Frozen != 0 {
				t.Fatalf("balance %+v, want available %d and nothing frozen", b, c.funds-collected)
			}

			// The ledger as the admin API shows it: the user's entries on relay:<rid> net
			// −collected (the reservation and its release cancel out), none leaves a bucket
			// below 0, and the system account received exactly collected.
			var ledger struct {
				Items []ovLedgerItem `json:"items"`
				Total int            `json:"total"`
			}
			admin.Get(t, "/api/quota/ledger/list?pageSize=100&ref=relay:"+rid).Expect(t, 200).Decode(t, &ledger)
			var user, system int64
			for _, it := range ledger.Items {
				if it.Ref != "relay:"+rid {
					t.Fatalf("entry of another ref: %+v", it)
				}
				switch it.UserID {
				case a.UserID:
					user += it.Amount
					if it.BalanceAfter < 0 {
						t.Fatalf("entry left %s at %d: %+v", it.Bucket, it.BalanceAfter, it)
					}
				case 0:
					system += it.Amount
				default:
					t.Fatalf("entry of user %d on the request: %+v", it.UserID, it)
				}
			}
			if ledger.Total != len(ledger.Items) || user != -(quota-row.Uncollected) || system != quota-row.Uncollected {
				t.Fatalf("ledger on relay:%s: user net %d, system %d, want %d and %d: %+v",
					rid, user, system, -(quota - row.Uncollected), quota-row.Uncollected, ledger.Items)
			}

			var logs struct {
				Items []ovLogItem `json:"items"`
				Total int         `json:"total"`
			}
			admin.Get(t, "/api/relay/logs/list?requestId="+rid).Expect(t, 200).Decode(t, &logs)
			if logs.Total != 1 || len(logs.Items) != 1 {
				t.Fatalf("logs list for %s: %+v", rid, logs)
			}
			if it := logs.Items[0]; it.RequestID != rid || it.Quota != quota || it.Uncollected != quota-collected ||
				it.PreQuota != pre || it.SettleState != "committed" || it.Status != "success" ||
				!ovDec(it.GroupRatio).Equal(ovDec(gr)) || it.Prompt != p || it.Completion != q || it.UsageSource != "upstream" {
				t.Fatalf("log item %+v, want quota %d uncollected %d pre %d", it, quota, quota-collected, pre)
			}
			// §3 "the rest → uncollected + alert": the super-admins hear of a shortfall, once.
			alerts, err := dao.Notices.Ctx(context.Background()).Where("kind", "relay.uncollected").
				Where("ref_type", "user").Where("ref_id", a.UserID).Count()
			if err != nil || (alerts == 1) != (quota > collected) {
				t.Fatalf("%d relay.uncollected notices for a shortfall of %d (%v)", alerts, quota-collected, err)
			}
			audit(t, a.UserID)
		})
	}
	if n := len(fake.Requests()); n != len(cases) {
		t.Fatalf("the upstream received %d requests, want %d", n, len(cases))
	}
}
