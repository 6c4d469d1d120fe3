package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"

	"kami/internal/adapter/smtpmail"
	"kami/internal/infra/redisx"
	"kami/internal/model"
	"kami/internal/service"
	"kami/utility/ratelimit"
)

// Message is a notice rendered for one channel copy. Params are the notice's template
// parameters, for a channel that cannot carry the rendered text (SMS sends only approved
// templates filled with parameters).
type Message struct {
	Kind, KindName string
	Title, Body    string
	Params         map[string]any
}

// ErrUndeliverable, wrapped in a transport's Send error, says no retry can succeed (no approved
// SMS template for the kind, say): the copy is skipped, not retried until the attempts run out.
var ErrUndeliverable = errors.New("undeliverable on this channel")

// Transport sends the copies of one channel (email here; sms from the module that brings an
// SMS platform, through RegisterTransport).
type Transport interface {
	// Address is where c is reached on this channel; "" means not at all (inbox only).
	Address(c Contact) string
	// Allow spends one unit of the channel's send limits for the user; a non-nil Limited means
	// refused (the attempt is put off, not counted).
	Allow(ctx context.Context, userID int64) (*Limited, error)
	// Send delivers m to address; ctx carries the language to compose in.
	Send(ctx context.Context, address string, m Message) error
}

// Limited is a refusal by a send limit: Wait is how long until it allows again; Channel says the
// limit is the channel's as a whole, so no other copy on it can go either.
type Limited struct {
	Wait    time.Duration
	Channel bool
}

var (
	transportsMu sync.RWMutex
	transports   = map[string]Transport{} // email added by init, with the service it sends through
)

// RegisterTransport installs the transport of a channel; call it from an init function. A
// second registration is a programming error found by any test run.
func RegisterTransport(channel string, t Transport) {
	transportsMu.Lock()
	defer transportsMu.Unlock()
	if _, dup := transports[channel]; dup || t == nil || channel == "" || channel == model.ChannelInbox {
		panic(fmt.Sprintf("notify.RegisterTransport(%q): duplicate or empty", channel))
	}
	transports[channel] = t
}

func transportFor(channel string) Transport {
	transportsMu.RLock()
	defer transportsMu.RUnlock()
	return transports[channel]
}

// emailTransport mails through the mailer the service was handed (the live one follows the
// mail.* settings).
type emailTransport struct{ n *sNotify }

func (emailTransport) Address(c Contact) string { return strings.TrimSpace(c.Email) }

// Allow checks the global limit first: it protects the relay and the sender's reputation, so a
// unit it spends on a user then refused is the safe side of the error.
func (emailTransport) Allow(ctx context.Context, userID int64) (*Limited, error) {
	lim := ratelimit.New(g.Redis())
	st := service.Settings()
	checks := []struct {
		key     string
		limit   ratelimit.Limit
		channel bool
	}{
		{redisx.Key("rl", "notify", "email"), ratelimit.PerHour(int(st.Int(settingGlobal))), true},
		{redisx.Key("rl", "notify", "email", strconv.FormatInt(userID, 10)), ratelimit.PerHour(int(st.Int(settingPerUser))), false},
	}
	for _, c := range checks {
		res, err := lim.Allow(ctx, c.key, c.limit)
		if err != nil {
			return nil, err
		}
		if !res.Allowed {
			return &Limited{Wait: res.RetryAfter, Channel: c.channel}, nil
		}
	}
	return nil, nil
}

func (t emailTransport) Send(ctx context.Context, address string, m Message) error {
	subject := m.Title
	if m.KindName != "" {
		subject = "[" + m.KindName + "] " + m.Title
	}
	text := m.Body + "\n\n" + gi18n.Tf(ctx, "notify.mail.footer", strings.TrimRight(t.n.cfg().PublicURL, "/"))
	return t.n.mailer.Send(ctx, smtpmail.Message{To: address, Subject: oneLine.Replace(subject), Text: text})
}

// oneLine keeps a subject on one header line.
var oneLine = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")
