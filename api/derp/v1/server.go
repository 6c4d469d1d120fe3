package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// ServerItem is a DERP host as S sees it. The SSH secret and the cert key never leave the
// backend; cloudAccount is masked.
type ServerItem struct {
	Id                  int64  `json:"id"`
	Name                string `json:"name"`
	Region              string `json:"region"`
	RegionName          string `json:"regionName"`
	PublicIpv4          string `json:"publicIpv4"`
	PublicIpv6          string `json:"publicIpv6"`
	DomesticAddr        string `json:"domesticAddr"`
	Provider            string `json:"provider"`
	CloudAccount        string `json:"cloudAccount" dc:"masked"`
	SshHost             string `json:"sshHost"`
	SshPort             int    `json:"sshPort"`
	SshUser             string `json:"sshUser"`
	SshAuth             string `json:"sshAuth"`
	State               string `json:"state"     dc:"active, draining, over_quota, removing, removed"`
	Health              string `json:"health"    dc:"unknown, healthy, degraded, down"`
	HostState           string `json:"hostState" dc:"pending, ready, error"`
	HostKeySha256       string `json:"hostKeySha256"`
	HostKeyTofu         bool   `json:"hostKeyTofu" dc:"the stored key was learned on first use and not yet confirmed"`
	CertPin             string `json:"certPin"     dc:"sha256-raw:<64 hex> of the self-signed leaf"`
	BandwidthMbps       int    `json:"bandwidthMbps"`
	MonthlyQuotaBytes   int64  `json:"monthlyQuotaBytes" dc:"0 = unlimited"`
	BillingDay          int    `json:"billingDay"`
	PortBase            int    `json:"portBase"`
	PortCount           int    `json:"portCount"`
	MaxContainers       int    `json:"maxContainers"`
	ContainerCount      int    `json:"containerCount"`
	CustomerCount       int    `json:"customerCount"`
	RateBps             int64  `json:"rateBps"`
	LastLatencyMs       int    `json:"lastLatencyMs"`
	MonthUsedBytes      int64  `json:"monthUsedBytes"`
	MonthRemainingBytes *int64 `json:"monthRemainingBytes" dc:"null when the quota is unlimited"`
	TotalUsedBytes      int64  `json:"totalUsedBytes"`
	LastError           string `json:"lastError"`
	CreatedAt           string `json:"createdAt"`
}

type ServerCreateReq struct {
	g.Meta            `path:"/derp/servers" method:"post" tags:"DERP" summary:"Register a DERP host (mints its self-signed cert; never contacts the host)"`
	Name              string  `json:"name"              v:"required|max-length:64"`
	Region            string  `json:"region"            v:"required|regex:^[a-z]{2,8}$"`
	RegionName        string  `json:"regionName"        v:"required|max-length:64"`
	PublicIpv4        string  `json:"publicIpv4"        v:"required|ipv4"`
	PublicIpv6        string  `json:"publicIpv6"        v:"ipv6"`
	DomesticAddr      string  `json:"domesticAddr"      v:"max-length:128"`
	Provider          string  `json:"provider"          v:"max-length:64"`
	CloudAccount      string  `json:"cloudAccount"      v:"max-length:64"`
	SshHost           string  `json:"sshHost"           v:"max-length:128" dc:"default publicIpv4"`
	SshPort           *int    `json:"sshPort"           v:"between:1,65535" dc:"default 22"`
	SshUser           string  `json:"sshUser"           v:"max-length:64" dc:"default root"`
	SshAuth           string  `json:"sshAuth"           v:"required|in:password,key"`
	SshSecret         string  `json:"sshSecret"         v:"required|max-length:16384" dc:"the password or the PEM private key; write-only"`
	SshHostKey        string  `json:"sshHostKey"        v:"regex:^SHA256:[A-Za-z0-9+/]{43}$" dc:"pin the host key; empty: trust on first use"`
	BandwidthMbps     *int    `json:"bandwidthMbps"     v:"between:0,1000000"`
	MonthlyQuotaBytes *int64  `json:"monthlyQuotaBytes" v:"min:0"`
	BillingDay        *int    `json:"billingDay"        v:"between:1,28"`
	PortBase          *int    `json:"portBase"          v:"between:1024,65535"`
	PortCount         *int    `json:"portCount"         v:"between:1,10000"`
	MaxContainers     *int    `json:"maxContainers"     v:"between:1,10000"`
	State             *string `json:"state"             v:"in:active,draining"`
}

type ServerCreateRes = ServerItem

