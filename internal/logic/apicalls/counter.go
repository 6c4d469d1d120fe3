package apicalls

import (
	"fmt"
	"sync"
	"time"

	"kami/internal/timefmt"
)

// counterKey is what one count is kept under. day is the calendar date as yyyymmdd, so
// computing it allocates nothing; the strings are the caller's (constants, in the OpenAPI), so a
// key built per call allocates nothing either.
type counterKey struct {
	project  int64
	day      int32
	endpoint string
	result   string
}

// dayOf is t's date in the display zone (kami.timeZone) as yyyymmdd.
func dayOf(t time.Time) int32 {
	y, m, d := t.In(timefmt.Zone()).Date()
	return int32(y*10000 + int(m)*100 + d)
}

// dayString renders a yyyymmdd date as the table's YYYY-MM-DD.
func dayString(day int32) string {
	return fmt.Sprintf("%04d-%02d-%02d", day/10000, day/100%100, day%100)
}

// counter is this node's counts since the last flush: one map under one mutex. A call holds it
// for one map update (tens of nanoseconds), far below anything else a request costs; a flush
// swaps the map for an empty one.
type counter struct {
	mu sync.Mutex
	m  map[counterKey]int64
}

func (c *counter) init() {
	c.mu.Lock()
	c.m = map[counterKey]int64{}
	c.mu.Unlock()
}

func (c *counter) add(k counterKey, n int64) {
	c.mu.Lock()
	c.m[k] += n
	c.mu.Unlock()
}

// take hands over every count since the last take and starts afresh.
func (c *counter) take() map[counterKey]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.m
	c.m = make(map[counterKey]int64, len(out))
	return out
}
