// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Backups is the golang structure for table backups.
type Backups struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	File          string      `json:"file"          orm:"file"           description:""`
	Node          string      `json:"node"          orm:"node"           description:""`
	Size          int64       `json:"size"          orm:"size"           description:""`
	Sha256        string      `json:"sha256"        orm:"sha256"         description:""`
	SchemaVersion string      `json:"schemaVersion" orm:"schema_version" description:""`
	TablesCount   int         `json:"tablesCount"   orm:"tables_count"   description:""`
	RowsCount     int64       `json:"rowsCount"     orm:"rows_count"     description:""`
	Status        string      `json:"status"        orm:"status"         description:""`
	Error         string      `json:"error"         orm:"error"          description:""`
	TriggerBy     int64       `json:"triggerBy"     orm:"trigger_by"     description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	VerifiedAt    *gtime.Time `json:"verifiedAt"    orm:"verified_at"    description:""`
}
