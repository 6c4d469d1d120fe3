package security

import (
	"context"
	"fmt"

	"kami/internal/dao"
	"kami/internal/logic/notify"
	"kami/internal/model"
	"kami/internal/service"
	"kami/utility/dbx"
)

// The SMS channel of the notifications (seed 001 §12.2): a notice sent with model.ChannelSMS
// reaches each recipient that has a phone, as the approved template named like the notice's
// kind ("security.alertRaised"), filled with the notice's parameters the template declares. A
// kind without an approved template, or a parameter that is not short plain text, is skipped
// for good (never free text); the platform refusing or failing is retried by the notifier.
func init() { notify.RegisterTransport(model.ChannelSMS, smsTransport{}) }

type smsTransport struct{}

func (smsTransport) Address(c notify.Contact) string { return c.Phone }

// Allow spends a unit of the global and the number's limits. The number is read again: the
// notifier hands only the user id, and the phone may have changed since the notice was queued.
func (smsTransport) Allow(ctx context.Context, userID int64) (*notify.Limited, error) {
	v, err := dao.Users.Ctx(ctx).WherePri(userID).Value(dao.Users.Columns().Phone)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if v.String() == "" {
		return nil, nil // Send finds no number to send to and skips
	}
	wait, global, err := sec().smsAdmit(ctx, v.String())
	if err != nil || wait == 0 {
		return nil, err
	}
	return &notify.Limited{Wait: wait, Channel: global}, nil
}

func (smsTransport) Send(ctx context.Context, phone string, m notify.Message) error {
	if phone == "" {
		return fmt.Errorf("%w: no phone", notify.ErrUndeliverable)
	}
	tpl, params, err := alertTemplate(m)
	if err == nil {
		_, err = approvedSMS(phone, m.Kind, params)
	}
	if err != nil {
		return fmt.Errorf("%w: %v", notify.ErrUndeliverable, err)
	}
	return sec().deliverSMS(ctx, phone, m.Kind, tpl, params)
}

// alertTemplate picks the approved template of m's kind and fills exactly its declared
// parameters from the notice's (a missing one is empty, which the review then refuses).
func alertTemplate(m notify.Message) (SMSTemplate, map[string]string, error) {
	var templates map[string]SMSTemplate
	if err := service.Settings().JSON(SettingSMSTemplates, &templates); err != nil {
		return SMSTemplate{}, nil, err
	}
	tpl := templates[m.Kind]
	params := make(map[string]string, len(tpl.Params))
	for _, name := range tpl.Params {
		if v, ok := m.Params[name]; ok && v != nil {
			params[name] = fmt.Sprint(v)
		} else {
			params[name] = ""
		}
	}
	return tpl, params, nil
}

// sec is the registered service as its implementation (the transport is registered in init,
// before boot hands the service its clock, so it looks the service up at send time).
func sec() *sSecurity { return service.Security().(*sSecurity) }
