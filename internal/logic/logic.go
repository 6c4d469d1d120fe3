// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package logic

import (
	_ "kami/internal/logic/apicalls"
	_ "kami/internal/logic/auth"
	_ "kami/internal/logic/authorization"
	_ "kami/internal/logic/backup"
	_ "kami/internal/logic/banner"
	_ "kami/internal/logic/camel"
	_ "kami/internal/logic/card"
	_ "kami/internal/logic/derp"
	_ "kami/internal/logic/geo"
	_ "kami/internal/logic/job"
	_ "kami/internal/logic/logs"
	_ "kami/internal/logic/mail"
	_ "kami/internal/logic/maintenance"
	_ "kami/internal/logic/middleware"
	_ "kami/internal/logic/notify"
	_ "kami/internal/logic/openapi"
	_ "kami/internal/logic/outbox"
	_ "kami/internal/logic/payment"
	_ "kami/internal/logic/project"
	_ "kami/internal/logic/proxy"
	_ "kami/internal/logic/quota"
	_ "kami/internal/logic/rbac"
	_ "kami/internal/logic/relay"
	_ "kami/internal/logic/security"
	_ "kami/internal/logic/settings"
	_ "kami/internal/logic/stats"
	_ "kami/internal/logic/user"
)
