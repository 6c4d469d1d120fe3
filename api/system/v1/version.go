package v1

import "github.com/gogf/gf/v2/frame/g"

// What is running: the release a node was built as and the schema it migrated to, so an
// operator sees a half-finished rolling upgrade (two nodes answering different versions).

type VersionReq struct {
	g.Meta `path:"/system/version" method:"get" tags:"系统 System" summary:"The running binary's version, commit and schema version" auth:"login"`
}

type VersionRes struct {
	Version       string `json:"version"       dc:"semantic version stamped at build time (0.0.0-dev when not)"`
	Commit        string `json:"commit"        dc:"VCS commit the binary was built from"`
	SchemaVersion string `json:"schemaVersion" dc:"newest migration applied to the database, e.g. 0015"`
}

type MaintenanceGetReq struct {
	g.Meta `path:"/system/maintenance" method:"get" tags:"系统 System" summary:"Whether maintenance mode is on (mutating admin calls answer 503 MAINTENANCE)" auth:"login"`
}

type MaintenanceGetRes struct {
	Enabled    bool   `json:"enabled"`
	RetryAfter int64  `json:"retryAfter" dc:"seconds clients are told to wait (Retry-After)"`
	Message    string `json:"message"    dc:"what the panel shows while it is on"`
}
