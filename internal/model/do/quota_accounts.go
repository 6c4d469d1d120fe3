// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaAccounts is the golang structure of table quota_accounts for DAO operations like Where/Data.
type QuotaAccounts struct {
	g.Meta    `orm:"table:quota_accounts, do:true"`
	UserId    any         //
	Available any         //
	Frozen    any         //
	UpdatedAt *gtime.Time //
}
