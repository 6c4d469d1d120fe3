package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// The host side's operations pages (derp.md §5, S only): regions, probes, containers,
// traffic, host ops and alerts; plus the member's own traffic.

type RegionItem struct {
	Region         string `json:"region"`
	RegionName     string `json:"regionName"`
	Servers        int    `json:"servers"`
	Containers     int    `json:"containers"`
	Customers      int    `json:"customers"`
	MaxContainers  int    `json:"maxContainers"`
	LoadBps        int    `json:"loadBps"       dc:"permille of container slots used (containers·1000/maxContainers)"`
	RateBps        int64  `json:"rateBps"       dc:"sum of the servers' last traffic rate"`
	HealthyServers int    `json:"healthyServers"`
}

type ServerRegionsReq struct {
	g.Meta `path:"/derp/servers/regions" method:"get" tags:"DERP" summary:"Servers, containers, customers and load per region"`
}

type ServerRegionsRes struct {
	Items []RegionItem `json:"items"`
}

type ProbeItem struct {
	T           string `json:"t"`
	ContainerId int64  `json:"containerId"`
	Kind        string `json:"kind"      dc:"raw: https, stun, docker; hour: round"`
	Ok          bool   `json:"ok"`
	LatencyMs   int    `json:"latencyMs"`
	Error       string `json:"error"`
	Rounds      int    `json:"rounds"    dc:"hour only"`
	OkRounds    int    `json:"okRounds"  dc:"hour only"`
	P50Ms       int    `json:"p50Ms"     dc:"hour only"`
	P95Ms       int    `json:"p95Ms"     dc:"hour only"`
	MaxMs       int    `json:"maxMs"     dc:"hour only"`
}

type ServerProbesReq struct {
	g.Meta `path:"/derp/servers/{id}/probes" method:"get" tags:"DERP" summary:"A host's probe results: raw rows or hourly p50/p95/max"`
	Id     int64  `json:"id"   in:"path" v:"required|min:1"`
	Step   string `json:"step" d:"raw" v:"in:raw,hour"`
	From   string `json:"from" dc:"RFC 3339; default 24 h ago"`
	To     string `json:"to"   dc:"RFC 3339; default now"`
}

type ServerProbesRes struct {
	Items []ProbeItem `json:"items"`
}

type ContainerItem struct {
	Id          int64  `json:"id"`
	RentalId    int64  `json:"rentalId"`
	RentalNo    string `json:"rentalNo"`
	ServerId    int64  `json:"serverId"`
	HaIndex     int    `json:"haIndex"`
	Port        int    `json:"port"`
	Desired     string `json:"desired"`
	State       string `json:"state"`
	LastError   string `json:"lastError"`
	RxBytes     int64  `json:"rxBytes"`
	TxBytes     int64  `json:"txBytes"`
	RateBps     int64  `json:"rateBps"`
	ProbeOk     bool   `json:"probeOk"`
	LatencyMs   int    `json:"latencyMs"`
	DownSince   string `json:"downSince"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
	SpecHash    string `json:"specHash"`
	TokenGen    int    `json:"tokenGen"`
	OpGen       int    `json:"opGen"`
	CounterFrom string `json:"counterFrom" dc:"the container's startedAt its counters run from"`
}

type ServerContainersReq struct {
	g.Meta `path:"/derp/servers/{id}/containers/list" method:"get" tags:"DERP" summary:"A host's containers"`
	common.PageReq
	Id    int64  `json:"id"    in:"path" v:"required|min:1"`
	State string `json:"state" v:"in:pending,running,stopped,removed,failed,abandoned"`
}

type ServerContainersRes struct {
	Items []ContainerItem `json:"items"`
	Total int             `json:"total"`
}

type TrafficPoint struct {
	T       string `json:"t"`
	RxBytes int64  `json:"rxBytes"`
	TxBytes int64  `json:"txBytes"`
	PeakBps int64  `json:"peakBps"`
}

type ContainerTrafficReq struct {
	g.Meta `path:"/derp/containers/{id}/traffic" method:"get" tags:"DERP" summary:"A container's traffic, per hour or day"`
	Id     int64  `json:"id"   in:"path" v:"required|min:1"`
	From   string `json:"from" dc:"RFC 3339; default 7 days ago"`
	To     string `json:"to"   dc:"RFC 3339; default now"`
	Step   string `json:"step" d:"hour" v:"in:hour,day"`
}

type ContainerTrafficRes struct {
	Items []TrafficPoint `json:"items"`
}

type ContainerRestartReq struct {
	g.Meta `path:"/derp/containers/{id}/restart" method:"post" tags:"DERP" summary:"Recreate a container (rm -f + run, same port) through a converge op"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type ContainerRestartRes = HostOpItem

type HostOpListReq struct {
	g.Meta `path:"/derp/host-ops/list" method:"get" tags:"DERP" summary:"Queued and finished host operations"`
	common.PageReq
	ServerId    int64  `json:"serverId"    v:"min:0"`
	ContainerId int64  `json:"containerId" v:"min:0"`
	Op          string `json:"op"          v:"in:prepare,converge,reconcile"`
	State       string `json:"state"       v:"in:pending,running,done,dead,superseded"`
}

type HostOpListRes struct {
	Items []HostOpItem `json:"items"`
	Total int          `json:"total"`
}

type HostOpRetryReq struct {
	g.Meta `path:"/derp/host-ops/{id}/retry" method:"post" tags:"DERP" summary:"Run a dead op again now (attempts reset)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type HostOpRetryRes = HostOpItem

type AlertItem struct {
	Id          int64  `json:"id"`
	Kind        string `json:"kind"     dc:"server_down, host_op_dead, server_over_quota, rate_high"`
	Severity    string `json:"severity" dc:"warning, critical"`
	ServerId    int64  `json:"serverId"`
	ContainerId int64  `json:"containerId"`
	RentalId    int64  `json:"rentalId"`
	Message     string `json:"message"`
	State       string `json:"state" dc:"open, acked"`
	AckedBy     int64  `json:"ackedBy"`
	AckedAt     string `json:"ackedAt"`
	CreatedAt   string `json:"createdAt"`
}

type AlertListReq struct {
	g.Meta `path:"/derp/alerts/list" method:"get" tags:"DERP" summary:"DERP alerts for S"`
	common.PageReq
	State    string `json:"state"    v:"in:open,acked"`
	Kind     string `json:"kind"     v:"max-length:32"`
	ServerId int64  `json:"serverId" v:"min:0"`
}

type AlertListRes struct {
	Items []AlertItem `json:"items"`
	Total int         `json:"total"`
}

type AlertAckReq struct {
	g.Meta `path:"/derp/alerts/{id}/ack" method:"put" tags:"DERP" summary:"Acknowledge an alert"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type AlertAckRes = AlertItem

type MeRentalTrafficReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/traffic" method:"get" auth:"login" tags:"DERP" summary:"The caller's rental traffic, per hour or day"`
	Id     int64  `json:"id"   in:"path" v:"required|min:1"`
	From   string `json:"from" dc:"RFC 3339; default 7 days ago"`
	To     string `json:"to"   dc:"RFC 3339; default now"`
	Step   string `json:"step" d:"hour" v:"in:hour,day"`
}

type MeRentalTrafficRes struct {
	Items []TrafficPoint `json:"items"`
}
