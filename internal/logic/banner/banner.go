// Package banner is the carousel of the panel's home page (seed 001 §6.2): the super-admin
// uploads JPG/PNG images (checked by decoding, image.go) kept through a small storage interface
// (storage.go), with a link, a sort order and a status; the home page reads the active ones
// without logging in, and their images with an ETag so browsers revalidate instead of
// downloading again.
package banner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/banner/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/logic/settings"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

const (
	// settingMaxPixels caps width x height, checked from the header before decoding.
	settingMaxPixels = "banner.maxPixels"
	statusActive     = "active"
)

type sBanner struct {
	clock   atomic.Pointer[clock.Clock]
	cfg     atomic.Pointer[func() *config.Config]
	storage atomic.Pointer[Storage]
}

func init() {
	settings.Define(settings.Def{Key: settingMaxPixels, Group: "system", Type: settings.TypeInt, Default: 16_000_000,
		Min: settings.Bound(1), Max: settings.Bound(100_000_000)})
	service.RegisterBanner(New())
}

// New returns the service on the system clock, storing images under the configured dataDir.
func New() *sBanner {
	s := &sBanner{}
	s.SetClock(clock.System)
	s.Configure(config.Get)
	var st Storage = localStorage{dir: func() string { return filepath.Join((*s.cfg.Load())().DataDir, "banners") }}
	s.storage.Store(&st)
	return s
}

func (s *sBanner) SetClock(c clock.Clock) { s.clock.Store(&c) }

// Configure hands the service the configuration getter (dataDir).
func (s *sBanner) Configure(cfg func() *config.Config) { s.cfg.Store(&cfg) }

func (s *sBanner) store() Storage { return *s.storage.Load() }

func (s *sBanner) now() *gtime.Time {
	return gtime.NewFromTime((*s.clock.Load()).Now().UTC().Truncate(time.Second))
}

var sorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "sort": listq.Field{}, "createdAt": listq.Ordinal("created_at"),
})

