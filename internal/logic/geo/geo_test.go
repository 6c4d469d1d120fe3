package geo_test

import (
	"context"
	"path/filepath"
	"testing"

	"kami/internal/service"
	"kami/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// writeCityDB builds the small test world (testkit.TestCities).
func writeCityDB(t *testing.T) string { return testkit.WriteCityDB(t, testkit.TestCities()) }

func setPath(t *testing.T, admin *testkit.Client, path any) {
	t.Helper()
	admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"geo.mmdbPath": path}}).Expect(t, 200)
}

func TestLocate(t *testing.T) {
	admin := testkit.Current().Admin(t)
	ctx := context.Background()
	geo := service.Geo()
	t.Cleanup(func() { setPath(t, admin, nil) })

	// No database: public addresses are unknown, private ones are still known to be the LAN.
	setPath(t, admin, nil)
	for ip, want := range map[string]string{"1.2.3.4": "unknown", "10.1.2.3": "内网/LAN", "not an ip": "unknown"} {
		if got := geo.Locate(ctx, ip); got != want {
			t.Errorf("no file: Locate(%q) = %q, want %q", ip, got, want)
		}
	}
	setPath(t, admin, writeCityDB(t))
	cases := map[string]string{
		"1.2.3.4":        "中国 广东 深圳",
		"8.8.8.8":        "United States Mountain View", // no Chinese names: English
		"2400:cb00::5":   "中国 上海",                       // the city repeats the region
		"::ffff:1.2.3.9": "中国 广东 深圳",                    // IPv4-mapped IPv6
		"9.9.9.9":        "unknown",
		"127.0.0.1":      "内网/LAN",
		"192.168.1.10":   "内网/LAN",
		"172.16.0.1":     "内网/LAN",
		"::1":            "内网/LAN",
		"fd00::1":        "内网/LAN",
		"fe80::1":        "内网/LAN",
		"":               "unknown",
	}
	for ip, want := range cases {
		if got := geo.Locate(ctx, ip); got != want {
			t.Errorf("Locate(%q) = %q, want %q", ip, got, want)
		}
	}
	// A path that cannot be opened degrades to unknown rather than failing callers.
	setPath(t, admin, filepath.Join(t.TempDir(), "missing.mmdb"))
	if got := geo.Locate(ctx, "1.2.3.4"); got != "unknown" {
		t.Fatalf("missing file: %q", got)
	}
}

// Login logs carry the location of each attempt's address, shown in the list and the export.
func TestLoginLogsShowTheLocation(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	setPath(t, admin, writeCityDB(t))
	t.Cleanup(func() { setPath(t, admin, nil) })
	u := testkit.SeedUser(t, "agent", testkit.SuperAdmin(t))
	for ip, want := range map[string]string{"1.2.3.77": "中国 广东 深圳", "10.9.8.7": "内网/LAN", "9.9.9.9": "unknown"} {
		cl := env.Client()
		cl.Header.Set("X-Forwarded-For", ip)
		cl.Login(t, u.Username, u.Password)
		var page struct {
			Items []struct {
				IP       string `json:"ip"`
				Location string `json:"location"`
			} `json:"items"`
		}
		admin.Get(t, "/api/system/log/login/list?username="+u.Username+"&ip="+ip).Expect(t, 200).Decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].Location != want {
			t.Fatalf("login from %s: %+v, want location %q", ip, page.Items, want)
		}
	}
}
