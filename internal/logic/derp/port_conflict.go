package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

const (
	slotBlocked         = "blocked"
	triggerPortConflict = "port_conflict"
)

// reportContainer handles a PortConflict from converge (§8): in one transaction the slot is
// blocked (another process on the host holds it), the container gets the lowest free port of
// the same server, a converge on the new port is queued and the rental's derpMap gets a new
// version, because the port is in it. The host is touched only by that queued converge.
func (s *sDerp) reportContainer(ctx context.Context, cid int64) error {
	now := s.now()
	return dao.DerpContainers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		var c *entity.DerpContainers
		if err := dao.DerpContainers.Ctx(ctx).WherePri(cid).Scan(&c); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		if c == nil || c.State == "removed" || c.State == "abandoned" {
			return nil
		}
		srv, err := srvByID(ctx, c.ServerId)
		if err != nil {
			return err
		}
		sc := dao.DerpPortSlots.Columns()
		if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{State: slotBlocked}).Where(sc.ServerId, srv.Id).
			Where(sc.Port, c.Port).Update(); err != nil {
			return err
		}
		free, err := portsOf(ctx, srv, now)
		if err != nil {
			return err
		}
		port, err := free.claimFree(ctx, c.Id, now)
		if err != nil {
			return err
		}
		if port == 0 {
			return errs.DerpNoCapacity.New()
		}
		cc := dao.DerpContainers.Columns()
		n, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Port: port, LastError: "PORT_CONFLICT"}).
			WherePri(c.Id).Where(cc.Port, c.Port).UpdateAndGetAffected()
		if err != nil || n != 1 {
			if err == nil {
				err = errs.DerpInvalidState.New()
			}
			return err
		}
		if err = queueConverge(ctx, []int64{c.Id}); err != nil {
			return err
		}
		// Admission is unchanged (the token is cid and token_gen, not the port); the map is not.
		if err = newAclVersion(ctx, c.RentalId, triggerPortConflict, now); err != nil {
			return err
		}
		return s.noticeAclUpdated(ctx, nil, c.RentalId)
	})
}
