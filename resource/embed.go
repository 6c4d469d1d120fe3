// Package resource embeds the versioned SQL migrations, one folder per dialect, and the
// built admin panel (resource/panel/dist, committed like generated code; `make panel`).
package resource

import "embed"

//go:embed migrations
var Migrations embed.FS

// all: keeps files whose names start with _ or . (Rolldown names shared helper chunks _plugin-...).
//
//go:embed all:panel/dist
var Panel embed.FS
