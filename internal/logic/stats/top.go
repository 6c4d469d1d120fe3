package stats

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/stats/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/utility/dbx"
)

// TopAgents answers the users in scope (agents and agent-admins) ranked by cards created or by
// quota spent over the period, with the other figures beside.
func (s *sStats) TopAgents(ctx context.Context, req *v1.TopAgentsReq) (*v1.TopAgentsRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit == 0 {
		limit = 10
	}
	staff := dao.Users.Ctx(ctx).Fields("id").WhereIn("role", []string{consts.RoleAgent, consts.RoleAgentAdmin})
	cards := func() *gdb.Model {
		return scoped(ctx, dao.StatsCardDaily.Ctx(ctx), "owner_id", from, to).WhereIn("owner_id", staff).
			Fields("owner_id user_id, SUM(created) n").Group("owner_id")
	}
	flows := func() *gdb.Model {
		return scoped(ctx, dao.StatsQuotaDaily.Ctx(ctx), "user_id", from, to).WhereIn("user_id", staff).
			Fields("user_id, SUM(amount_out) n, SUM(amount_in) m").Group("user_id")
	}
	type sum struct {
		UserId int64
		N, M   int64
	}
	var ranked []sum
	first := cards
	if req.By == "spent" {
		first = flows
	}
	if err = first().Order("n DESC, user_id ASC").Limit(limit).Scan(&ranked); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.TopAgentsRes{Items: []v1.TopAgent{}}
	if len(ranked) == 0 {
		return res, nil
	}
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.UserId
	}
	var cardRows, flowRows []sum
	if err = cards().WhereIn("owner_id", ids).Scan(&cardRows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if err = flows().WhereIn("user_id", ids).Scan(&flowRows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	names, err := dao.Users.Ctx(ctx).Fields("id, username").WhereIn("id", ids).All()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	name := map[int64]string{}
	for _, r := range names {
		name[r["id"].Int64()] = r["username"].String()
	}
	for _, id := range ids {
		it := v1.TopAgent{UserId: id, Username: name[id]}
		for _, c := range cardRows {
			if c.UserId == id {
				it.Cards = c.N
			}
		}
		for _, f := range flowRows {
			if f.UserId == id {
				it.Spent, it.Received = f.N, f.M
			}
		}
		res.Items = append(res.Items, it)
	}
	return res, nil
}
