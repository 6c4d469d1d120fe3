// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpServers is the golang structure of table derp_servers for DAO operations like Where/Data.
type DerpServers struct {
	g.Meta            `orm:"table:derp_servers, do:true"`
	Id                any         //
	Name              any         //
	Region            any         //
	RegionName        any         //
	PublicIpv4        any         //
	PublicIpv6        any         //
	DomesticAddr      any         //
	Provider          any         //
	CloudAccount      any         //
	SshHost           any         //
	SshPort           any         //
	SshUser           any         //
	SshAuth           any         //
	SshSecretEnc      any         //
	SshHostkeySha256  any         //
	HostkeyTofu       any         //
	CertPem           any         //
	CertKeyEnc        any         //
	CertPin           any         //
	BandwidthMbps     any         //
	MonthlyQuotaBytes any         //
	BillingDay        any         //
	MonthUsedBytes    any         //
	TotalUsedBytes    any         //
	HostIface         any         //
	HostRxLast        any         //
	HostTxLast        any         //
	PortBase          any         //
	PortCount         any         //
	MaxContainers     any         //
	ContainerCount    any         //
	State             any         //
	Health            any         //
	HostState         any         //
	OkStreak          any         //
	FailStreak        any         //
	LastLatencyMs     any         //
	RateBps           any         //
	LastError         any         //
	PreparedAt        *gtime.Time //
	RemovedAt         *gtime.Time //
	CreatedAt         *gtime.Time //
	UpdatedAt         *gtime.Time //
}
