package v1

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/api/common"
)

// Carousel banners of the panel's home page (轮播图, seed 001 §6.2), managed by the
// super-admin: a JPG or PNG image of at most 2 MB (checked by decoding it, whatever its name
// or declared type), a link, a sort order (lower first) and a status. The home page reads the
// active ones from the public list and the images from their public URLs, which carry an ETag
// and a Cache-Control so a browser revalidates with If-None-Match (304).

// BannerItem is one banner.
type BannerItem struct {
	Id          int64  `json:"id"`
	Title       string `json:"title"`
	Link        string `json:"link"`
	Sort        int    `json:"sort"`
	Status      string `json:"status"      dc:"active or disabled"`
	ImageUrl    string `json:"imageUrl"    dc:"public URL of the image, versioned by its ETag"`
	ContentType string `json:"contentType" dc:"image/jpeg or image/png, from the content"`
	Size        int64  `json:"size"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
}

type CreateReq struct {
	g.Meta `path:"/system/banners" method:"post" mime:"multipart/form-data" tags:"轮播图 Banners" summary:"Upload a banner (multipart: file, title, link, sort, status); JPG or PNG of at most 2 MB, checked by content" strict:"off" bodyLimit:"3MB"`
	File   *ghttp.UploadFile `json:"file"   type:"file" v:"required"`
	Title  string            `json:"title"  v:"max-length:128"`
	Link   string            `json:"link"   v:"max-length:512|url"`
	Sort   int               `json:"sort"   v:"between:-100000,100000"`
	Status string            `json:"status" v:"in:active,disabled" dc:"default active"`
}

type CreateRes struct {
	BannerItem
}

type ListReq struct {
	g.Meta `path:"/system/banners/list" method:"get" tags:"轮播图 Banners" summary:"Every banner, by sort order"`
	common.PageReq
	Status string `json:"status" v:"in:active,disabled"`
}

type ListRes struct {
	Items []BannerItem `json:"items"`
	Total int          `json:"total"`
}

type UpdateReq struct {
	g.Meta `path:"/system/banners/{id}" method:"put" tags:"轮播图 Banners" summary:"Change a banner's title, link and sort order"`
	Id     int64  `json:"id"    in:"path" v:"min:1"`
	Title  string `json:"title" v:"max-length:128"`
	Link   string `json:"link"  v:"max-length:512|url"`
	Sort   int    `json:"sort"  v:"between:-100000,100000"`
}

type UpdateRes struct {
	BannerItem
}

type StatusReq struct {
	g.Meta `path:"/system/banners/{id}/status" method:"put" tags:"轮播图 Banners" summary:"Show (active) or hide (disabled) a banner"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Status string `json:"status" v:"required|in:active,disabled"`
}

type StatusRes struct {
	BannerItem
}

type DeleteReq struct {
	g.Meta `path:"/system/banners/{id}" method:"delete" tags:"轮播图 Banners" summary:"Delete a banner and its image"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type DeleteRes struct{}

type PublicListReq struct {
	g.Meta `path:"/banners/list" method:"get" tags:"轮播图 Banners" summary:"The active banners for the panel's home page, by sort order (no login)" auth:"public"`
}

// PublicBanner is what the home page needs of a banner.
type PublicBanner struct {
	Id       int64  `json:"id"`
	Title    string `json:"title"`
	Link     string `json:"link"`
	ImageUrl string `json:"imageUrl"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
}

type PublicListRes struct {
	Items []PublicBanner `json:"items"`
}

type ImageReq struct {
	g.Meta `path:"/banners/{id}/image" method:"get" tags:"轮播图 Banners" summary:"A banner's image (no login), with ETag and Cache-Control; If-None-Match answers 304" auth:"public" raw:"true" mime:"image/png"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type ImageRes struct{}