// Create checks the uploaded image, stores it under its content hash and writes the banner.
func (s *sBanner) Create(ctx context.Context, req *v1.CreateReq) (*v1.CreateRes, error) {
	f, err := req.File.Open()
	if err != nil {
		return nil, errs.BannerImage.New()
	}
	defer f.Close()
	img, err := checkImage(f, service.Settings().Int(settingMaxPixels))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(img.data)
	key := hex.EncodeToString(sum[:]) + "." + img.ext
	if err = s.store().Put(ctx, key, img.data); err != nil {
		return nil, err
	}
	status := req.Status
	if status == "" {
		status = statusActive
	}
	var by int64
	if p := principal.From(ctx); p != nil {
		by = p.UserID
	}
	now := s.now()
	id, err := dao.Banners.Ctx(ctx).Data(do.Banners{Title: req.Title, Link: req.Link, Sort: req.Sort, Status: status,
		StorageKey: key, ContentType: img.contentType, Size: len(img.data), Width: img.width, Height: img.height,
		Etag: `"` + hex.EncodeToString(sum[:16]) + `"`, CreatedBy: by, CreatedAt: now, UpdatedAt: now}).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	b, err := find(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.CreateRes{BannerItem: item(b)}, nil
}

// List answers every banner, by sort order unless the page asks otherwise.
func (s *sBanner) List(ctx context.Context, req *v1.ListReq) (*v1.ListRes, error) {
	m := dao.Banners.Ctx(ctx)
	if req.Status != "" {
		m = m.Where("status", req.Status)
	}
	if req.SortBy == "" {
		m = m.OrderAsc("sort")
		req.SortOrder = "asc"
	}
	rows, total, err := listq.Page[entity.Banners](m, req.PageReq, sorts)
	if err != nil {
		return nil, err
	}
	res := &v1.ListRes{Items: make([]v1.BannerItem, len(rows)), Total: total}
	for i := range rows {
		res.Items[i] = item(&rows[i])
	}
	return res, nil
}

// Update changes what the banner shows besides its image.
func (s *sBanner) Update(ctx context.Context, req *v1.UpdateReq) (*v1.UpdateRes, error) {
	b, err := s.set(ctx, req.Id, do.Banners{Title: req.Title, Link: req.Link, Sort: req.Sort})
	if err != nil {
		return nil, err
	}
	return &v1.UpdateRes{BannerItem: item(b)}, nil
}

// SetStatus shows or hides a banner.
func (s *sBanner) SetStatus(ctx context.Context, req *v1.StatusReq) (*v1.StatusRes, error) {
	b, err := s.set(ctx, req.Id, do.Banners{Status: req.Status})
	if err != nil {
		return nil, err
	}
	return &v1.StatusRes{BannerItem: item(b)}, nil
}

func (s *sBanner) set(ctx context.Context, id int64, d do.Banners) (*entity.Banners, error) {
	if _, err := find(ctx, id); err != nil {
		return nil, err
	}
	d.UpdatedAt = s.now()
	if _, err := dao.Banners.Ctx(ctx).WherePri(id).Data(d).Update(); err != nil {
		return nil, err
	}
	return find(ctx, id)
}

// Delete removes the banner, then its image unless another banner uses the same bytes.
func (s *sBanner) Delete(ctx context.Context, req *v1.DeleteReq) (*v1.DeleteRes, error) {
	b, err := find(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if _, err = dao.Banners.Ctx(ctx).WherePri(b.Id).Delete(); err != nil {
		return nil, err
	}
	n, err := dao.Banners.Ctx(ctx).Where("storage_key", b.StorageKey).Count()
	if err != nil {
		return nil, err
	}
	if n == 0 {
		if err = s.store().Delete(ctx, b.StorageKey); err != nil {
			return nil, err
		}
	}
	return &v1.DeleteRes{}, nil
}

// PublicList answers the active banners, by sort order, for anyone.
func (s *sBanner) PublicList(ctx context.Context, _ *v1.PublicListReq) (*v1.PublicListRes, error) {
	var rows []entity.Banners
	err := dao.Banners.Ctx(ctx).Where("status", statusActive).OrderAsc("sort").OrderAsc("id").Limit(50).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.PublicListRes{Items: make([]v1.PublicBanner, len(rows))}
	for i, b := range rows {
		res.Items[i] = v1.PublicBanner{Id: b.Id, Title: b.Title, Link: b.Link, ImageUrl: imageURL(&b), Width: b.Width, Height: b.Height}
	}
	return res, nil
}

// Image reads a banner's image. A disabled banner's image stays readable (a page open since it
// was hidden keeps working); a deleted one's is 404.
func (s *sBanner) Image(ctx context.Context, id int64) (*model.CachedFile, error) {
	b, err := find(ctx, id)
	if err != nil {
		return nil, err
	}
	data, err := s.store().Get(ctx, b.StorageKey)
	if err != nil {
		return nil, errs.NotFound.Wrap(err)
	}
	return &model.CachedFile{ContentType: b.ContentType, ETag: b.Etag, Data: data}, nil
}

func find(ctx context.Context, id int64) (*entity.Banners, error) {
	var b *entity.Banners
	err := dao.Banners.Ctx(ctx).WherePri(id).Scan(&b)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if b == nil {
		return nil, errs.NotFound.New()
	}
	return b, nil
}

// imageURL changes whenever the image does, so a cached copy is never shown for a new image.
func imageURL(b *entity.Banners) string {
	return fmt.Sprintf("/api/banners/%d/image?v=%s", b.Id, b.Etag[1:9])
}

func item(b *entity.Banners) v1.BannerItem {
	return v1.BannerItem{Id: b.Id, Title: b.Title, Link: b.Link, Sort: b.Sort, Status: b.Status, ImageUrl: imageURL(b),
		ContentType: b.ContentType, Size: b.Size, Width: b.Width, Height: b.Height,
		CreatedAt: timefmt.Format(b.CreatedAt), UpdatedAt: timefmt.Format(b.UpdatedAt)}
}
