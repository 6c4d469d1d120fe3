package testkit

import (
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
)

// GeoNames is one level of a test location (country, region, city); Zh may be empty, as in
// GeoLite files for places without Chinese names.
func GeoNames(zh, en string) mmdbtype.Map {
	m := mmdbtype.Map{"en": mmdbtype.String(en)}
	if zh != "" {
		m["zh-CN"] = mmdbtype.String(zh)
	}
	return mmdbtype.Map{"names": m}
}

// TestCities is a small world: 1.2.3.0/24 in Shenzhen, 8.8.8.0/24 in Mountain View (English
// names only), 2400:cb00::/32 in Shanghai.
func TestCities() map[string]mmdbtype.Map {
	return map[string]mmdbtype.Map{
		"1.2.3.0/24":     {"country": GeoNames("中国", "China"), "subdivisions": mmdbtype.Slice{GeoNames("广东", "Guangdong")}, "city": GeoNames("深圳", "Shenzhen")},
		"8.8.8.0/24":     {"country": GeoNames("", "United States"), "city": GeoNames("", "Mountain View")},
		"2400:cb00::/32": {"country": GeoNames("中国", "China"), "subdivisions": mmdbtype.Slice{GeoNames("上海", "Shanghai")}, "city": GeoNames("上海", "Shanghai")},
	}
}

// WriteCityDB builds a GeoIP2-City file of records (CIDR → record), as MaxMind's own writer
// lays it out, in the test's temporary directory, and returns its path for geo.mmdbPath.
func WriteCityDB(t testing.TB, records map[string]mmdbtype.Map) string {
	t.Helper()
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: "GeoIP2-City", RecordSize: 24})
	if err != nil {
		t.Fatal(err)
	}
	for cidr, rec := range records {
		_, network, err := net.ParseCIDR(cidr)
		if err != nil {
			t.Fatal(err)
		}
		if err = tree.Insert(network, rec); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "city.mmdb")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err = tree.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	return path
}
