package pigsms

import (
	"context"
	"errors"
	"testing"
)

func TestClientAgainstFake(t *testing.T) {
	f := NewFake("tk", "654321")
	defer f.Close()
	cfg := Config{Token: "tk", ProjectID: "42"}
	c := New(func() Config { cfg.BaseURL = f.URL(); return cfg })
	ctx := context.Background()

	f.CodeAfter(3)
	phone, err := c.GetNumber(ctx, "13800000001")
	if err != nil || phone != "13800000001" || !f.Held(phone) {
		t.Fatalf("get: %q %v", phone, err)
	}
	for i := 1; i <= 3; i++ {
		code, err := c.ReadCode(ctx, phone)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]string{true: "654321", false: ""}[i == 3]; code != want {
			t.Fatalf("poll %d: %q", i, code)
		}
	}
	if err := c.Release(ctx, phone); err != nil || f.Held(phone) || f.Releases(phone) != 1 {
		t.Fatalf("release: %v", err)
	}
	any, err := c.GetNumber(ctx, "")
	if err != nil || len(any) != 11 {
		t.Fatalf("any number: %q %v", any, err)
	}
	cfg.Token = "wrong"
	if _, err := c.GetNumber(ctx, ""); !errors.Is(err, ErrRefused) {
		t.Fatalf("bad token: %v", err)
	}
	cfg.BaseURL = ""
	if _, err := New(func() Config { return Config{} }).GetNumber(ctx, ""); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("unset: %v", err)
	}
}
