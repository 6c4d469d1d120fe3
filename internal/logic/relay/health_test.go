package relay_test

import (
	"context"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// A fatal 401 disables the key (1 -> 2) and then its keyless channel, writes events, and the
// request moves on to the next channel; a key switched off by hand (0) is never touched.
func TestFatalAutoDisables(t *testing.T) {
	ctx := context.Background()
	bad, good := fakeUpstream(t), fakeUpstream(t)
	bad.SetDefault(openaicompat.Behaviour{Status: 401, ErrType: "invalid_request_error", ErrCode: "invalid_api_key", Message: "Incorrect API key"})
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	badID := seedChannel(t, "bad", bad.URL(), 10, 1, []string{m}, "sk-deadKey1")
	seedChannel(t, "good", good.URL(), 0, 1, []string{m}, "sk-goodKey1")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 100000, 0)
	cl := sdk(a.Key)
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	var ch entity.RelayChannels
	if err := dao.RelayChannels.Ctx(ctx).WherePri(badID).Scan(&ch); err != nil || ch.Status != 2 {
		t.Fatalf("channel status %d (%v)", ch.Status, err)
	}
	var key entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", badID).Scan(&key); err != nil || key.Status != 2 || key.StatusReason != "invalid_api_key" {
		t.Fatalf("key %+v (%v)", key, err)
	}
	if n, _ := dao.RelayChannelEvents.Ctx(ctx).Where("channel_id", badID).Where("kind", "auto_disabled").Count(); n != 2 {
		t.Fatalf("events = %d", n)
	}
	// The disabled channel is no longer routed.
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	if n := len(bad.Requests()); n != 1 {
		t.Fatalf("the disabled channel was called %d times", n)
	}

	// A manual 0 on the key survives: the conditional UPDATE only moves 1 -> 2.
	manual := seedChannel(t, "manual", bad.URL(), 20, 1, []string{m}, "sk-manualKey1", "sk-manualKey2")
	first, err := dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", manual).OrderAsc("id").Value("id")
	if err != nil {
		t.Fatal(err)
	}
	if _, err = dao.RelayChannelKeys.Ctx(ctx).WherePri(first.Int64()).Data("status", 0).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	var keys []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", manual).OrderAsc("id").Scan(&keys); err != nil {
		t.Fatal(err)
	}
	if keys[0].Status != 0 || keys[1].Status != 2 {
		t.Fatalf("key statuses %d %d", keys[0].Status, keys[1].Status)
	}
	audit(t, a.UserID)
}
