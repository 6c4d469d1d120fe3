// Package logs serves the operation and login logs to admins (filtered, paged, exported to
// Excel), always through the caller's data scope, and archives old rows with the
// log.retention job.
package logs

import (
	"kami/internal/service"
)

type sLogs struct{}

func init() {
	service.RegisterLogs(New())
}

func New() *sLogs { return &sLogs{} }
