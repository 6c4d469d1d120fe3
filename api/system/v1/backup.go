package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Backups: a full encrypted backup daily (job backup.daily) or on demand, each read back in
// full after writing; kept 7 daily / 4 weekly / 12 monthly. The super-admin's.

type BackupItem struct {
	ID            int64   `json:"id"`
	File          string  `json:"file"          dc:"file name in kami.backup.dir of the node that wrote it"`
	Node          string  `json:"node"`
	Size          int64   `json:"size"          dc:"bytes"`
	SHA256        string  `json:"sha256"        dc:"of the file as written"`
	SchemaVersion string  `json:"schemaVersion"`
	Tables        int     `json:"tables"`
	Rows          int64   `json:"rows"`
	Status        string  `json:"status"        dc:"verified (read back in full and matched) or failed"`
	Error         string  `json:"error"         dc:"why it failed"`
	CreatedAt     string  `json:"createdAt"`
	VerifiedAt    *string `json:"verifiedAt"    dc:"null unless verified"`
}

type BackupListReq struct {
	g.Meta `path:"/system/backups/list" method:"get" tags:"运维 Operations" summary:"Backups kept, newest first, with their verification state"`
	common.PageReq
}

type BackupListRes struct {
	Items []BackupItem `json:"items"`
	Total int          `json:"total"`
}

type BackupCreateReq struct {
	g.Meta `path:"/system/backups" method:"post" tags:"运维 Operations" summary:"Take a full backup now (written, read back and verified before it answers)"`
}

type BackupCreateRes struct {
	BackupItem
}

type RestoreRequestItem struct {
	ID          int64   `json:"id"`
	BackupID    int64   `json:"backupId"`
	Reason      string  `json:"reason"`
	Status      string  `json:"status"      dc:"pending, done or failed"`
	RequestedBy int64   `json:"requestedBy"`
	ApprovedBy  int64   `json:"approvedBy"`
	Error       string  `json:"error"`
	CreatedAt   string  `json:"createdAt"`
	FinishedAt  *string `json:"finishedAt"`
}

type RestoreRequestCreateReq struct {
	g.Meta `path:"/system/backups/{id}/restore" method:"post" tags:"运维 Operations" summary:"Ask to restore a backup into an empty database (another super-admin approves)"`
	ID     int64  `json:"id"     in:"path" v:"required|min:1"`
	Target string `json:"target" v:"required|max-length:1000" dc:"link of the empty database production moves to: mysql:... or sqlite::@file(...)"`
	Reason string `json:"reason" v:"required|max-length:255"`
}

type RestoreRequestCreateRes struct {
	RestoreRequestItem
}

type RestoreRequestApproveReq struct {
	g.Meta `path:"/system/restore-requests/{id}/approve" method:"post" tags:"运维 Operations" summary:"Approve another super-admin's restore request: maintenance mode goes on and the backup is loaded and verified; runs during maintenance" maintenance:"exempt"`
	ID     int64 `json:"id" in:"path" v:"required|min:1"`
}

type RestoreRequestApproveRes struct {
	RestoreRequestItem
}
