// Package manifest embeds the default configuration and translations so the single binary
// (and tests, whose working directory is their package folder) never depend on the cwd.
package manifest

import "embed"

//go:embed config/config.yaml
var ConfigYAML string

//go:embed i18n
var I18n embed.FS
