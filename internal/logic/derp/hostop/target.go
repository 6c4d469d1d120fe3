package hostop

import (
	"context"
	"net"
	"strconv"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/derp/host"
	"kami/internal/model/entity"
)

// Seal purposes shared with the derp logic that wrote them.
const (
	sealCertKey   = "derp.server.certkey"
	sealSSHSecret = "derp.server.ssh"
)

// claimedKey carries the server rows read with a claim (serversOf), so the claim's ops do not
// each read their server again.
type claimedKey struct{}

// serversOf reads the servers of the claimed ops in one statement and puts them in ctx.
func serversOf(ctx context.Context, ops []*entity.DerpHostOps) context.Context {
	ids := make([]int64, 0, len(ops))
	for _, op := range ops {
		ids = append(ids, op.ServerId)
	}
	if len(ids) == 0 {
		return ctx
	}
	var rows []*entity.DerpServers
	if err := dao.DerpServers.Ctx(ctx).WhereIn(dao.DerpServers.Columns().Id, ids).Scan(&rows); err != nil {
		return ctx // each op reads its own
	}
	m := make(map[int64]*entity.DerpServers, len(rows))
	for _, r := range rows {
		m[r.Id] = r
	}
	return context.WithValue(ctx, claimedKey{}, m)
}

// loadServer is the op's server: as read with its claim, else from the database.
func loadServer(ctx context.Context, id int64) (*entity.DerpServers, error) {
	if m, ok := ctx.Value(claimedKey{}).(map[int64]*entity.DerpServers); ok {
		if r := m[id]; r != nil {
			return r, nil
		}
	}
	var r *entity.DerpServers
	err := dao.DerpServers.Ctx(ctx).WherePri(id).Scan(&r)
	if r == nil && err == nil {
		err = &host.Error{Kind: host.NotFound, Op: "server", Msg: "server " + strconv.FormatInt(id, 10) + " is gone"}
	}
	return r, err
}

// target opens the sealed SSH secret into a Runner target.
func target(r *entity.DerpServers) (host.Target, error) {
	secret, err := keyring.Open(sealSSHSecret, r.SshSecretEnc)
	if err != nil {
		return host.Target{}, err
	}
	t := host.Target{ServerID: r.Id, Addr: net.JoinHostPort(r.SshHost, strconv.Itoa(r.SshPort)), User: r.SshUser,
		HostKeySHA256: r.SshHostkeySha256}
	if r.SshAuth == "key" {
		t.PrivateKeyPEM = secret
	} else {
		t.Password = string(secret)
	}
	return t, nil
}

// TargetOf is the server's SSH target with its secret opened, for the derp jobs that exec on
// hosts themselves (traffic readout, the docker probe).
func TargetOf(r *entity.DerpServers) (host.Target, error) { return target(r) }
