package openapi

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	"strconv"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/infra/snapcache"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// What a verification needs, cached by snapcache: repeat verifications of an active card from
// a bound device read only these. Times are unix seconds (0: none).
type (
	cardState struct {
		ID, ProjectID, BatchID, OwnerID int64
		Status                          string
		ActivatedAt, ExpiresAt          int64
		CreatedAt                       int64
		DurationSeconds                 int64
		MaxDevices, BoundDevices        int
		UnbindCount                     int
		LastUnbindAt                    int64
		Version                         int64
		Mask                            string
		// Devices maps the bound devices' hashes to their card_devices row ids.
		Devices map[string]int64
	}
	batchState struct {
		Status   string
		PlanName string
	}
	ownerState struct {
		Status int
		Role   string
	}
	authState struct {
		Active    bool
		ExpiresAt int64
	}
	// cardRef finds a card by project and key hash; it never changes once found.
	cardRef struct{ ID int64 }
)

// Local copies live a second, so a change on any node shows everywhere within the two
// seconds the issue allows; Redis keeps unchanged rows for minutes.
const (
	localTTL = time.Second
	redisTTL = 10 * time.Minute
)

var (
	projects = snapcache.New[projectState](model.SnapProject, localTTL, redisTTL)
	cards    = snapcache.New[cardState](model.SnapCard, localTTL, redisTTL)
	batches  = snapcache.New[batchState](model.SnapBatch, localTTL, redisTTL)
	owners   = snapcache.New[ownerState](model.SnapOwner, localTTL, redisTTL)
	auths    = snapcache.New[authState](model.SnapAuth, localTTL, redisTTL)
	refs     = snapcache.New[cardRef]("oa.cardref", localTTL, 24*time.Hour)
)

// unix is a nullable column's time in unix seconds, 0 for NULL.
func unix(t *gtime.Time) int64 {
	if t == nil {
		return 0
	}
	return t.Unix()
}

// findCard is the card of project with key (any spelling), or nil. A key not seen before is
// looked up with its whole row, which then serves the card's own snapshot: a first
// verification reads the database once before it activates.
func findCard(ctx context.Context, projectID int64, key string) (*cardState, error) {
	norm := model.NormalizeCardKey(key)
	if norm == "" {
		return nil, nil
	}
	hash := keyring.LookupHash(model.CardKeyPurpose, norm)
	var row *entity.Cards
	ref, err := refs.Get(ctx, strconv.FormatInt(projectID, 10)+":"+hash, func(ctx context.Context) (*cardRef, error) {
		cols := dao.Cards.Columns()
		if err := dao.Cards.Ctx(ctx).Where(cols.ProjectId, projectID).Where(cols.KeyHash, hash).Scan(&row); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if row == nil {
			return nil, nil
		}
		return &cardRef{ID: row.Id}, nil
	})
	if err != nil || ref == nil {
		return nil, err
	}
	return cards.Get(ctx, strconv.FormatInt(ref.ID, 10), func(ctx context.Context) (*cardState, error) {
		if row != nil && row.Id == ref.ID {
			return cardFromRow(ctx, row) // read just now by this request, under the same key
		}
		return loadCard(ctx, ref.ID)
	})
}

func cardByID(ctx context.Context, id int64) (*cardState, error) {
	return cards.Get(ctx, strconv.FormatInt(id, 10), func(ctx context.Context) (*cardState, error) {
		return loadCard(ctx, id)
	})
}

// loadCard reads a card and its bound devices from the database.
func loadCard(ctx context.Context, id int64) (*cardState, error) {
	var c *entity.Cards
	if err := dao.Cards.Ctx(ctx).WherePri(id).Scan(&c); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if c == nil {
		return nil, nil
	}
	return cardFromRow(ctx, c)
}

// cardFromRow is the snapshot of a card row with its bound devices. bound_devices counts the
// device rows not unbound, written in the same transactions, so a card with none (every
// unused card) needs no second query.
func cardFromRow(ctx context.Context, c *entity.Cards) (*cardState, error) {
	st := &cardState{ID: c.Id, ProjectID: c.ProjectId, BatchID: c.BatchId, OwnerID: c.OwnerId, Status: c.Status,
		ActivatedAt: unix(c.ActivatedAt), ExpiresAt: unix(c.ExpiresAt),
		CreatedAt: unix(c.CreatedAt), DurationSeconds: c.DurationSeconds,
		MaxDevices: c.MaxDevices, BoundDevices: c.BoundDevices, UnbindCount: c.UnbindCount,
		LastUnbindAt: unix(c.LastUnbindAt), Version: c.Version, Mask: c.KeyMask,
		Devices: map[string]int64{}}
	if c.BoundDevices == 0 {
		return st, nil
	}
	var devs []entity.CardDevices
	dcols := dao.CardDevices.Columns()
	if err := dao.CardDevices.Ctx(ctx).Fields(dcols.Id, dcols.DeviceHash).Where(dcols.CardId, c.Id).WhereNull(dcols.UnboundAt).
		Scan(&devs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, d := range devs {
		st.Devices[d.DeviceHash] = d.Id
	}
	return st, nil
}

func batchOf(ctx context.Context, id int64) (*batchState, error) {
	return batches.Get(ctx, strconv.FormatInt(id, 10), func(ctx context.Context) (*batchState, error) {
		var b *entity.CardBatches
		if err := dao.CardBatches.Ctx(ctx).WherePri(id).Scan(&b); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if b == nil {
			return &batchState{Status: model.BatchDisabled}, nil // a card without its batch is no card to honour
		}
		return &batchState{Status: b.Status, PlanName: b.PlanName}, nil
	})
}

func ownerOf(ctx context.Context, id int64) (*ownerState, error) {
	return owners.Get(ctx, strconv.FormatInt(id, 10), func(ctx context.Context) (*ownerState, error) {
		var u *entity.Users
		cols := dao.Users.Columns()
		if err := dao.Users.Ctx(ctx).Fields(cols.Id, cols.Status, cols.Role).WherePri(id).Scan(&u); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if u == nil {
			return &ownerState{Status: consts.StatusDisabled}, nil // a deleted agent's cards are disabled with it
		}
		return &ownerState{Status: u.Status, Role: u.Role}, nil
	})
}

// authOf is userID's authorization for projectID: live, and until when (0: no end).
func authOf(ctx context.Context, projectID, userID int64) (*authState, error) {
	id := strconv.FormatInt(projectID, 10) + ":" + strconv.FormatInt(userID, 10)
	return auths.Get(ctx, id, func(ctx context.Context) (*authState, error) {
		var a *entity.Authorizations
		cols := dao.Authorizations.Columns()
		err := dao.Authorizations.Ctx(ctx).Where(cols.ActiveKey, id).Scan(&a)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if a == nil || a.Status != authorizationActive {
			return &authState{}, nil
		}
		return &authState{Active: true, ExpiresAt: unix(a.ExpiresAt)}, nil
	})
}

// authorizationActive is authorizations.status of a live authorization.
const authorizationActive = "active"
