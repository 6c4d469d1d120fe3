package ipipv

import (
	"strings"
	"testing"
)

func TestOfficialVectors(t *testing.T) {
	cases := []struct{ plain, key, want string }{
		{"TestMessage", "qwertyuiop123456", "5cfJMwX0w65sEQVBxu9zHw=="},
		{`{"ip":"1.2.3.4"}`, "qwertyuiop123456", "GZcH1JQPlSpc+7ozznun99Zs2IpjRbLEnpfZgJ+F1Uo="},
		{"TestMessage", "qwertyuiop123456asdfghjk", "gzwsunohuhAvu75NKQhEHQ=="},
	}
	for _, c := range cases {
		got, err := Encrypt([]byte(c.key), []byte(c.plain))
		if err != nil || got != c.want {
			t.Fatalf("Encrypt(%q,%q) = %q, %v; want %q", c.plain, c.key, got, err, c.want)
		}
		back, err := Decrypt([]byte(c.key), got)
		if err != nil || string(back) != c.plain {
			t.Fatalf("Decrypt round trip = %q, %v", back, err)
		}
	}
}

func TestRoundTripsAndErrors(t *testing.T) {
	key := []byte(strings.Repeat("k", 32))
	for _, n := range []int{0, 1, 15, 16, 17, 1024, 65536} {
		plain := []byte(strings.Repeat("x", n))
		enc, err := Encrypt(key, plain)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := Decrypt(key, enc)
		if err != nil || string(dec) != string(plain) {
			t.Fatalf("len %d: round trip failed: %v", n, err)
		}
	}
	good, _ := Encrypt(key, []byte("hello"))
	other, _ := Encrypt([]byte(strings.Repeat("z", 32)), []byte("hello"))
	bad := []struct {
		name string
		key  []byte
		in   string
	}{
		{"empty", key, ""},
		{"not base64", key, "***"},
		{"not block multiple", key, "AAAA"},
		{"wrong key padding", key, other},
		{"short key", []byte("short"), good},
		{"15-byte key", []byte(strings.Repeat("a", 15)), good},
	}
	for _, b := range bad {
		if _, err := Decrypt(b.key, b.in); err == nil {
			t.Errorf("%s: want an error", b.name)
		}
	}
	if _, err := Encrypt([]byte("short"), []byte("x")); err == nil {
		t.Error("Encrypt with a short key must fail")
	}
}

func TestMoney(t *testing.T) {
	ok := map[string]int64{"12.345": 1235, "12.344": 1234, "0": 0, "1": 100, "0.005": 1, "3.10": 310, "7.999": 800}
	for in, want := range ok {
		if got, err := YuanToFen(in); err != nil || got != want {
			t.Errorf("YuanToFen(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1e3", "-1", "", "+1", "1.", ".5", " 1", "1,0", "99999999999999999999"} {
		if _, err := YuanToFen(in); err == nil {
			t.Errorf("YuanToFen(%q) must be refused", in)
		}
	}
	if got, err := FloatYuanToFen(0.1 + 0.2); err != nil || got != 30 {
		t.Errorf("FloatYuanToFen(0.1+0.2) = %d, %v; want 30", got, err)
	}
	if got := GBToMB(2, 1000); got != 2000 {
		t.Errorf("GBToMB(2,1000) = %d", got)
	}
	if got := GBToMB(2, 0); got != 2048 {
		t.Errorf("GBToMB(2,0) = %d", got)
	}
	if got := GBToBytes(1, 1024); got != 1<<30 {
		t.Errorf("GBToBytes(1,1024) = %d", got)
	}
}
