package banner_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type item struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Link        string `json:"link"`
	Sort        int    `json:"sort"`
	Status      string `json:"status"`
	ImageURL    string `json:"imageUrl"`
	ContentType string `json:"contentType"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// TestBannerUploadChecks: only whole JPEG/PNG images of at most 2 MB within the pixel cap pass,
// whatever the file's name or declared type.
func TestBannerUploadChecks(t *testing.T) {
	admin := testkit.Current().Admin(t)
	good := pngOf(t, 64, 32)
	big := append(pngOf(t, 8, 8), bytes.Repeat([]byte{0}, 2<<20)...)[:2<<20+1]
	cases := []struct {
		name, file, ctype string
		data              []byte
		status            int
		reason            string
	}{
		{"png", "a.png", "image/png", good, 200, ""},
		{"jpeg named .bin", "a.bin", "application/octet-stream", jpegOf(t, 40, 20), 200, ""},
		{"text renamed .png", "notes.png", "image/png", []byte("just some text, not an image\n"), 415, "BANNER_IMAGE_INVALID"},
		{"gif", "a.gif", "image/gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), 415, "BANNER_IMAGE_INVALID"},
		{"truncated png", "cut.png", "image/png", good[:len(good)-30], 415, "BANNER_IMAGE_INVALID"},
		{"png bomb", "bomb.png", "image/png", pngBomb(), 415, "BANNER_IMAGE_INVALID"},
		{"2 MB + 1 byte", "big.png", "image/png", big, 413, "BANNER_TOO_LARGE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := upload(t, admin, tc.file, tc.ctype, tc.data, map[string]string{"title": tc.name})
			if r.Status != tc.status || (tc.reason != "" && r.ErrorCode() != tc.reason) {
				t.Fatalf("HTTP %d %s, want %d %s: %.300s", r.Status, r.ErrorCode(), tc.status, tc.reason, r.Raw)
			}
		})
	}
	// Over the route's 3 MB body cap, the middleware refuses it before reading.
	r := upload(t, admin, "huge.png", "image/png", bytes.Repeat([]byte{1}, 3<<20+10), nil)
	if r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("4 MB body: HTTP %d %s", r.Status, r.Raw)
	}
}

// TestBannerLifecycle: upload, the public list and image with ETag/304, edit, hide, delete, and
// who may call what.
func TestBannerLifecycle(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	bossC := env.Login(t, boss)
	agentC := env.Login(t, testkit.SeedUser(t, consts.RoleAgent, boss))
	anon := env.Client()

	var b1, b2 item
	upload(t, admin, "one.png", "image/png", pngOf(t, 120, 40), map[string]string{
		"title": "一", "link": "https://example.com/a", "sort": "-8"}).Expect(t, 200).Decode(t, &b1)
	upload(t, admin, "two.jpg", "image/jpeg", jpegOf(t, 30, 10), map[string]string{"title": "two", "sort": "-9"}).
		Expect(t, 200).Decode(t, &b2)
	if b1.ContentType != "image/png" || b1.Width != 120 || b1.Height != 40 || b1.Status != "active" || b2.ContentType != "image/jpeg" {
		t.Fatalf("created: %+v %+v", b1, b2)
	}

	var pub struct {
		Items []item `json:"items"`
	}
	anon.Get(t, "/api/banners/list").Expect(t, 200).Decode(t, &pub)
	if len(pub.Items) < 2 || pub.Items[0].ID != b2.ID || pub.Items[1].ID != b1.ID {
		t.Fatalf("public list by sort: %+v", pub.Items)
	}

	img := get(t, anon, pub.Items[1].ImageURL, nil)
	etag := img.Header.Get("ETag")
	if img.Status != 200 || img.Header.Get("Content-Type") != "image/png" || etag == "" ||
		!strings.Contains(img.Header.Get("Cache-Control"), "max-age") || !bytes.HasPrefix(img.Raw, []byte("\x89PNG")) {
		t.Fatalf("image: HTTP %d %v", img.Status, img.Header)
	}
	if r := get(t, anon, pub.Items[1].ImageURL, map[string]string{"If-None-Match": etag}); r.Status != http.StatusNotModified || len(r.Raw) != 0 {
		t.Fatalf("If-None-Match: HTTP %d, %d bytes", r.Status, len(r.Raw))
	}
	if r := get(t, anon, pub.Items[1].ImageURL, map[string]string{"If-None-Match": `"other"`}); r.Status != 200 {
		t.Fatalf("another ETag: HTTP %d", r.Status)
	}

	admin.Put(t, fmt.Sprintf("/api/system/banners/%d", b1.ID), map[string]any{"title": "一号", "link": "https://example.com/b", "sort": -7}).
		Expect(t, 200)
	admin.Put(t, fmt.Sprintf("/api/system/banners/%d/status", b2.ID), map[string]any{"status": "disabled"}).Expect(t, 200)
	anon.Get(t, "/api/banners/list").Expect(t, 200).Decode(t, &pub)
	for _, it := range pub.Items {
		if it.ID == b2.ID {
			t.Fatal("a disabled banner is in the public list")
		}
	}
	var list struct {
		Items []item `json:"items"`
		Total int    `json:"total"`
	}
	admin.Get(t, "/api/system/banners/list?status=disabled").Expect(t, 200).Decode(t, &list)
	if list.Total != 1 || list.Items[0].ID != b2.ID {
		t.Fatalf("disabled list: %+v", list)
	}

	// Who may call what: only the super-admin manages banners; anyone reads the public side.
	denied := []struct {
		name string
		c    *testkit.Client
		want int
	}{{"agent-admin", bossC, 403}, {"agent", agentC, 403}, {"anonymous", anon, 401}}
	for _, d := range denied {
		t.Run(d.name, func(t *testing.T) {
			for _, r := range []*testkit.Resp{
				d.c.Get(t, "/api/system/banners/list"),
				d.c.Put(t, fmt.Sprintf("/api/system/banners/%d", b1.ID), map[string]any{"title": "x"}),
				d.c.Put(t, fmt.Sprintf("/api/system/banners/%d/status", b1.ID), map[string]any{"status": "disabled"}),
				d.c.Delete(t, fmt.Sprintf("/api/system/banners/%d", b1.ID)),
				upload(t, d.c, "x.png", "image/png", pngOf(t, 4, 4), nil),
			} {
				if r.Status != d.want {
					t.Errorf("HTTP %d, want %d: %s", r.Status, d.want, r.Raw)
				}
			}
		})
	}

	admin.Put(t, "/api/system/banners/999999", map[string]any{"title": "x"}).Expect(t, 404)
	admin.Delete(t, fmt.Sprintf("/api/system/banners/%d", b1.ID)).Expect(t, 200)
	if r := get(t, anon, fmt.Sprintf("/api/banners/%d/image", b1.ID), nil); r.Status != 404 {
		t.Fatalf("deleted banner's image: HTTP %d", r.Status)
	}
}
