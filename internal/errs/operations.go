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
