package derp

import (
	"context"
	"encoding/hex"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Device statuses and sources (§3).
const (
	deviceApproved = "approved"
	devicePending  = "pending"
	deviceBlocked  = "blocked"
	sourceManual   = "manual"
	sourceLearned  = "learned"
	sourceSeen     = "seen"
	nodeKeyPrefix  = "nodekey:"
)

var deviceSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":         listq.Ordinal(dao.DerpDevices.Columns().Id),
	"lastSeenAt": listq.Ordinal(dao.DerpDevices.Columns().LastSeenAt),
})

// normalizeNodeKey accepts "nodekey:<64 hex>" or the bare hex in any case and answers the
// stored form, "nodekey:<64 lower-case hex>", so one key is one row however it was typed.
func normalizeNodeKey(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > len(nodeKeyPrefix) && strings.EqualFold(s[:len(nodeKeyPrefix)], nodeKeyPrefix) {
		s = s[len(nodeKeyPrefix):]
	}
	if len(s) != 64 {
		return "", false
	}
	if _, err := hex.DecodeString(s); err != nil {
		return "", false
	}
	return nodeKeyPrefix + strings.ToLower(s), true
}

// myRental is the caller's rental (404 for another customer's, 403 for a non-member).
func myRental(ctx context.Context, id int64) (*entity.DerpRentals, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	r, err := rentalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.UserId != u.Id {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

// myLiveRental is myRental refusing a deregistered one: its devices are history.
func myLiveRental(ctx context.Context, id int64) (*entity.DerpRentals, error) {
	r, err := myRental(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.State == rentalDeregistered || r.State == "deregistering" {
		return nil, errs.DerpInvalidState.New()
	}
	return r, nil
}

func deviceItem(d *entity.DerpDevices) v1.DeviceItem {
	return v1.DeviceItem{Id: d.Id, NodeKey: d.NodeKey, Name: d.Name, Status: d.Status, Source: d.Source, Ips: d.Ips,
		LastSeenAt: timefmt.Format(d.LastSeenAt), CreatedAt: timefmt.Format(d.CreatedAt)}
}

// MeDeviceList lists the rental's devices, pending (seen) ones included.
func (s *sDerp) MeDeviceList(ctx context.Context, req *v1.MeDeviceListReq) (*v1.MeDeviceListRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	dc := dao.DerpDevices.Columns()
	m := dao.DerpDevices.Ctx(ctx).Where(dc.RentalId, r.Id)
	if req.Status != "" {
		m = m.Where(dc.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.DerpDevices](m, req.PageReq, deviceSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.DeviceItem, 0, len(rows))
	for i := range rows {
		out = append(out, deviceItem(&rows[i]))
	}
	return &v1.MeDeviceListRes{Items: out, Total: total}, nil
}

// MeDeviceCreate approves a node key by hand: 409 DUPLICATE for a key the rental already has,
// 409 DERP_DEVICE_LIMIT when maxDevices keys are approved.
func (s *sDerp) MeDeviceCreate(ctx context.Context, req *v1.MeDeviceCreateReq) (*v1.MeDeviceCreateRes, error) {
	key, ok := normalizeNodeKey(req.NodeKey)
	if !ok {
		return nil, errs.InvalidInput.New()
	}
	r, err := myLiveRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	var id int64
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := lockRental(ctx, r.Id, s.now()); err != nil {
			return err
		}
		dc := dao.DerpDevices.Columns()
		n, err := dao.DerpDevices.Ctx(ctx).Where(dc.RentalId, r.Id).Where(dc.NodeKey, key).Count()
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Duplicate.New()
		}
		if err = roomForDevice(ctx, r.Id); err != nil {
			return err
		}
		id, err = dao.DerpDevices.Ctx(ctx).Data(do.DerpDevices{RentalId: r.Id, NodeKey: key, Name: req.Name,
			Status: deviceApproved, Source: sourceManual, Ips: ""}).InsertAndGetId()
		if err != nil && dbx.IsUniqueViolation(err) {
			return errs.Duplicate.New()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return deviceOf(ctx, r.Id, id)
}

// MeDeviceUpdate approves or blocks a device (approving counts against maxDevices) and renames it.
func (s *sDerp) MeDeviceUpdate(ctx context.Context, req *v1.MeDeviceUpdateReq) (*v1.MeDeviceUpdateRes, error) {
	r, err := myLiveRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := lockRental(ctx, r.Id, s.now()); err != nil {
			return err
		}
		d, err := deviceOf(ctx, r.Id, req.Did)
		if err != nil {
			return err
		}
		if req.Status == deviceApproved && d.Status != deviceApproved {
			if err = roomForDevice(ctx, r.Id); err != nil {
				return err
			}
		}
		data := g.Map{dao.DerpDevices.Columns().Status: req.Status}
		if req.Name != nil {
			data[dao.DerpDevices.Columns().Name] = *req.Name
		}
		_, err = dao.DerpDevices.Ctx(ctx).Data(data).WherePri(d.Id).Update()
		return err
	})
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return deviceOf(ctx, r.Id, req.Did)
}

// MeDeviceDelete forgets a device; a key that connects again shows up as pending.
func (s *sDerp) MeDeviceDelete(ctx context.Context, req *v1.MeDeviceDeleteReq) (*v1.MeDeviceDeleteRes, error) {
	r, err := myLiveRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if _, err = deviceOf(ctx, r.Id, req.Did); err != nil {
		return nil, err
	}
	if _, err = dao.DerpDevices.Ctx(ctx).WherePri(req.Did).Where(dao.DerpDevices.Columns().RentalId, r.Id).Delete(); err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return &v1.MeDeviceDeleteRes{}, nil
}

// MeDeviceLearn opens the learn window for req.Minutes: unknown keys that connect meanwhile are
// approved (source learned) until maxDevices are approved (§7 (4)).
func (s *sDerp) MeDeviceLearn(ctx context.Context, req *v1.MeDeviceLearnReq) (*v1.MeDeviceLearnRes, error) {
	r, err := myLiveRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	until := s.now().Add(time.Duration(req.Minutes) * time.Minute)
	if _, err = dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{LearnUntil: gtime.NewFromTime(until)}).WherePri(r.Id).
		Update(); err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return &v1.MeDeviceLearnRes{LearnUntil: timefmt.Format(gtime.NewFromTime(until))}, nil
}

// learnDevice approves key for the rental while its learn window is open and fewer than
// maxDevices keys are approved. The rental row is locked first, so two nodes learning at once
// cannot both take the last place.
func (s *sDerp) learnDevice(ctx context.Context, rentalID int64, key, ip string, now time.Time) (bool, error) {
	learned := false
	err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		// Checked after the lock, not through the UPDATE's affected rows: MySQL counts changed
		// rows, and an updated_at already equal to now would read as "no such rental".
		if err := lockRental(ctx, rentalID, now); err != nil {
			return err
		}
		r, err := rentalByID(ctx, rentalID)
		if err != nil {
			return err
		}
		if r.State != rentalActive || r.LearnUntil == nil || !now.Before(r.LearnUntil.Time) {
			return nil
		}
		if err = roomForDevice(ctx, rentalID); err != nil {
			if errs.Is(err, errs.DerpDeviceLimit) {
				return nil
			}
			return err
		}
		if len(ip) > 64 {
			ip = ip[:64]
		}
		dc := dao.DerpDevices.Columns()
		var d *entity.DerpDevices
		if err = dao.DerpDevices.Ctx(ctx).Where(dc.RentalId, rentalID).Where(dc.NodeKey, key).Scan(&d); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		at := gtime.NewFromTime(now)
		switch {
		case d == nil:
			_, err = dao.DerpDevices.Ctx(ctx).Data(do.DerpDevices{RentalId: rentalID, NodeKey: key, Name: "",
				Status: deviceApproved, Source: sourceLearned, Ips: ip, LastSeenAt: at}).Insert()
		case d.Status == devicePending:
			_, err = dao.DerpDevices.Ctx(ctx).Data(do.DerpDevices{Status: deviceApproved, Source: sourceLearned,
				LastSeenAt: at}).WherePri(d.Id).Where(dc.Status, devicePending).Update()
		default:
			return nil
		}
		learned = err == nil
		return err
	})
	if err != nil {
		return false, err
	}
	s.invalidateAdmission(ctx, rentalID)
	return learned, nil
}

