// Package httpx holds what controllers need to answer beyond the envelope.
package httpx

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/model"
)

// SendDownload streams d as an attachment. From the first byte on, the status is sent, so a
// failure can only be logged; d is closed either way.
func SendDownload(ctx context.Context, d *model.Download) error {
	defer func() {
		if d.Close != nil {
			_ = d.Close()
		}
	}()
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return fmt.Errorf("httpx: no request to send %s to", d.Name)
	}
	h := r.Response.Header()
	h.Set("Content-Type", d.ContentType)
	h.Set("Content-Disposition", ContentDisposition(d.Name))
	h.Set("Cache-Control", "no-store")
	for k, v := range d.Header {
		h.Set(k, v)
	}
	r.Response.WriteHeader(http.StatusOK)
	r.Response.Writer.WriteHeader(http.StatusOK)
	if err := d.WriteTo(r.Response.Writer); err != nil {
		g.Log().Warningf(ctx, "download %s: %v", d.Name, err)
	}
	return nil
}

// ContentDisposition is the attachment header for name (RFC 6266): a plain ASCII filename for
// old clients (other characters become "_") and, when the name is not plain ASCII, the exact
// name as filename* in UTF-8, percent-encoded per RFC 5987, which current browsers prefer.
func ContentDisposition(name string) string {
	var ascii, ext strings.Builder
	plain := true
	for _, r := range name {
		switch {
		case r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == '%':
			ascii.WriteByte('_')
			plain = false
		default:
			ascii.WriteRune(r)
		}
	}
	if plain {
		return fmt.Sprintf(`attachment; filename="%s"`, name)
	}
	for _, b := range []byte(name) {
		if isAttrChar(b) {
			ext.WriteByte(b)
		} else {
			fmt.Fprintf(&ext, "%%%02X", b)
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii.String(), ext.String())
}

// isAttrChar is RFC 5987's attr-char: what filename* carries unencoded.
func isAttrChar(b byte) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
