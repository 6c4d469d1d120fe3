package outbox

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/webhook"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/text"
)

const (
	// maxAnswer is how much of a subscriber's answer is read; logAnswer how much is kept.
	maxAnswer = 8 << 10
	logAnswer = 1024
	logError  = 255
	logURL    = 512
)

// Headers of a delivery (openapi.md "Webhooks"); the attempt header is ours, for a subscriber's
// logs: de-duplication is by X-Kami-Delivery, which is the same on every attempt.
const (
	HeaderEvent     = "X-Kami-Event"
	HeaderDelivery  = "X-Kami-Delivery"
	HeaderSignature = "X-Kami-Webhook-Signature"
	HeaderAttempt   = "X-Kami-Delivery-Attempt"
)

// outcome is what one attempt came to.
type outcome struct {
	url      string
	status   int
	answer   []byte
	err      error
	duration time.Duration
}

func (o outcome) ok() bool { return o.err == nil && o.status >= 200 && o.status < 300 }

// attempt resolves the subscriber, posts the event once and records the result.
func (s *sOutbox) attempt(ctx context.Context, c claimed) {
	out := s.post(ctx, c)
	if err := s.record(ctx, c, out); err != nil {
		// The lease then runs out and the event is tried again under the next attempt number.
		g.Log().Errorf(ctx, "outbox: recording attempt %d of %s: %v", c.attempt, c.row.EventId, err)
	}
}

func (s *sOutbox) post(ctx context.Context, c claimed) outcome {
	var b body
	if err := json.Unmarshal([]byte(c.row.Body), &b); err != nil {
		return outcome{err: fmt.Errorf("stored body: %w", err)}
	}
	resolve, ok := resolverOf(c.row.Topic)
	if !ok { // claims only take known topics; kept for safety
		return outcome{err: fmt.Errorf("topic %q is not registered on this node", c.row.Topic)}
	}
	created, _ := time.Parse(time.RFC3339, b.CreatedAt)
	target, secret, err := resolve(ctx, Message{
		ID: c.row.EventId, Topic: c.row.Topic, Type: c.row.Type, Ref: c.row.Ref, Data: b.Data, CreatedAt: created, Attempt: c.attempt,
	})
	switch {
	case err != nil:
		return outcome{err: fmt.Errorf("resolving the subscriber: %w", err)}
	case target == "":
		return outcome{err: errors.New("the subscriber has no URL")}
	case secret == "":
		return outcome{url: target, err: errors.New("the subscriber has no signing secret")}
	}
	raw := []byte(c.row.Body)
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("User-Agent", "Kami-Webhook/1")
	h.Set(HeaderEvent, c.row.Type)
	h.Set(HeaderDelivery, c.row.EventId)
	h.Set(HeaderAttempt, strconv.Itoa(c.attempt))
	h.Set(HeaderSignature, Signature(secret, s.now().Unix(), raw))
	timeout := service.Settings().Duration(SettingTimeout)
	sendCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if allowsPrivate(c.row.Topic) {
		sendCtx = webhook.AllowPrivateIn(sendCtx)
	}
	start := time.Now()
	status, answer, err := s.send().Post(sendCtx, target, h, raw)
	out := outcome{url: target, status: status, answer: answer, err: err, duration: time.Since(start)}
	if err != nil && sendCtx.Err() != nil {
		out.err = fmt.Errorf("no complete answer within %s", timeout)
	}
	return out
}

// Signature is the X-Kami-Webhook-Signature value: t=<unix seconds>,v1=<lowercase hex
// HMAC-SHA256(secret, "<t>.<raw body>")>.
func Signature(secret string, t int64, raw []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	ts := strconv.FormatInt(t, 10)
	mac.Write([]byte(ts + "."))
	mac.Write(raw)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// record writes the attempt to the delivery log and moves the event on: delivered, failed
// when the round's budget is spent, else due again after the backoff. The event is changed
// only while this attempt still holds it; when a redeliver or a later claim (after the lease
// ran out) took it meanwhile, the log keeps the attempt and the event is theirs.
func (s *sOutbox) record(ctx context.Context, c claimed, out outcome) error {
	now := s.now()
	at := gtime.New(now)
	entry := do.OutboxDeliveries{
		EventId: c.row.EventId, Attempt: c.attempt, Node: c.owner, Url: text.Truncate(loggedURL(out.url), logURL),
		Status: AttemptFailed, StatusCode: out.status, ResponseBody: loggedAnswer(out.answer),
		Error: text.Truncate(describe(out), logError), DurationMs: out.duration.Milliseconds(), CreatedAt: at,
	}
	cols := dao.OutboxEvents.Columns()
	next := g.Map{
		cols.LeaseOwner: nil, cols.LeaseUntil: nil, cols.UpdatedAt: at,
		cols.LastStatusCode: out.status, cols.LastError: entry.Error,
	}
	switch {
	case out.ok():
		entry.Status = AttemptSuccess
		next[cols.Status], next[cols.DeliveredAt] = StatusDelivered, at
	case c.round >= int(service.Settings().Int(SettingMaxAttempts)):
		next[cols.Status] = StatusFailed
	default:
		next[cols.NextAttemptAt] = gtime.New(now.Add(backoff(c.round)))
	}
	// Two statements, not a transaction: the log row goes first, so a crash between them leaves
	// the event leased (tried again later under the next number) with this attempt logged. On
	// SQLite a second process's write between a transaction's first read and its first write
	// fails it with SQLITE_BUSY, which single statements wait out instead.
	if _, err := dao.OutboxDeliveries.Ctx(ctx).Data(entry).Insert(); err != nil {
		return err
	}
	_, err := dao.OutboxEvents.Ctx(ctx).Data(next).
		Where(cols.Id, c.row.Id).Where(cols.Attempts, c.attempt).Where(cols.LeaseOwner, c.owner).Update()
	return err
}

// describe is why an attempt failed, "" when it succeeded.
func describe(o outcome) string {
	var ue *url.Error
	switch {
	case o.ok():
		return ""
	case errors.As(o.err, &ue):
		return ue.Err.Error() // url.Error repeats the URL, query string included
	case o.err != nil:
		return o.err.Error()
	default:
		return "HTTP " + strconv.Itoa(o.status)
	}
}

// loggedURL drops the user info and the query string, where subscribers put tokens.
func loggedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

func loggedAnswer(b []byte) string {
	return text.Truncate(strings.ToValidUTF8(string(b), "\uFFFD"), logAnswer)
}

func ignoreNoRows(err error) error {
	if dbx.IsNoRows(err) {
		return nil
	}
	return err
}
