package openapi

import (
	"context"

	v1 "kami/api/openapi/v1"
	"kami/internal/errs"
)

// Query answers what a card of the calling project is, changing nothing; another project's
// card is not found.
func (s *sOpenapi) Query(ctx context.Context, req *v1.QueryReq) (*v1.QueryRes, error) {
	if err := req.Validate(); err != nil {
		return nil, errs.OpenAPIBadRequest.New(err.Error())
	}
	c := callFrom(ctx)
	now := s.now()
	res := &v1.QueryRes{ServerTime: rfc3339(now), Nonce: c.nonce}
	card, err := findCard(ctx, c.project.ID, req.Card)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if card == nil {
		return res, nil
	}
	result, err := s.judge(ctx, c.project, card, now)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	b, err := batchOf(ctx, card.BatchID)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	res.Found = true
	res.Card = &v1.QueriedCard{Card: *view(card, result, now), CreatedAt: rfc3339Unix(card.CreatedAt),
		Plan: v1.Plan{Name: b.PlanName, DurationSeconds: card.DurationSeconds}}
	return res, nil
}

func rfc3339Unix(sec int64) string {
	if p := unixPtr(sec); p != nil {
		return *p
	}
	return ""
}
