package security

import (
	"context"

	v1 "kami/api/security/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var smsLogSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal(dao.SecuritySmsLog.Columns().Id),
})

// SMSLogList pages the SMS send log. The number is stored masked only, so the last four digits
// are all a filter can match on.
func (s *sSecurity) SMSLogList(ctx context.Context, req *v1.SMSLogListReq) (*v1.SMSLogListRes, error) {
	cols := dao.SecuritySmsLog.Columns()
	m, err := listq.TimeRange(dao.SecuritySmsLog.Ctx(ctx).Safe(), cols.CreatedAt, req.From, req.To)
	if err != nil {
		return nil, err
	}
	if req.Template != "" {
		m = m.Where(cols.Template, req.Template)
	}
	if req.Result != "" {
		m = m.Where(cols.Result, req.Result)
	}
	if req.Last4 != "" {
		m = m.WhereLike(cols.PhoneMasked, "%****"+req.Last4)
	}
	rows, total, err := listq.Page[entity.SecuritySmsLog](m, req.PageReq, smsLogSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.SMSLogListRes{Items: make([]v1.SMSLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.SMSLogItem{
			ID: r.Id, PhoneMasked: r.PhoneMasked, Template: r.Template, TemplateCode: r.TemplateCode,
			Result: r.Result, Detail: r.Detail, CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return res, nil
}

// SMSTestSend sends one approved template, as any send: reviewed, limited and logged.
func (s *sSecurity) SMSTestSend(ctx context.Context, req *v1.SMSTestSendReq) (*v1.SMSTestSendRes, error) {
	if req.Params == nil {
		req.Params = map[string]string{}
	}
	if err := s.SendSMS(ctx, req.Phone, req.Template, req.Params); err != nil {
		return nil, err
	}
	return &v1.SMSTestSendRes{}, nil
}
