// Package httpx holds what controllers need to answer beyond the envelope.
package httpx

import (
	"context"
	"fmt"
	"net/http"

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
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, d.Name))
	h.Set("Cache-Control", "no-store")
	r.Response.WriteHeader(http.StatusOK)
	r.Response.Writer.WriteHeader(http.StatusOK)
	if err := d.WriteTo(r.Response.Writer); err != nil {
		g.Log().Warningf(ctx, "download %s: %v", d.Name, err)
	}
	return nil
}
