// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpServers is the golang structure for table derp_servers.
type DerpServers struct {
	Id                int64       `json:"id"                orm:"id"                  description:""`
	Name              string      `json:"name"              orm:"name"                description:""`
	Region            string      `json:"region"            orm:"region"              description:""`
	RegionName        string      `json:"regionName"        orm:"region_name"         description:""`
	PublicIpv4        string      `json:"publicIpv4"        orm:"public_ipv4"         description:""`
	PublicIpv6        string      `json:"publicIpv6"        orm:"public_ipv6"         description:""`
	DomesticAddr      string      `json:"domesticAddr"      orm:"domestic_addr"       description:""`
	Provider          string      `json:"provider"          orm:"provider"            description:""`
	CloudAccount      string      `json:"cloudAccount"      orm:"cloud_account"       description:""`
	SshHost           string      `json:"sshHost"           orm:"ssh_host"            description:""`
	SshPort           int         `json:"sshPort"           orm:"ssh_port"            description:""`
	SshUser           string      `json:"sshUser"           orm:"ssh_user"            description:""`
	SshAuth           string      `json:"sshAuth"           orm:"ssh_auth"            description:""`
	SshSecretEnc      string      `json:"sshSecretEnc"      orm:"ssh_secret_enc"      description:""`
	SshHostkeySha256  string      `json:"sshHostkeySha256"  orm:"ssh_hostkey_sha256"  description:""`
	HostkeyTofu       int         `json:"hostkeyTofu"       orm:"hostkey_tofu"        description:""`
	CertPem           string      `json:"certPem"           orm:"cert_pem"            description:""`
	CertKeyEnc        string      `json:"certKeyEnc"        orm:"cert_key_enc"        description:""`
	CertPin           string      `json:"certPin"           orm:"cert_pin"            description:""`
	BandwidthMbps     int         `json:"bandwidthMbps"     orm:"bandwidth_mbps"      description:""`
	MonthlyQuotaBytes int64       `json:"monthlyQuotaBytes" orm:"monthly_quota_bytes" description:""`
	BillingDay        int         `json:"billingDay"        orm:"billing_day"         description:""`
	MonthUsedBytes    int64       `json:"monthUsedBytes"    orm:"month_used_bytes"    description:""`
	TotalUsedBytes    int64       `json:"totalUsedBytes"    orm:"total_used_bytes"    description:""`
	HostIface         string      `json:"hostIface"         orm:"host_iface"          description:""`
	HostRxLast        int64       `json:"hostRxLast"        orm:"host_rx_last"        description:""`
	HostTxLast        int64       `json:"hostTxLast"        orm:"host_tx_last"        description:""`
	PortBase          int         `json:"portBase"          orm:"port_base"           description:""`
	PortCount         int         `json:"portCount"         orm:"port_count"          description:""`
	MaxContainers     int         `json:"maxContainers"     orm:"max_containers"      description:""`
	ContainerCount    int         `json:"containerCount"    orm:"container_count"     description:""`
	State             string      `json:"state"             orm:"state"               description:""`
	Health            string      `json:"health"            orm:"health"              description:""`
	HostState         string      `json:"hostState"         orm:"host_state"          description:""`
	OkStreak          int         `json:"okStreak"          orm:"ok_streak"           description:""`
	FailStreak        int         `json:"failStreak"        orm:"fail_streak"         description:""`
	LastLatencyMs     int         `json:"lastLatencyMs"     orm:"last_latency_ms"     description:""`
	RateBps           int64       `json:"rateBps"           orm:"rate_bps"            description:""`
	LastError         string      `json:"lastError"         orm:"last_error"          description:""`
	PreparedAt        *gtime.Time `json:"preparedAt"        orm:"prepared_at"         description:""`
	RemovedAt         *gtime.Time `json:"removedAt"         orm:"removed_at"          description:""`
	CreatedAt         *gtime.Time `json:"createdAt"         orm:"created_at"          description:""`
	UpdatedAt         *gtime.Time `json:"updatedAt"         orm:"updated_at"          description:""`
}
