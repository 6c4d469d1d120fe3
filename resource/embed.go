// Package resource embeds the versioned SQL migrations, one folder per dialect.
package resource

import "embed"

//go:embed migrations
var Migrations embed.FS
