package hostop

import (
	"context"
	"fmt"
	"strings"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/model/entity"
)

// converge brings one container to its desired state (§8), idempotently: a lost reply is
// harmless because the next attempt inspects first and finds the spec it already ran.
func (w *Worker) converge(ctx context.Context, op *entity.DerpHostOps) outcome {
	var c *entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).WherePri(op.ContainerId).Scan(&c); err != nil || c == nil {
		return outcome{superseded: c == nil && err == nil, err: err}
	}
	if op.TargetGen < c.OpGen || c.State == "removed" || c.State == "abandoned" {
		return outcome{superseded: true} // a newer op owns the container, or it is terminal
	}
	srv, err := loadServer(ctx, c.ServerId)
	if err != nil {
		return outcome{err: err}
	}
	if srv.HostState != "ready" {
		return outcome{wait: waitNotReady, reason: "host " + srv.HostState}
	}
	base := ""
	if w.AdmitBaseURL != nil {
		base = w.AdmitBaseURL(ctx)
	}
	if base == "" && c.Desired != "removed" {
		return outcome{wait: waitNotReady, reason: ErrAdmitUnset}
	}
	img := w.image(ctx)
	if img == "" && c.Desired != "removed" {
		return outcome{wait: waitNotReady, reason: ErrImageUnset}
	}
	t, err := target(srv)
	if err != nil {
		return outcome{err: err}
	}
	d := host.Docker{Runner: w.Runner}
	spec := host.Spec{ContainerID: c.Id, RentalID: c.RentalId, Port: c.Port, Image: img, HostDir: w.HostDir,
		IPv4: srv.PublicIpv4, AdmitBaseURL: strings.TrimRight(base, "/"), Token: w.Token(c.Id, c.TokenGen)}
	_, want := host.RunArgv(spec)
	state, err := w.apply(ctx, d, t, c, spec, want)
	if err != nil {
		if host.KindOf(err) == host.PortConflict {
			// Re-porting (slot blocked, new port, ACL bump) belongs to the placement logic: its
			// transaction queues the converge on the new port, which supersedes this op.
			if w.OnPortConflict == nil {
				return outcome{err: err, reason: ErrPortConflict + ": " + err.Error()}
			}
			if rerr := w.OnPortConflict(ctx, c.Id); rerr != nil {
				return outcome{err: rerr, reason: ErrPortConflict + ": " + rerr.Error()}
			}
			return outcome{superseded: true}
		}
		return outcome{err: err}
	}
	data := g.Map{"state": state, "last_error": ""}
	if state != "removed" {
		data["spec_hash"] = want
	} else {
		data["removed_at"] = gt(w.now())
	}
	_, err = dao.DerpContainers.Ctx(ctx).Data(data).Where("id", c.Id).Where("op_gen", c.OpGen).Update()
	return outcome{err: err}
}

// apply issues the docker calls and returns the container's resulting state.
func (w *Worker) apply(ctx context.Context, d host.Docker, t host.Target, c *entity.DerpContainers, spec host.Spec, want string) (string, error) {
	if c.Desired == "removed" {
		return "removed", d.Remove(ctx, t, c.Id)
	}
	st, err := d.Inspect(ctx, t, c.Id)
	switch {
	case host.KindOf(err) == host.NotFound:
		st = host.State{}
	case err != nil:
		return "", err
	case st.Spec != want:
		// Another image, port, token or address: recreate.
		if err := d.Remove(ctx, t, c.Id); err != nil {
			return "", err
		}
		st = host.State{}
	}
	if st.Status == "" {
		_, _, err := d.Run(ctx, t, spec)
		if host.KindOf(err) == host.NameConflict {
			// Another op of this container (or a lost reply to our own run) created it meanwhile:
			// look again; the same spec means the run already happened.
			if st, err = d.Inspect(ctx, t, c.Id); err == nil && st.Spec != want {
				return "", fmt.Errorf("container %d exists with spec %s, want %s", c.Id, st.Spec, want)
			}
		} else if err == nil {
			st.Status = "running"
		}
		if err != nil {
			return "", err
		}
	}
	if c.Desired == "stopped" {
		if st.Status == "running" || st.Status == "restarting" {
			if err := d.Stop(ctx, t, c.Id); err != nil {
				return "", err
			}
		}
		return "stopped", nil
	}
	if st.Status != "running" {
		if err := d.Start(ctx, t, c.Id); err != nil {
			return "", err
		}
	}
	return "running", nil
}
