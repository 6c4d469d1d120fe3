package derp

import (
	"context"
	"net"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"
	gossh "golang.org/x/crypto/ssh"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Server states (§4): state is S's, health the probes', hostState the host worker's.
const (
	srvActive    = "active"
	srvDraining  = "draining"
	srvOverQuota = "over_quota"
	srvRemoving  = "removing"
	srvRemoved   = "removed"
	srvHostPend  = "pending"
	srvHostError = "error"
)

var srvSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":             listq.Ordinal(dao.DerpServers.Columns().Id),
	"name":           listq.Text(dao.DerpServers.Columns().Name),
	"region":         listq.Text(dao.DerpServers.Columns().Region),
	"containerCount": listq.Ordinal(dao.DerpServers.Columns().ContainerCount),
})

// ServerCreate registers a host: the cert is minted and its prepare queued in one transaction;
// the host itself is never contacted here (§4), so a host that is down still registers.
func (s *sDerp) ServerCreate(ctx context.Context, req *v1.ServerCreateReq) (*v1.ServerCreateRes, error) {
	if err := srvCheckIPs(req.PublicIpv4, req.PublicIpv6); err != nil {
		return nil, err
	}
	row := do.DerpServers{Name: req.Name, Region: req.Region, RegionName: req.RegionName, PublicIpv4: req.PublicIpv4,
		PublicIpv6: req.PublicIpv6, DomesticAddr: req.DomesticAddr, Provider: req.Provider, CloudAccount: req.CloudAccount,
		SshHost: req.SshHost, SshPort: 22, SshUser: req.SshUser, SshAuth: req.SshAuth, SshHostkeySha256: req.SshHostKey,
		HostkeyTofu: 0, BandwidthMbps: 0, MonthlyQuotaBytes: int64(0), BillingDay: 1, PortBase: 20000, PortCount: 1000,
		MaxContainers: 50, State: srvActive, Health: "unknown", HostState: srvHostPend}
	if req.SshHost == "" {
		row.SshHost = req.PublicIpv4
	}
	if req.SshUser == "" {
		row.SshUser = "root"
	}
	setInt := func(dst *any, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	setInt(&row.SshPort, req.SshPort)
	setInt(&row.BandwidthMbps, req.BandwidthMbps)
	setInt(&row.BillingDay, req.BillingDay)
	setInt(&row.PortBase, req.PortBase)
	setInt(&row.PortCount, req.PortCount)
	setInt(&row.MaxContainers, req.MaxContainers)
	if req.MonthlyQuotaBytes != nil {
		row.MonthlyQuotaBytes = *req.MonthlyQuotaBytes
	}
	if req.State != nil {
		row.State = *req.State
	}
	if err := srvCheckPorts(row.PortBase.(int), row.PortCount.(int)); err != nil {
		return nil, err
	}
	sealed, err := srvSealSecret(req.SshAuth, req.SshSecret)
	if err != nil {
		return nil, err
	}
	row.SshSecretEnc = sealed
	cert, err := mintServerCert(s.now(), req.PublicIpv4, req.PublicIpv6)
	if err != nil {
		return nil, err
	}
	row.CertPem, row.CertKeyEnc, row.CertPin = cert.CertPEM, cert.KeySealed, cert.Pin
	var id int64
	err = dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		var err error
		if id, err = dao.DerpServers.Ctx(ctx).Data(row).InsertAndGetId(); err != nil {
			return err
		}
		_, err = s.srvEnqueuePrepare(ctx, id)
		return err
	})
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.New(req.PublicIpv4)
	}
	if err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, id)
}

// ServerGet is one host.
func (s *sDerp) ServerGet(ctx context.Context, req *v1.ServerGetReq) (*v1.ServerGetRes, error) {
	return s.srvItemByID(ctx, req.Id)
}

// ServerList lists hosts; removed ones appear only when asked for by state.
func (s *sDerp) ServerList(ctx context.Context, req *v1.ServerListReq) (*v1.ServerListRes, error) {
	cols := dao.DerpServers.Columns()
	m := dao.DerpServers.Ctx(ctx)
	if req.State != "" {
		m = m.Where(cols.State, req.State)
	} else {
		m = m.WhereNot(cols.State, srvRemoved)
	}
	if req.Region != "" {
		m = m.Where(cols.Region, req.Region)
	}
	if req.Health != "" {
		m = m.Where(cols.Health, req.Health)
	}
	if req.HostState != "" {
		m = m.Where(cols.HostState, req.HostState)
	}
	rows, total, err := listq.Page[entity.DerpServers](m, req.PageReq, srvSorts)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.Id
	}
	customers, err := srvCustomerCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]v1.ServerItem, 0, len(rows))
	for i := range rows {
		out = append(out, srvItem(&rows[i], customers[rows[i].Id]))
	}
	return &v1.ServerListRes{Items: out, Total: total}, nil
}

