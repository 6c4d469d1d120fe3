package relay

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/scope"
)

// UserGroupGet answers a user's group and its ratio; a user outside the caller's scope is 404
// (an agent reads only itself).
func (s *sRelay) UserGroupGet(ctx context.Context, req *v1.UserGroupGetReq) (*v1.UserGroupGetRes, error) {
	if _, err := scopedUser(ctx, req.UserId); err != nil {
		return nil, err
	}
	return userGroupAnswer(ctx, req.UserId)
}

// UserGroupSet puts a user in a group: the super-admin any user in any group, an agent-admin a
// user of its subtree in an agent-assignable group. The change reaches /v1 through the
// invalidation (the user's cached group is dropped).
func (s *sRelay) UserGroupSet(ctx context.Context, req *v1.UserGroupSetReq) (*v1.UserGroupSetRes, error) {
	if _, err := scopedUser(ctx, req.UserId); err != nil {
		return nil, err
	}
	grp, err := groupByCode(ctx, req.Group)
	if err != nil {
		return nil, err
	}
	if grp == nil || (scope.Of(ctx) != scope.All && grp.AgentAssignable != 1) {
		// An agent-admin is not told about groups it may not hand out.
		return nil, errs.GroupUnknown.New(req.Group)
	}
	c := dao.RelayUserGroups.Columns()
	if _, err = dao.RelayUserGroups.Ctx(ctx).Data(g.Map{c.UserId: req.UserId, c.GroupCode: grp.Code,
		c.UpdatedAt: gtime.NewFromTime(s.now())}).OnConflict(c.UserId).Save(); err != nil {
		return nil, err
	}
	s.invalidate(ctx, "user", req.UserId)
	return userGroupAnswer(ctx, req.UserId)
}

func userGroupAnswer(ctx context.Context, userID int64) (*v1.UserGroupRes, error) {
	code, err := userGroup(ctx, userID)
	if err != nil {
		return nil, err
	}
	res := &v1.UserGroupRes{UserId: userID, Group: code, Ratio: "1"}
	if grp, err := groupByCode(ctx, code); err != nil {
		return nil, err
	} else if grp != nil {
		res.Ratio = parseDec(grp.Ratio, "1").String()
	}
	return res, nil
}
