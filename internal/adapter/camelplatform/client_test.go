package camelplatform

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestClientAgainstFake(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	f := NewFake(func() time.Time { return now })
	defer f.Close()
	c := New(f.URL)
	ctx := context.Background()

	if err := c.SendCode(ctx, "13800000001"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(ctx, "13800000001", "000000"); !errors.Is(err, ErrWrongCode) {
		t.Fatalf("wrong code: %v", err)
	}
	tok, err := c.Login(ctx, "13800000001", f.Code)
	if err != nil || tok.Token == "" || !tok.ExpiresAt.Equal(now.Add(24*time.Hour)) {
		t.Fatalf("login: %+v %v", tok, err)
	}
	if err := c.CheckToken(ctx, tok.Token); err != nil {
		t.Fatal(err)
	}
	p, err := c.PlaceOrder(ctx, tok.Token, "CO1", 1000)
	if err != nil || p.OrderNo == "" || p.PayURL == "" {
		t.Fatalf("place: %+v %v", p, err)
	}
	st, err := c.QueryOrder(ctx, tok.Token, p.OrderNo)
	if err != nil || st.Status != OrderUnpaid {
		t.Fatalf("query: %+v %v", st, err)
	}
	f.Pay(p.OrderNo)
	if st, _ = c.QueryOrder(ctx, tok.Token, p.OrderNo); st.Status != OrderPaid || !st.PaidAt.Equal(now) {
		t.Fatalf("paid: %+v", st)
	}
	if f.OrdersFor(tok.Token) != 1 {
		t.Fatalf("count %d", f.OrdersFor(tok.Token))
	}

	faults := []struct {
		name string
		set  func(token string)
		want error
	}{
		{"reject", f.RejectToken, ErrTokenRejected},
		{"daily limit", f.DailyLimitFor, ErrDailyLimit},
		{"banned", f.BanToken, ErrBanned},
		{"5xx", func(string) { f.FailOrders(1) }, ErrUnavailable},
	}
	for _, tc := range faults {
		t.Run(tc.name, func(t *testing.T) {
			token := f.IssueToken("13800000002")
			tc.set(token)
			if _, err := c.PlaceOrder(ctx, token, "CO2", 1000); !errors.Is(err, tc.want) {
				t.Fatalf("got %v want %v", err, tc.want)
			}
		})
	}
	t.Run("timeout", func(t *testing.T) {
		f.SetDelay(time.Second)
		defer f.SetDelay(0)
		short := &Client{BaseURL: f.URL, HTTP: &http.Client{Timeout: 50 * time.Millisecond}}
		if _, err := short.PlaceOrder(ctx, f.IssueToken("13800000003"), "CO3", 1000); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("unknown token", func(t *testing.T) {
		if err := c.CheckToken(ctx, "nope"); !errors.Is(err, ErrTokenRejected) {
			t.Fatalf("got %v", err)
		}
	})
}
