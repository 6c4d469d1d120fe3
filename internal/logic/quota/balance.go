package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
)

// GetBalance answers the caller's account, or that of a user in its scope (404 otherwise, as
// for a user that does not exist).
func (s *sQuota) GetBalance(ctx context.Context, req *v1.BalanceReq) (*v1.BalanceRes, error) {
	id := principal.From(ctx).UserID
	if req.UserId != 0 && req.UserId != id {
		u, err := inScope(ctx, req.UserId)
		if err != nil {
			return nil, err
		}
		id = u.Id
	}
	return s.balanceRes(ctx, id)
}

func (s *sQuota) balanceRes(ctx context.Context, userID int64) (*v1.BalanceRes, error) {
	b, err := s.Balance(ctx, userID)
	if err != nil {
		return nil, err
	}
	return &v1.BalanceRes{UserId: b.UserID, Available: b.Available, Frozen: b.Frozen}, nil
}

// inScope is the user with that id when the caller may see it; 404 otherwise.
func inScope(ctx context.Context, id int64) (*entity.Users, error) {
	u, err := service.User().Account(ctx, id)
	if err != nil {
		return nil, err
	}
	if err = scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	return u, nil
}
