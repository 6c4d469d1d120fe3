package openapi

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra/snapcache"
	"kami/internal/model"
	"kami/internal/model/do"
)

// errStale: the card changed between the read and the guarded write (another verification,
// an unbind, a disablement won); the caller re-reads it and decides again.
var errStale = errors.New("openapi: card changed under the request")

// activate turns an unused card active for device: its validity starts now. The UPDATE is
// guarded on the status and version read, so of any number of racing first verifications
// exactly one changes the row; the others find errStale and re-read an active card. The
// device's binding and the card.activated event are written in the same transaction.
func (s *sOpenapi) activate(ctx context.Context, p *projectState, card *cardState, device, fingerprint string, now time.Time) (*cardState, error) {
	cols := dao.Cards.Columns()
	at := gtime.NewFromTime(now)
	var expires *gtime.Time
	next := *card
	next.Status, next.ActivatedAt, next.BoundDevices, next.Version = model.CardActive, now.Unix(), 1, card.Version+1
	if card.DurationSeconds > 0 {
		expires = gtime.NewFromTime(now.Add(time.Duration(card.DurationSeconds) * time.Second))
		next.ExpiresAt = expires.Unix()
	}
	err := dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.Cards.Ctx(ctx).WherePri(card.ID).Where(cols.Status, model.CardUnused).Where(cols.Version, card.Version).
			Data(g.Map{cols.Status: model.CardActive, cols.ActivatedAt: at, cols.ExpiresAt: expires, cols.BoundDevices: 1,
				cols.LastVerifiedAt: at, cols.Version: card.Version + 1, cols.UpdatedAt: at}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errStale
		}
		id, err := dao.CardDevices.Ctx(ctx).Data(do.CardDevices{CardId: card.ID, DeviceHash: device, Device: fingerprint,
			BoundAt: at, LastSeenAt: at}).InsertAndGetId()
		if err != nil {
			return err
		}
		next.Devices = map[string]int64{device: id}
		return emitCard(ctx, p, "card.activated", &next, g.Map{"device": fingerprint})
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx, &next)
	return &next, nil
}

// bind adds device to an active card with a free slot. The UPDATE raises bound_devices only
// while it is below max_devices, so racing new devices never overbind; when the same device
// raced itself and is bound already, the transaction rolls back and the re-read finds it.
func (s *sOpenapi) bind(ctx context.Context, card *cardState, device, fingerprint string, now time.Time) (*cardState, error) {
	cols := dao.Cards.Columns()
	at := gtime.NewFromTime(now)
	next := *card
	err := dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.Cards.Ctx(ctx).WherePri(card.ID).Where(cols.Status, model.CardActive).
			Where(cols.BoundDevices+" < "+cols.MaxDevices).
			Where("("+cols.ExpiresAt+" IS NULL OR "+cols.ExpiresAt+" > ?)", at).
			Data(g.Map{cols.BoundDevices: gdb.Raw(cols.BoundDevices + "+1"), cols.Version: gdb.Raw(cols.Version + "+1"),
				cols.UpdatedAt: at}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errStale
		}
		id, err := rebind(ctx, card.ID, device, fingerprint, at)
		if err != nil {
			return err
		}
		fresh, err := loadCard(ctx, card.ID) // the counts as committed with this binding
		if err != nil || fresh == nil {
			return errors.Join(err, errStale)
		}
		fresh.Devices[device] = id
		next = *fresh
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx, &next)
	return &next, nil
}

// rebind binds device to the card: the row of an earlier binding is reused, else a new one
// is inserted. errStale when the device is bound already (a racing request bound it).
func rebind(ctx context.Context, cardID int64, device, fingerprint string, at *gtime.Time) (int64, error) {
	dcols := dao.CardDevices.Columns()
	r, err := dao.CardDevices.Ctx(ctx).Where(dcols.CardId, cardID).Where(dcols.DeviceHash, device).WhereNotNull(dcols.UnboundAt).
		Data(g.Map{dcols.UnboundAt: nil, dcols.BoundAt: at, dcols.LastSeenAt: at, dcols.Device: fingerprint}).Update()
	if err != nil {
		return 0, err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		v, err := dao.CardDevices.Ctx(ctx).Fields(dcols.Id).Where(dcols.CardId, cardID).Where(dcols.DeviceHash, device).Value()
		return v.Int64(), err
	}
	r, err = dao.CardDevices.Ctx(ctx).Data(do.CardDevices{CardId: cardID, DeviceHash: device, Device: fingerprint,
		BoundAt: at, LastSeenAt: at}).InsertIgnore()
	if err != nil {
		return 0, err
	}
	if n, _ := r.RowsAffected(); n != 1 {
		return 0, errStale
	}
	return r.LastInsertId()
}

// reload reads the card from the database, past every cache, after a lost race.
func (s *sOpenapi) reload(ctx context.Context, id int64) (*cardState, error) {
	c, err := loadCard(ctx, id)
	if err != nil || c == nil {
		return c, err
	}
	cards.Put(strconv.FormatInt(id, 10), c)
	return c, nil
}

// changed publishes a card's new state: other nodes drop their copies, this one keeps it.
func (s *sOpenapi) changed(ctx context.Context, c *cardState) {
	id := strconv.FormatInt(c.ID, 10)
	if err := snapcache.Invalidate(ctx, model.SnapCard, id); err != nil {
		g.Log().Warningf(ctx, "openapi: card %d changed but its snapshot was not invalidated: %v", c.ID, err)
		return
	}
	cards.Put(id, c)
}
