package relay

import (
	"time"

	"kami/internal/service"
)

// knobs are the live relay.* settings one request reads (§7): taken once when it is admitted,
// so a change made mid-request does not split one request between two rule sets.
type knobs struct {
	retryTimes        int
	completionReserve int64
	firstByte         time.Duration
	idle              time.Duration
	maxStream         time.Duration
	keepAlive         time.Duration
	cool              coolParams
	disableAfterTrips int
	emptyAbortPrompt  bool
}

// keepAliveEvery is §2's 15 s of upstream silence before a ": keep-alive" comment; a constant
// of the contract, not a setting. streamLimits lets tests shorten it and maxStreamDurationS
// (whose setting floor is 10 s) without waiting that long (sRelay.limits).
const keepAliveEvery = 15 * time.Second

type streamLimits struct{ keepAlive, maxStream time.Duration }

func (s *sRelay) knobs() knobs {
	st := service.Settings()
	sec := func(key string) time.Duration { return time.Duration(st.Int("relay."+key)) * time.Second }
	k := knobs{
		retryTimes:        int(st.Int("relay.retryTimes")),
		completionReserve: st.Int("relay.defaultCompletionReserve"),
		firstByte:         sec("firstByteTimeoutS"),
		idle:              sec("idleTimeoutS"),
		maxStream:         sec("maxStreamDurationS"),
		keepAlive:         keepAliveEvery,
		cool: coolParams{threshold: int(st.Int("relay.coolThreshold")), base: sec("coolBaseS"),
			max: sec("coolMaxS")},
		disableAfterTrips: int(st.Int("relay.disableAfterTrips")),
		emptyAbortPrompt:  st.String("relay.emptyAbortBilling") == "prompt",
	}
	if l := s.limits.Load(); l != nil {
		k.keepAlive, k.maxStream = l.keepAlive, l.maxStream
	}
	return k
}

// channelLimit is a channel's own timeout when it sets one (firstByteTimeoutS, idleTimeoutS
// on the channel row), else the setting's.
func channelLimit(own int, setting time.Duration) time.Duration {
	if own > 0 {
		return time.Duration(own) * time.Second
	}
	return setting
}
