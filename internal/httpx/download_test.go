package httpx

import (
	"mime"
	"net/url"
	"strings"
	"testing"
)

// A plain name is sent as is; a Chinese one gets an ASCII fallback and the exact name as
// RFC 5987 filename*, which decodes back to it.
func TestContentDisposition(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"ledger-1.xlsx", `attachment; filename="ledger-1.xlsx"`},
		{"卡密-项目 A-12.csv", `attachment; filename="__-__ A-12.csv"; filename*=UTF-8''%E5%8D%A1%E5%AF%86-%E9%A1%B9%E7%9B%AE%20A-12.csv`},
		{`a"b\c%.csv`, `attachment; filename="a_b_c_.csv"; filename*=UTF-8''a%22b%5Cc%25.csv`},
	} {
		got := ContentDisposition(tc.name)
		if got != tc.want {
			t.Errorf("%q: %s, want %s", tc.name, got, tc.want)
		}
		if i := strings.Index(got, "filename*=UTF-8''"); i >= 0 {
			dec, err := url.PathUnescape(got[i+len("filename*=UTF-8''"):])
			if err != nil || dec != tc.name {
				t.Errorf("%q: filename* decodes to %q %v", tc.name, dec, err)
			}
		}
		if _, params, err := mime.ParseMediaType(got); err != nil || params["filename"] != tc.name {
			t.Errorf("%q: mime.ParseMediaType reads %q %v", tc.name, params["filename"], err)
		}
	}
}
