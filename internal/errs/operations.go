package errs

// Operations codes (maintenance, backups, system log): last two digits 53-54 for this part of
// the operations range (conventions.md; 50-52 belong to statistics and banners).
var (
	// Maintenance: the maintenance switch is on; every mutating admin call not tagged
	// maintenance:"exempt" answers it, with Retry-After.
	Maintenance = define(50353, "MAINTENANCE")
)

// BackupFailed: a backup could not be written or did not verify (no kami.backup.key, disk
// full, a read-back mismatch); the record says why.
var BackupFailed = define(50054, "BACKUP_FAILED")

// Restore requests: the approver must be another super-admin than the requester, and only a
// pending request can be approved.
var (
	RestoreSelfApproval = define(40353, "RESTORE_SELF_APPROVAL")
	RestoreNotPending   = define(40953, "RESTORE_NOT_PENDING")
)
