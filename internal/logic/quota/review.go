package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/errs"
)

// TODO(review helper): the whole file.

// Reviews lists the operations risk rules held.
func (s *sQuota) Reviews(ctx context.Context, req *v1.ReviewListReq) (*v1.ReviewListRes, error) {
	return nil, errs.Internal.New()
}

// ApproveReview lets a held operation through, all or part of it.
func (s *sQuota) ApproveReview(ctx context.Context, req *v1.ReviewApproveReq) (*v1.ReviewApproveRes, error) {
	return nil, errs.Internal.New()
}

// RejectReview stops a held operation and unfreezes its amount.
func (s *sQuota) RejectReview(ctx context.Context, req *v1.ReviewRejectReq) (*v1.ReviewRejectRes, error) {
	return nil, errs.Internal.New()
}