type ServerUpdateReq struct {
	g.Meta            `path:"/derp/servers/{id}" method:"put" tags:"DERP" summary:"Edit a DERP host; a new publicIpv4 mints a new cert"`
	Id                int64   `json:"id"                in:"path" v:"required|min:1"`
	Name              *string `json:"name"              v:"length:1,64"`
	Region            *string `json:"region"            v:"regex:^[a-z]{2,8}$"`
	RegionName        *string `json:"regionName"        v:"length:1,64"`
	PublicIpv4        *string `json:"publicIpv4"        v:"ipv4"`
	PublicIpv6        *string `json:"publicIpv6"        v:"ipv6"`
	DomesticAddr      *string `json:"domesticAddr"      v:"max-length:128"`
	Provider          *string `json:"provider"          v:"max-length:64"`
	CloudAccount      *string `json:"cloudAccount"      v:"max-length:64"`
	SshHost           *string `json:"sshHost"           v:"length:1,128"`
	SshPort           *int    `json:"sshPort"           v:"between:1,65535"`
	SshUser           *string `json:"sshUser"           v:"length:1,64"`
	SshAuth           *string `json:"sshAuth"           v:"in:password,key"`
	SshSecret         *string `json:"sshSecret"         v:"length:1,16384"`
	SshHostKey        *string `json:"sshHostKey"        v:"regex:^(SHA256:[A-Za-z0-9+/]{43})?$"`
	BandwidthMbps     *int    `json:"bandwidthMbps"     v:"between:0,1000000"`
	MonthlyQuotaBytes *int64  `json:"monthlyQuotaBytes" v:"min:0"`
	BillingDay        *int    `json:"billingDay"        v:"between:1,28"`
	PortBase          *int    `json:"portBase"          v:"between:1024,65535"`
	PortCount         *int    `json:"portCount"         v:"between:1,10000"`
	MaxContainers     *int    `json:"maxContainers"     v:"between:1,10000"`
}

type ServerUpdateRes = ServerItem

type ServerGetReq struct {
	g.Meta `path:"/derp/servers/{id}" method:"get" tags:"DERP" summary:"One DERP host"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ServerGetRes = ServerItem

type ServerListReq struct {
	g.Meta `path:"/derp/servers/list" method:"get" tags:"DERP" summary:"The DERP hosts (removed ones only when state=removed)"`
	common.PageReq
	State     string `json:"state"     v:"in:active,draining,over_quota,removing,removed"`
	Region    string `json:"region"    v:"regex:^[a-z]{2,8}$"`
	Health    string `json:"health"    v:"in:unknown,healthy,degraded,down"`
	HostState string `json:"hostState" v:"in:pending,ready,error"`
}

type ServerListRes struct {
	Items []ServerItem `json:"items"`
	Total int          `json:"total"`
}

type ServerDeleteReq struct {
	g.Meta `path:"/derp/servers/{id}" method:"delete" tags:"DERP" summary:"Retire a DERP host (soft): removing, its rentals re-placed; force abandons its containers at once"`
	Id     int64 `json:"id"    in:"path" v:"required|min:1"`
	Force  bool  `json:"force"`
}

type ServerDeleteRes = ServerItem

type ServerDrainReq struct {
	g.Meta `path:"/derp/servers/{id}/drain" method:"post" tags:"DERP" summary:"Stop new placements on a host (active → draining)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ServerDrainRes = ServerItem

type ServerUndrainReq struct {
	g.Meta `path:"/derp/servers/{id}/undrain" method:"post" tags:"DERP" summary:"Take placements again (draining → active)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ServerUndrainRes = ServerItem

type ServerConfirmHostKeyReq struct {
	g.Meta        `path:"/derp/servers/{id}/confirm-host-key" method:"post" tags:"DERP" summary:"Confirm the host key learned on first use, or accept a new one after a mismatch"`
	Id            int64  `json:"id"            in:"path" v:"required|min:1"`
	HostKeySha256 string `json:"hostKeySha256" v:"regex:^SHA256:[A-Za-z0-9+/]{43}$" dc:"empty: confirm the stored key"`
}

type ServerConfirmHostKeyRes = ServerItem

// HostOpItem is one queued host operation.
type HostOpItem struct {
	Id          int64  `json:"id"`
	ServerId    int64  `json:"serverId"`
	ContainerId int64  `json:"containerId"`
	Op          string `json:"op"    dc:"prepare, converge, reconcile"`
	State       string `json:"state" dc:"pending, running, done, dead, superseded"`
	Attempts    int    `json:"attempts"`
	NextRunAt   string `json:"nextRunAt"`
	LastError   string `json:"lastError"`
	CreatedAt   string `json:"createdAt"`
}

type ServerPrepareReq struct {
	g.Meta `path:"/derp/servers/{id}/prepare" method:"post" tags:"DERP" summary:"Queue the host's prepare (certs, image, checks); the worker runs it"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ServerPrepareRes = HostOpItem

type ServerReconcileReq struct {
	g.Meta `path:"/derp/servers/{id}/reconcile" method:"post" tags:"DERP" summary:"Queue a reconcile of the host (orphans removed, missing containers converged)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ServerReconcileRes = HostOpItem
