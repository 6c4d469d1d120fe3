package relay

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/infra/redisx"
	"kami/internal/model"
	"kami/internal/service"
)

// disableNoticeEvery is §4's de-duplication of the super-admins' notices about one channel:
// a key and then the channel going off in the same minute make one notice, not two.
const disableNoticeEvery = 10 * time.Minute

// noticeDisabled tells the super-admins (in-site and mail) that automation switched a channel
// or one of its keys off, at most once per channel in 10 minutes across the cluster.
func (s *sRelay) noticeDisabled(ctx context.Context, c *channel, reason string) {
	id := strconv.FormatInt(c.ID, 10)
	s.noticeAdminsOnce(ctx, "disabled-notice:"+id, disableNoticeEvery, model.Notice{
		Kind: "relay.channelDisabled", Template: "relay.channelDisabled",
		Params:   map[string]any{"channel": c.Name, "reason": reason},
		Ref:      model.Ref{Type: "relay.channel", ID: c.ID},
		Channels: []string{model.ChannelEmail}})
}

// noticeAdminsOnce sends n to the super-admins unless a notice of the same window went out in
// the last every: the Redis key is taken with NX, so of many nodes and requests one sends. The
// dedup key (window and time bucket) also makes a retried send reach each super-admin once.
func (s *sRelay) noticeAdminsOnce(ctx context.Context, window string, every time.Duration, n model.Notice) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if !firstIn(ctx, redisx.Key("relay", window), every) {
		return
	}
	n.To = model.Recipients{Roles: []string{consts.RoleSuperAdmin}}
	n.DedupKey = "relay:" + window + ":" + strconv.FormatInt(s.now().Unix()/int64(every.Seconds()), 10)
	if _, err := service.Notify().Send(ctx, n); err != nil {
		g.Log("relay").Warningf(ctx, "relay notice %s: %v", n.Kind, err)
	}
}

// firstIn reports whether this call is the first to claim key in the last every, across the
// cluster (SET NX with that expiry). Redis unreachable counts as not first: a notice or event
// is skipped rather than repeated.
func firstIn(ctx context.Context, key string, every time.Duration) bool {
	v, err := g.Redis().Do(ctx, "SET", key, "1", "NX", "EX", int64(every.Seconds()))
	return err == nil && !v.IsNil()
}
