// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/banner/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
)

type (
	IBanner interface {
		SetClock(c clock.Clock)
		// Configure hands the service the configuration getter (dataDir).
		Configure(cfg func() *config.Config)
		// Create checks the uploaded image, stores it under its content hash and writes the banner.
		Create(ctx context.Context, req *v1.CreateReq) (*v1.CreateRes, error)
		// List answers every banner, by sort order unless the page asks otherwise.
		List(ctx context.Context, req *v1.ListReq) (*v1.ListRes, error)
		// Update changes what the banner shows besides its image.
		Update(ctx context.Context, req *v1.UpdateReq) (*v1.UpdateRes, error)
		// SetStatus shows or hides a banner.
		SetStatus(ctx context.Context, req *v1.StatusReq) (*v1.StatusRes, error)
		// Delete removes the banner, then its image unless another banner uses the same bytes.
		Delete(ctx context.Context, req *v1.DeleteReq) (*v1.DeleteRes, error)
		// PublicList answers the active banners, by sort order, for anyone.
		PublicList(ctx context.Context, _ *v1.PublicListReq) (*v1.PublicListRes, error)
		// Image reads a banner's image. A disabled banner's image stays readable (a page open since it
		// was hidden keeps working); a deleted one's is 404.
		Image(ctx context.Context, id int64) (*model.CachedFile, error)
	}
)

var (
	localBanner IBanner
)

func Banner() IBanner {
	if localBanner == nil {
		panic("implement not found for interface IBanner, forgot register?")
	}
	return localBanner
}

func RegisterBanner(i IBanner) {
	localBanner = i
}
