package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/utility/dbx"
)

// ServerUpdate edits a host that is not being retired. A new public address mints a new cert
// (its pin changes, so the host is prepared again); a new SSH endpoint forgets the learned host
// key unless one is given; any change that affects the host queues a prepare.
func (s *sDerp) ServerUpdate(ctx context.Context, req *v1.ServerUpdateReq) (*v1.ServerUpdateRes, error) {
	cur, err := srvByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if cur.State == srvRemoving || cur.State == srvRemoved {
		return nil, errs.DerpInvalidState.New()
	}
	data := do.DerpServers{}
	str := func(dst *any, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	num := func(dst *any, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	str(&data.Name, req.Name)
	str(&data.Region, req.Region)
	str(&data.RegionName, req.RegionName)
	str(&data.DomesticAddr, req.DomesticAddr)
	str(&data.Provider, req.Provider)
	str(&data.CloudAccount, req.CloudAccount)
	num(&data.BandwidthMbps, req.BandwidthMbps)
	num(&data.BillingDay, req.BillingDay)
	num(&data.MaxContainers, req.MaxContainers)
	if req.MonthlyQuotaBytes != nil {
		data.MonthlyQuotaBytes = *req.MonthlyQuotaBytes
	}
	base, count := cur.PortBase, cur.PortCount
	if req.PortBase != nil {
		base, data.PortBase = *req.PortBase, *req.PortBase
	}
	if req.PortCount != nil {
		count, data.PortCount = *req.PortCount, *req.PortCount
	}
	if err := srvCheckPorts(base, count); err != nil {
		return nil, err
	}
	hostChanged := false
	v4, v6 := cur.PublicIpv4, cur.PublicIpv6
	if req.PublicIpv4 != nil {
		v4 = *req.PublicIpv4
	}
	if req.PublicIpv6 != nil {
		v6 = *req.PublicIpv6
	}
	if v4 != cur.PublicIpv4 || v6 != cur.PublicIpv6 {
		if err := srvCheckIPs(v4, v6); err != nil {
			return nil, err
		}
		cert, err := mintServerCert(s.now(), v4, v6)
		if err != nil {
			return nil, err
		}
		data.PublicIpv4, data.PublicIpv6 = v4, v6
		data.CertPem, data.CertKeyEnc, data.CertPin = cert.CertPEM, cert.KeySealed, cert.Pin
		hostChanged = true
	}
	auth := cur.SshAuth
	if req.SshAuth != nil && *req.SshAuth != cur.SshAuth {
		if req.SshSecret == nil {
			return nil, errs.InvalidInput.Msg("a new sshAuth needs its sshSecret")
		}
		auth, data.SshAuth = *req.SshAuth, *req.SshAuth
	}
	if req.SshSecret != nil {
		sealed, err := srvSealSecret(auth, *req.SshSecret)
		if err != nil {
			return nil, err
		}
		data.SshSecretEnc = sealed
		hostChanged = true
	}
	endpointChanged := req.SshHost != nil && *req.SshHost != cur.SshHost || req.SshPort != nil && *req.SshPort != cur.SshPort
	str(&data.SshHost, req.SshHost)
	num(&data.SshPort, req.SshPort)
	if req.SshUser != nil && *req.SshUser != cur.SshUser {
		data.SshUser = *req.SshUser
		hostChanged = true
	}
	switch {
	case req.SshHostKey != nil:
		data.SshHostkeySha256, data.HostkeyTofu = *req.SshHostKey, 0
		hostChanged = true
	case endpointChanged:
		data.SshHostkeySha256, data.HostkeyTofu = "", 0 // another machine: learn its key again
	}
	if endpointChanged {
		hostChanged = true
	}
	if hostChanged {
		data.HostState, data.LastError = srvHostPend, ""
	}
	err = dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		n, err := dao.DerpServers.Ctx(ctx).Data(data).WherePri(cur.Id).WhereNotIn(dao.DerpServers.Columns().State,
			[]string{srvRemoving, srvRemoved}).UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			// 0 rows is also MySQL's answer to an UPDATE that changed nothing: re-check the state.
			again, err := srvByID(ctx, cur.Id)
			if err != nil {
				return err
			}
			if again.State == srvRemoving || again.State == srvRemoved {
				return errs.DerpInvalidState.New()
			}
		}
		if hostChanged {
			_, err = s.srvEnqueuePrepare(ctx, cur.Id)
		}
		return err
	})
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.New(v4)
	}
	if err != nil {
		return nil, err
	}
	return s.srvItemByID(ctx, cur.Id)
}
