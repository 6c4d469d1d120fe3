package openapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	v1 "kami/api/openapi/v1"
	"kami/internal/consts"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/timefmt"
)

// Verification results (openapi.md), in the contract's precedence.
const (
	ResultValid           = "VALID"
	ResultNotFound        = "NOT_FOUND"
	ResultProjectDisabled = "PROJECT_DISABLED"
	ResultDisabled        = "DISABLED"
	ResultNotAuthorized   = "NOT_AUTHORIZED"
	ResultExpired         = "EXPIRED"
	ResultDeviceMismatch  = "DEVICE_MISMATCH"
	ResultTooManyDevices  = "TOO_MANY_DEVICES"
)

// maxTries bounds how often a verification re-reads a card another request changed under it
// (an activation or binding that won the race); each lost race means the card moved on, so a
// third read always finds it settled for this device.
const maxTries = 4

// Verify answers a card and device (openapi.md "POST /openapi/v1/cards/verify"). A bound
// device of an active card is answered from the snapshots alone; activating an unused card
// and binding a new device are guarded UPDATEs, so however many verifications race — on any
// number of nodes — one activation happens and no card binds more than maxDevices.
func (s *sOpenapi) Verify(ctx context.Context, req *v1.VerifyReq) (*v1.VerifyRes, error) {
	if err := req.Validate(); err != nil {
		return nil, errs.OpenAPIBadRequest.New(err.Error())
	}
	c := callFrom(ctx)
	now := s.now()
	res := &v1.VerifyRes{ServerTime: rfc3339(now), Nonce: c.nonce}
	card, err := findCard(ctx, c.project.ID, req.Card)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if card == nil {
		res.Result = ResultNotFound
		return res, nil
	}
	device := deviceHash(req.Device)
	for try := 1; ; try++ {
		result, err := s.judge(ctx, c.project, card, now)
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		if result == "" {
			result, card, err = s.admitDevice(ctx, c.project, card, device, req.Device, now, res)
			if errors.Is(err, errStale) && try < maxTries {
				if card, err = s.reload(ctx, card.ID); err == nil && card != nil {
					continue
				}
			}
			if err != nil || card == nil {
				return nil, errs.Unavailable.Wrap(err)
			}
		}
		res.Result, res.Valid = result, result == ResultValid
		res.Card = view(card, result, now)
		s.record(c, card, device, req.Device, result, req.Version, now)
		return res, nil
	}
}

// judge is the card's answer before devices are looked at: "" when it may be used.
func (s *sOpenapi) judge(ctx context.Context, p *projectState, card *cardState, now time.Time) (string, error) {
	if p.Status != model.ProjectActive {
		return ResultProjectDisabled, nil
	}
	if card.Status == model.CardDisabled {
		return ResultDisabled, nil
	}
	b, err := batchOf(ctx, card.BatchID)
	if err != nil {
		return "", err
	}
	if b.Status == model.BatchDisabled || b.Status == model.BatchFailed {
		return ResultDisabled, nil
	}
	o, err := ownerOf(ctx, card.OwnerID)
	if err != nil {
		return "", err
	}
	if o.Status == consts.StatusDisabled {
		return ResultDisabled, nil
	}
	if !p.VerifyAfterAuthEnd && o.Role != consts.RoleSuperAdmin {
		a, err := authOf(ctx, p.ID, card.OwnerID)
		if err != nil {
			return "", err
		}
		if !a.Active || (a.ExpiresAt != 0 && a.ExpiresAt <= now.Unix()) {
			return ResultNotAuthorized, nil
		}
	}
	if expired(card, now) {
		return ResultExpired, nil
	}
	return "", nil
}

func expired(card *cardState, now time.Time) bool {
	return card.Status == model.CardExpired || (card.ExpiresAt != 0 && card.ExpiresAt <= now.Unix())
}

// admitDevice answers a usable card for a device: VALID when it is bound or could be bound
// now (activating an unused card), otherwise the device refusal. It answers the card as it
// is after that.
func (s *sOpenapi) admitDevice(ctx context.Context, p *projectState, card *cardState, device, fingerprint string,
	now time.Time, res *v1.VerifyRes) (string, *cardState, error) {
	if _, ok := card.Devices[device]; ok {
		return ResultValid, card, nil
	}
	switch {
	case card.Status == model.CardUnused:
		next, err := s.activate(ctx, p, card, device, fingerprint, now)
		if err != nil {
			return "", card, err
		}
		res.Activated = true
		return ResultValid, next, nil
	case card.BoundDevices < card.MaxDevices:
		next, err := s.bind(ctx, card, device, fingerprint, now)
		if err != nil {
			return "", card, err
		}
		return ResultValid, next, nil
	case card.MaxDevices > 1:
		return ResultTooManyDevices, card, nil
	}
	return ResultDeviceMismatch, card, nil
}

// view is the card as the answer shows it; a card refused as disabled or expired shows that
// status even when its own row has not caught up (a disabled batch, an expiry the job has not
// marked yet).
func view(card *cardState, result string, now time.Time) *v1.Card {
	out := &v1.Card{Status: card.Status, MaxDevices: card.MaxDevices, BoundDevices: card.BoundDevices,
		ActivatedAt: unixPtr(card.ActivatedAt), ExpiresAt: unixPtr(card.ExpiresAt)}
	switch {
	case result == ResultDisabled:
		out.Status = model.CardDisabled
	case expired(card, now) && card.Status != model.CardDisabled:
		out.Status = model.CardExpired
	}
	if card.ExpiresAt != 0 {
		left := max(0, card.ExpiresAt-now.Unix())
		out.RemainingSeconds = &left
	}
	return out
}

func unixPtr(sec int64) *string {
	if sec == 0 {
		return nil
	}
	s := rfc3339(time.Unix(sec, 0))
	return &s
}

// rfc3339 renders a time as the admin API does: RFC 3339 in the display zone.
func rfc3339(t time.Time) string { return timefmt.Time(t) }

// deviceHash is card_devices.device_hash: fixed width for the index, whatever was sent.
func deviceHash(fingerprint string) string {
	sum := sha256.Sum256([]byte(fingerprint))
	return hex.EncodeToString(sum[:])
}
