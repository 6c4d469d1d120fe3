package banner

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"kami/internal/errs"
)

// maxBytes is the largest banner file: 2 MB.
const maxBytes = 2 << 20

// checked is an upload that decoded as a JPEG or PNG within the caps.
type checked struct {
	data          []byte
	contentType   string
	ext           string
	width, height int
}

// checkImage reads at most maxBytes+1 bytes and accepts them only when they are a whole JPEG or
// PNG: the header is read first (image.DecodeConfig) and dimensions over maxPixels are refused
// before anything is decompressed — a small PNG declaring 20000 x 20000 pixels would otherwise
// take 1.6 GB to decode — then the image is decoded in full, so a renamed text file or a
// truncated image is refused too. The name and declared type of the upload are never trusted.
func checkImage(r io.Reader, maxPixels int64) (*checked, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxBytes {
		return nil, errs.BannerTooLarge.New()
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errs.BannerImage.New()
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, errs.BannerImage.New()
	}
	c := &checked{data: data, width: cfg.Width, height: cfg.Height}
	switch format {
	case "png":
		_, err = png.Decode(bytes.NewReader(data))
		c.contentType, c.ext = "image/png", "png"
	case "jpeg":
		_, err = jpeg.Decode(bytes.NewReader(data))
		c.contentType, c.ext = "image/jpeg", "jpg"
	default:
		return nil, errs.BannerImage.New()
	}
	if err != nil {
		return nil, errs.BannerImage.New()
	}
	return c, nil
}
