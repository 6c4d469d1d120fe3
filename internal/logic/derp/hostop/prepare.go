package hostop

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/derp/host"
	"kami/internal/model/entity"
)

// prepare runs host.Docker.Prepare and records the host's state: ready, or error for a host key
// mismatch or an unusable image (both permanent until S acts). The first host key seen is kept
// (TOFU) for S to confirm.
func (w *Worker) prepare(ctx context.Context, op *entity.DerpHostOps) outcome {
	srv, err := loadServer(ctx, op.ServerId)
	if err != nil {
		return outcome{err: err}
	}
	if srv.State == "removed" {
		return outcome{superseded: true}
	}
	t, err := target(srv)
	if err != nil {
		return outcome{err: err}
	}
	img := w.image(ctx)
	if img == "" {
		return outcome{wait: waitNotReady, reason: ErrImageUnset}
	}
	keyPEM, err := keyring.Open(sealCertKey, srv.CertKeyEnc)
	if err != nil {
		return outcome{err: err}
	}
	p, perr := host.Docker{Runner: w.Runner}.Prepare(ctx, t, host.PrepareSpec{HostDir: w.HostDir, IPv4: srv.PublicIpv4,
		CertPEM: []byte(srv.CertPem), KeyPEM: keyPEM, Image: img})
	data := g.Map{}
	if srv.SshHostkeySha256 == "" && p.HostKeySHA256 != "" {
		data["ssh_hostkey_sha256"], data["hostkey_tofu"] = p.HostKeySHA256, 1
	}
	o := outcome{err: perr}
	switch host.KindOf(perr) {
	case "":
		data["host_state"], data["last_error"], data["host_iface"], data["prepared_at"] = "ready", "", p.Iface, gt(w.now())
	case host.HostKeyMismatch:
		o.reason = ErrHostKey
		data["host_state"], data["last_error"] = "error", ErrHostKey
	case host.ImageError:
		o.reason = ErrImageTooOld + ": " + perr.Error()
		if !strings.Contains(perr.Error(), ErrImageTooOld) {
			o.reason = perr.Error()
		}
		data["host_state"], data["last_error"] = "error", clip(o.reason)
	default:
		data["last_error"] = clip(perr.Error())
	}
	if _, err := dao.DerpServers.Ctx(ctx).Data(data).WherePri(srv.Id).Update(); err != nil && perr == nil {
		return outcome{err: err}
	}
	return o
}

func clip(s string) string {
	if len(s) > 500 {
		return s[:500]
	}
	return s
}