func srvByID(ctx context.Context, id int64) (*entity.DerpServers, error) {
	var r *entity.DerpServers
	if err := dao.DerpServers.Ctx(ctx).WherePri(id).Scan(&r); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

func (s *sDerp) srvItemByID(ctx context.Context, id int64) (*v1.ServerItem, error) {
	r, err := srvByID(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := srvCustomerCounts(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	it := srvItem(r, c[id])
	return &it, nil
}

// srvCustomerCounts is the number of distinct customers with a live container on each server.
func srvCustomerCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := dao.DerpContainers.Ctx(ctx).As("c").
		InnerJoin(dao.DerpRentals.Table()+" r", "r.id = c.rental_id").
		WhereIn("c.server_id", ids).WhereNotIn("c.state", []string{"removed", "abandoned"}).
		Fields("c.server_id AS sid, COUNT(DISTINCT r.user_id) AS n").Group("c.server_id").All()
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r["sid"].Int64()] = r["n"].Int()
	}
	return out, nil
}

func srvItem(r *entity.DerpServers, customers int) v1.ServerItem {
	it := v1.ServerItem{Id: r.Id, Name: r.Name, Region: r.Region, RegionName: r.RegionName, PublicIpv4: r.PublicIpv4,
		PublicIpv6: r.PublicIpv6, DomesticAddr: r.DomesticAddr, Provider: r.Provider, CloudAccount: maskAccount(r.CloudAccount),
		SshHost: r.SshHost, SshPort: r.SshPort, SshUser: r.SshUser, SshAuth: r.SshAuth, State: r.State, Health: r.Health,
		HostState: r.HostState, HostKeySha256: r.SshHostkeySha256, HostKeyTofu: r.HostkeyTofu == 1, CertPin: r.CertPin,
		BandwidthMbps: r.BandwidthMbps, MonthlyQuotaBytes: r.MonthlyQuotaBytes, BillingDay: r.BillingDay,
		PortBase: r.PortBase, PortCount: r.PortCount, MaxContainers: r.MaxContainers, ContainerCount: r.ContainerCount,
		CustomerCount: customers, RateBps: r.RateBps, LastLatencyMs: r.LastLatencyMs, MonthUsedBytes: r.MonthUsedBytes,
		TotalUsedBytes: r.TotalUsedBytes, LastError: r.LastError, CreatedAt: timefmt.Format(r.CreatedAt)}
	if r.MonthlyQuotaBytes > 0 {
		left := max(r.MonthlyQuotaBytes-r.MonthUsedBytes, 0)
		it.MonthRemainingBytes = &left
	}
	return it
}

// maskAccount hides the middle of the cloud account (an Aliyun phone): 13800138000 → 138****8000.
func maskAccount(a string) string {
	r := []rune(a)
	switch {
	case len(r) == 0:
		return ""
	case len(r) < 8:
		return string(r[:1]) + "****"
	}
	return string(r[:3]) + "****" + string(r[len(r)-4:])
}

// srvCheckIPs: any unicast address (loopback allowed for tests and labs), never 0.0.0.0, a
// broadcast or a multicast group; derper binds and clients dial these.
func srvCheckIPs(v4, v6 string) error {
	ip := net.ParseIP(v4)
	if ip == nil || ip.To4() == nil || ip.IsUnspecified() || ip.IsMulticast() || ip.Equal(net.IPv4bcast) {
		return errs.InvalidInput.Msg("publicIpv4 must be a unicast IPv4 address")
	}
	if v6 != "" {
		ip6 := net.ParseIP(v6)
		if ip6 == nil || ip6.To4() != nil || ip6.IsUnspecified() || ip6.IsMulticast() {
			return errs.InvalidInput.Msg("publicIpv6 must be a unicast IPv6 address")
		}
	}
	return nil
}

// srvCheckPorts keeps the container port range inside 1..65535.
func srvCheckPorts(base, count int) error {
	if base+count-1 > 65535 {
		return errs.InvalidInput.Msg("portBase+portCount exceeds 65535")
	}
	return nil
}

// srvSealSecret checks a key parses before sealing it, so a typo fails now, not at prepare.
func srvSealSecret(auth, secret string) (string, error) {
	if auth == "key" {
		if _, err := gossh.ParsePrivateKey([]byte(secret)); err != nil {
			return "", errs.InvalidInput.Msg("sshSecret is not an unencrypted PEM private key")
		}
	}
	return keyring.Seal(sealSSHSecret, []byte(secret))
}

// srvEnqueuePrepare queues a prepare op unless one is already waiting (prepare is idempotent,
// so a second would only repeat the work).
func (s *sDerp) srvEnqueuePrepare(ctx context.Context, serverID int64) (*entity.DerpHostOps, error) {
	return s.srvEnqueue(ctx, serverID, "prepare")
}

// srvEnqueue queues a server-wide op (prepare or reconcile) unless one is already waiting.
func (s *sDerp) srvEnqueue(ctx context.Context, serverID int64, kind string) (*entity.DerpHostOps, error) {
	cols := dao.DerpHostOps.Columns()
	var op *entity.DerpHostOps
	err := dao.DerpHostOps.Ctx(ctx).Where(cols.ServerId, serverID).Where(cols.Op, kind).
		WhereIn(cols.State, []string{"pending", "running"}).OrderDesc(cols.Id).Limit(1).Scan(&op)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if op != nil {
		return op, nil
	}
	id, err := dao.DerpHostOps.Ctx(ctx).Data(do.DerpHostOps{ServerId: serverID, Op: kind, State: "pending",
		Attempts: 0, NextRunAt: gtime.NewFromTime(s.now())}).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	err = dao.DerpHostOps.Ctx(ctx).WherePri(id).Scan(&op)
	return op, err
}
