package auth

import (
	"context"
	"testing"
	"time"

	"kami/internal/testkit/redistest"
)

// The login scripts on every kind of Redis the product meets, a 3-node cluster included (where a
// script touching two hash slots fails with CROSSSLOT): a subject is locked after the limit of
// wrong passwords, its lock refuses the next check, the captcha's take script reads once.
func TestLoginScriptsOnEveryRedis(t *testing.T) {
	redistest.ForEach(t, "auth", nil, func(t *testing.T, b *redistest.Backend) {
		r := b.Client(t)
		ctx := context.Background()
		s := subject("n:" + b.Key("someone"))
		keys := []string{b.Key("fail:{" + string(s) + "}"), b.Key("checking:{" + string(s) + "}"), b.Key("lock:{" + string(s) + "}")}
		const limit, window, lockMs = 3, int64(60000), int64(60000)
		for i := 1; i <= limit; i++ {
			v, err := reserveScript.Run(ctx, r, keys, time.Now().UnixMilli(), checkTTL.Milliseconds(), limit, "tok")
			if err != nil || v.Int64s()[0] != 1 {
				t.Fatalf("reserve %d: %v %v", i, v, err)
			}
			v, err = failScript.Run(ctx, r, keys, "tok", window, limit, lockMs)
			if err != nil {
				t.Fatal(err)
			}
			if locked := v.Int64s()[0] == 1; locked != (i == limit) {
				t.Fatalf("after %d wrong passwords locked=%v", i, locked)
			}
		}
		v, err := reserveScript.Run(ctx, r, keys, time.Now().UnixMilli(), checkTTL.Milliseconds(), limit, "tok2")
		if err != nil || v.Int64s()[0] != 0 {
			t.Fatalf("a locked subject got a check: %v %v", v, err)
		}
		if _, err = settleScript.Run(ctx, r, keys, "tok2"); err != nil {
			t.Fatal(err)
		}
		if _, err = incrScript.Run(ctx, r, []string{b.Key("fail:ip:10.0.0.1")}, window); err != nil {
			t.Fatal(err)
		}
		captcha := b.Key("captcha:{abc}")
		if _, err = r.Do(ctx, "SET", captcha, "1234", "PX", 60000); err != nil {
			t.Fatal(err)
		}
		first, _ := takeScript.Run(ctx, r, []string{captcha})
		second, _ := takeScript.Run(ctx, r, []string{captcha})
		if first.String() != "1234" || !second.IsNil() {
			t.Fatalf("captcha taken %q then %v", first, second)
		}
	})
}