// lockRental takes the rental row's write lock for the transaction (a no-op UPDATE), so device
// counts read after it cannot race another writer of the same rental.
func lockRental(ctx context.Context, rentalID int64, now time.Time) error {
	_, err := dao.DerpRentals.Ctx(ctx).Data(g.Map{dao.DerpRentals.Columns().UpdatedAt: gtime.NewFromTime(now)}).
		WherePri(rentalID).Update()
	return err
}

// roomForDevice refuses one more approved device past the rental's maxDevices.
func roomForDevice(ctx context.Context, rentalID int64) error {
	r, err := rentalByID(ctx, rentalID)
	if err != nil {
		return err
	}
	dc := dao.DerpDevices.Columns()
	n, err := dao.DerpDevices.Ctx(ctx).Where(dc.RentalId, rentalID).Where(dc.Status, deviceApproved).Count()
	if err != nil {
		return err
	}
	if n >= r.MaxDevices {
		return errs.DerpDeviceLimit.New()
	}
	return nil
}

func deviceOf(ctx context.Context, rentalID, id int64) (*v1.DeviceItem, error) {
	var d *entity.DerpDevices
	if err := dao.DerpDevices.Ctx(ctx).WherePri(id).Where(dao.DerpDevices.Columns().RentalId, rentalID).Scan(&d); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if d == nil {
		return nil, errs.NotFound.New()
	}
	it := deviceItem(d)
	return &it, nil
}
