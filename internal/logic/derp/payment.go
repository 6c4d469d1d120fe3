package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/service"
)

// PublicPayment shows the offline payment accounts buyers transfer to before S approves.
func (s *sDerp) PublicPayment(ctx context.Context, _ *v1.PublicPaymentReq) (*v1.PublicPaymentRes, error) {
	var p Payment
	if err := service.Settings().JSON(keyPayment, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
