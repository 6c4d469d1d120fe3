package relay

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/model"
)

// accessLine is §7's file access log entry: one JSON object per settled request on the gf
// logger "relay" (logger.relay in config.yaml). Prompts and completions are never in it.
type accessLine struct {
	RID      string `json:"rid"`
	User     int64  `json:"user"`
	Token    int64  `json:"token"`
	Model    string `json:"model"`
	Channel  int64  `json:"channel"`
	Attempts int    `json:"attempts"`
	Stream   bool   `json:"stream"`
	Status   string `json:"status"`
	HTTP     int    `json:"http"`
	TTFBMs   int64  `json:"ttfb"`
	Latency  int64  `json:"latency"`
	P        int64  `json:"P"`
	Q        int64  `json:"Q"`
	Quota    int64  `json:"quota"`
	Code     string `json:"code"`
}

func (s *sRelay) logAccess(ctx context.Context, q *request, o outcome, quota int64, latency time.Duration) {
	var ch int64
	if o.channel != nil {
		ch = o.channel.ID
	}
	line, _ := json.Marshal(accessLine{RID: q.rid, User: q.tk.UserID, Token: q.tk.ID, Model: q.price.Model,
		Channel: ch, Attempts: o.attempts, Stream: q.stream, Status: o.status, HTTP: o.httpStatus,
		TTFBMs: o.ttfb.Milliseconds(), Latency: latency.Milliseconds(), P: o.usage.Prompt, Q: o.usage.Completion,
		Quota: quota, Code: o.errorCode})
	g.Log("relay").Info(ctx, string(line))
}

// uncollectedEvery bounds the super-admins' alerts about one user's uncollected relay quota.
const uncollectedEvery = time.Hour

// alertUncollected is §3's alert for a charge the ledger could not collect in full (usage above
// the pre-charge, the account emptied meanwhile): a warning in the log every time, and a
// notice to the super-admins at most once an hour per user.
func (s *sRelay) alertUncollected(ctx context.Context, rid string, userID, quota, uncollected int64) {
	g.Log("relay").Warningf(ctx, "relay %s: user %d owes %d of a %d charge (uncollected)", rid, userID, uncollected, quota)
	s.noticeAdminsOnce(ctx, "uncollected-notice:"+strconv.FormatInt(userID, 10), uncollectedEvery, model.Notice{
		Kind: "relay.uncollected", Template: "relay.uncollected",
		Params: map[string]any{"user": userID, "amount": uncollected, "request": rid},
		Ref:    model.Ref{Type: "user", ID: userID}})
}
