package errs

// Operations codes of the statistics and banners (issue 11): last two digits 50-52 (the other
// operations codes, 53-54, belong to backups, upgrades and maintenance).
var (
	// StatsRange: from after to, or a period longer than a report allows.
	StatsRange = define(40050, "STATS_RANGE_INVALID")
	// BannerImage: the upload is not a JPEG or PNG image (whatever its name says), or its
	// dimensions are beyond the cap (a decompression bomb).
	BannerImage = define(41551, "BANNER_IMAGE_INVALID")
	// BannerTooLarge: the image file is over 2 MB.
	BannerTooLarge = define(41352, "BANNER_TOO_LARGE")
	// StatsFont: the PDF font (stats.pdfFont) cannot be read; nothing was written.
	StatsFont = define(50350, "STATS_PDF_FONT_MISSING")
)

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
