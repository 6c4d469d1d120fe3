package user

import (
	sysv1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// toItem is the one place a users row becomes API output, so the password hash can never leak
// through a forgotten field and every time is rendered in the display zone.
func toItem(u *entity.Users) sysv1.UserItem {
	item := sysv1.UserItem{
		Id:                 u.Id,
		Username:           u.Username,
		Role:               u.Role,
		Status:             u.Status,
		ParentId:           u.ParentId,
		RealName:           u.RealName,
		Email:              u.Email,
		Phone:              u.Phone,
		Remark:             u.Remark,
		MustChangePassword: u.MustChangePassword == 1,
		LastLoginAt:        timefmt.Ptr(u.LastLoginAt),
		LastLoginIp:        u.LastLoginIp,
		CreatedAt:          timefmt.Format(u.CreatedAt),
	}
	// Only agent-admins recruit agents, so only their code means anything to the panel.
	if u.Role == consts.RoleAgentAdmin {
		item.InviteCode = u.InviteCode
	}
	return item
}
