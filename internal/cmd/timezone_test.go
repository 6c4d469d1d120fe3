package cmd_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/testkit"
)

// Stored times are UTC and shown in the display zone whatever the process zone is (make test runs
// the embedded pass with TZ=America/New_York so a time written in the process zone shows here as
// hours off), and the process zone itself is left alone at boot.
func TestStoredTimesAreUTCAndShownInTheDisplayZone(t *testing.T) {
	if time.Local.String() == "UTC" && testkit.Config().TimeZone == "UTC" {
		t.Skip("process and display zone are both UTC: nothing to tell apart")
	}
	before := time.Now()
	cl := testkit.Current().Admin(t)
	after := time.Now()

	// The raw column text, read without the ORM's time conversion.
	v, err := g.DB().GetValue(context.Background(),
		"SELECT CAST(last_login_at AS CHAR) FROM users WHERE username = ?", "admin")
	if err != nil {
		t.Fatal(err)
	}
	raw := v.String()
	if len(raw) < 19 {
		t.Fatalf("last_login_at raw %q", raw)
	}
	stored, err := time.ParseInLocation("2006-01-02 15:04:05", strings.Replace(raw[:19], "T", " ", 1), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Before(before.Add(-2*time.Second)) || stored.After(after.Add(2*time.Second)) {
		t.Fatalf("last_login_at stored as %q, not the UTC time of the login (%s..%s)", raw, before.UTC(), after.UTC())
	}

	var list struct {
		Items []struct {
			Username    string  `json:"username"`
			LastLoginAt *string `json:"lastLoginAt"`
		} `json:"items"`
	}
	cl.Get(t, "/api/system/user/list?username=admin").Expect(t, 200).Decode(t, &list)
	if len(list.Items) == 0 || list.Items[0].LastLoginAt == nil {
		t.Fatalf("no lastLoginAt: %+v", list)
	}
	shown, err := time.Parse(time.RFC3339, *list.Items[0].LastLoginAt)
	if err != nil {
		t.Fatal(err)
	}
	zone, _ := time.LoadLocation(testkit.Config().TimeZone)
	if _, off := shown.Zone(); off != offsetAt(zone, shown) || !shown.Equal(stored) {
		t.Fatalf("lastLoginAt %s: want %s in %s", *list.Items[0].LastLoginAt, stored, zone)
	}
	if tz := os.Getenv("TZ"); tz != "" && tz != "UTC" && time.Local.String() == "UTC" {
		t.Fatalf("TZ=%s but time.Local is UTC: boot changed the process zone", tz)
	}
}

func offsetAt(loc *time.Location, t time.Time) int {
	_, off := t.In(loc).Zone()
	return off
}
