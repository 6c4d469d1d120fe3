// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpServersDao is the data access object for the table derp_servers.
type DerpServersDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpServersColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpServersColumns defines and stores column names for the table derp_servers.
type DerpServersColumns struct {
	Id                string //
	Name              string //
	Region            string //
	RegionName        string //
	PublicIpv4        string //
	PublicIpv6        string //
	DomesticAddr      string //
	Provider          string //
	CloudAccount      string //
	SshHost           string //
	SshPort           string //
	SshUser           string //
	SshAuth           string //
	SshSecretEnc      string //
	SshHostkeySha256  string //
	HostkeyTofu       string //
	CertPem           string //
	CertKeyEnc        string //
	CertPin           string //
	BandwidthMbps     string //
	MonthlyQuotaBytes string //
	BillingDay        string //
	MonthUsedBytes    string //
	TotalUsedBytes    string //
	HostIface         string //
	HostRxLast        string //
	HostTxLast        string //
	PortBase          string //
	PortCount         string //
	MaxContainers     string //
	ContainerCount    string //
	State             string //
	Health            string //
	HostState         string //
	OkStreak          string //
	FailStreak        string //
	LastLatencyMs     string //
	RateBps           string //
	LastError         string //
	PreparedAt        string //
	RemovedAt         string //
	CreatedAt         string //
	UpdatedAt         string //
}

// derpServersColumns holds the columns for the table derp_servers.
var derpServersColumns = DerpServersColumns{
	Id:                "id",
	Name:              "name",
	Region:            "region",
	RegionName:        "region_name",
	PublicIpv4:        "public_ipv4",
	PublicIpv6:        "public_ipv6",
	DomesticAddr:      "domestic_addr",
	Provider:          "provider",
	CloudAccount:      "cloud_account",
	SshHost:           "ssh_host",
	SshPort:           "ssh_port",
	SshUser:           "ssh_user",
	SshAuth:           "ssh_auth",
	SshSecretEnc:      "ssh_secret_enc",
	SshHostkeySha256:  "ssh_hostkey_sha256",
	HostkeyTofu:       "hostkey_tofu",
	CertPem:           "cert_pem",
	CertKeyEnc:        "cert_key_enc",
	CertPin:           "cert_pin",
	BandwidthMbps:     "bandwidth_mbps",
	MonthlyQuotaBytes: "monthly_quota_bytes",
	BillingDay:        "billing_day",
	MonthUsedBytes:    "month_used_bytes",
	TotalUsedBytes:    "total_used_bytes",
	HostIface:         "host_iface",
	HostRxLast:        "host_rx_last",
	HostTxLast:        "host_tx_last",
	PortBase:          "port_base",
	PortCount:         "port_count",
	MaxContainers:     "max_containers",
	ContainerCount:    "container_count",
	State:             "state",
	Health:            "health",
	HostState:         "host_state",
	OkStreak:          "ok_streak",
	FailStreak:        "fail_streak",
	LastLatencyMs:     "last_latency_ms",
	RateBps:           "rate_bps",
	LastError:         "last_error",
	PreparedAt:        "prepared_at",
	RemovedAt:         "removed_at",
	CreatedAt:         "created_at",
	UpdatedAt:         "updated_at",
}

// NewDerpServersDao creates and returns a new DAO object for table data access.
func NewDerpServersDao(handlers ...gdb.ModelHandler) *DerpServersDao {
	return &DerpServersDao{
		group:    "default",
		table:    "derp_servers",
		columns:  derpServersColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpServersDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpServersDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpServersDao) Columns() DerpServersColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpServersDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpServersDao) Ctx(ctx context.Context) *gdb.Model {
	model := dao.DB().Model(dao.table)
	for _, handler := range dao.handlers {
		model = handler(model)
	}
	return model.Safe().Ctx(ctx)
}

// Transaction wraps the transaction logic using function f.
// It rolls back the transaction and returns the error if function f returns a non-nil error.
// It commits the transaction and returns nil if function f returns nil.
//
// Note: Do not commit or roll back the transaction in function f,
// as it is automatically handled by this function.
func (dao *DerpServersDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
