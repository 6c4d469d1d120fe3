package errs

// Card platform codes (projects, plans, authorizations, batches, cards): last two digits
// 30-39 (conventions.md).
var (
	// AuthorizationExpiry: an end in the past, or beyond the granting agent-admin's own end.
	AuthorizationExpiry = define(40030, "AUTHORIZATION_EXPIRY_INVALID")
	// AuthorizationGrantee: the user cannot hold authorizations (the super-admin, oneself).
	AuthorizationGrantee = define(40031, "AUTHORIZATION_GRANTEE_INVALID")
	// PlanInvalid: a batch names a plan that does not exist or belongs to another project.
	PlanInvalid = define(40032, "PLAN_INVALID")
	// ProjectNotAuthorized: the caller (or the granting agent-admin) holds no live
	// authorization for the project.
	ProjectNotAuthorized = define(40330, "PROJECT_NOT_AUTHORIZED")
	ProjectDisabled      = define(40930, "PROJECT_DISABLED")
	AuthorizationExists  = define(40931, "AUTHORIZATION_EXISTS")
	ApplicationPending   = define(40932, "APPLICATION_PENDING")
	PlanInUse            = define(40933, "PLAN_IN_USE")
	PlanDisabled         = define(40934, "PLAN_DISABLED")
	// CardNotUnbindable: only an active card before its expiry can be unbound.
	CardNotUnbindable = define(40935, "CARD_NOT_UNBINDABLE")
	// UnbindLimitReached: the card used up the unbinds its project allows (max_unbinds).
	UnbindLimitReached = define(40936, "UNBIND_LIMIT_REACHED")
	// UnbindCooldown: the card was unbound less than the project's cooldown ago; the
	// parameter is the seconds left.
	UnbindCooldown = define(40937, "UNBIND_COOLDOWN")
)
