// Package version is what this binary is: its semantic version and the commit it was built
// from, stamped at link time (make build):
//
//	go build -ldflags "-X kami/internal/version.Version=1.4.0 -X kami/internal/version.Commit=$(git rev-parse HEAD)"
//
// A plain `go build` or `go test` keeps the defaults, which say so instead of pretending to be
// a release; the commit then comes from the build info Go records for a VCS checkout.
package version

import "runtime/debug"

// Set by -ldflags -X; strings, since -X sets nothing else. Read through Get, not written.
var (
	Version = "0.0.0-dev"
	Commit  = ""
)

// Info is the version answer of `kami version` and GET /api/system/version.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
}

// Get reports the stamped version and commit (the VCS revision Go recorded, or "unknown").
func Get() Info {
	commit := Commit
	if commit == "" {
		commit = "unknown"
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && s.Value != "" {
					commit = s.Value
				}
			}
		}
	}
	return Info{Version: Version, Commit: commit}
}
