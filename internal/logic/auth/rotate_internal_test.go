package auth

import (
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/model/entity"
	"kami/utility/token"
)

// The rotation rule at chosen instants: the grace window is inclusive, a rotation stamped in
// the future (a node whose clock runs ahead) is inside it, and only secrets of the session's
// own chain count as reuse.
func TestJudgeAtAnyInstant(t *testing.T) {
	const sid = "0123456789abcdef0123456789abcdef"
	grace := 15 * time.Second
	rotated := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s0 := token.Random(32)
	s1 := nextSecret(sid, s0)
	s2 := nextSecret(sid, s1)
	s3 := nextSecret(sid, s2)
	sess := &entity.UserSessions{
		Id: sid, RefreshHash: token.Hash(s3), PrevHash: token.Hash(s2),
		RotatedAt: gtime.NewFromTime(rotated), Generation: 3,
	}
	cases := []struct {
		name   string
		secret string
		now    time.Time
		want   verdict
	}{
		{"current", s3, rotated.Add(time.Hour), verdictRotate},
		{"previous inside the window", s2, rotated.Add(grace), verdictRepeat},
		{"previous, rotation stamped ahead", s2, rotated.Add(-time.Minute), verdictRepeat},
		{"previous after the window", s2, rotated.Add(grace + time.Nanosecond), verdictReuse},
		{"two rotations back", s1, rotated, verdictReuse},
		{"the first secret", s0, rotated, verdictReuse},
		{"a guess", strings.Repeat("A", 43), rotated, verdictInvalid},
		{"the next secret, not yet issued", nextSecret(sid, s3), rotated, verdictInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := judge(sess, c.secret, c.now, grace); got != c.want {
				t.Fatalf("verdict %d, want %d", got, c.want)
			}
		})
	}
	// The chain is the session's own: another session's secrets mean nothing here.
	other := nextSecret("fedcba9876543210fedcba9876543210", s0)
	if got := judge(sess, other, rotated, grace); got != verdictInvalid {
		t.Fatalf("another session's secret: verdict %d", got)
	}
}
