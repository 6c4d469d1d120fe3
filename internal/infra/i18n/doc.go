// Package i18n loads the embedded translations into gf's i18n manager.
package i18n
