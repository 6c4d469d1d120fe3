package consts

// The built-in roles. Level orders them: a role may manage only roles of a higher level number
// (super-admin 0 > agent-admin 1 > agent 2 > member 3). A member is a DERP customer (derp.md §1):
// no role creates members through the user screen, so ChildRole(agent) stays "".
const (
	RoleSuperAdmin = "super-admin"
	RoleAgentAdmin = "agent-admin"
	RoleAgent      = "agent"
	RoleMember     = "member"
)

// RoleLevel returns the level of a built-in role, or -1 for an unknown one.
func RoleLevel(role string) int {
	switch role {
	case RoleSuperAdmin:
		return 0
	case RoleAgentAdmin:
		return 1
	case RoleAgent:
		return 2
	case RoleMember:
		return 3
	}
	return -1
}

// ChildRole is the role of the users a role creates: the super-admin creates agent-admins,
// an agent-admin creates agents, an agent creates nobody.
func ChildRole(role string) string {
	switch role {
	case RoleSuperAdmin:
		return RoleAgentAdmin
	case RoleAgentAdmin:
		return RoleAgent
	}
	return ""
}

const (
	StatusDisabled = 0
	StatusEnabled  = 1
	// StatusPending marks a self-registered account whose email is not verified yet.
	StatusPending = 2
)

// HomePath is where the panel lands after login: a DERP customer has only its own pages.
func HomePath(role string) string {
	if role == RoleMember {
		return "/derp/mine"
	}
	return "/dashboard/analytics"
}
