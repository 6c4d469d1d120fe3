// Package resource embeds the versioned SQL migrations, one folder per dialect, and the
// built admin panel (resource/panel/dist, committed like generated code; `make panel`).
package resource

import "embed"

//go:embed migrations
var Migrations embed.FS

//go:embed panel/dist
var Panel embed.FS
