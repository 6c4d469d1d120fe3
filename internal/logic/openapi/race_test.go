package openapi_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// raceDevices first verifications of one unused card race from as many devices, half on each
// of two nodes: exactly one activates, exactly maxDevices devices are bound, the rest are
// refused — in the answers and in the database.
func TestFirstVerificationsRaceOnTwoNodes(t *testing.T) {
	const raceDevices = 200
	env := testkit.Current()
	node := env.StartNode(t)
	admin := env.Admin(t)
	for _, maxDevices := range []int{1, 3} {
		t.Run(fmt.Sprintf("maxDevices=%d", maxDevices), func(t *testing.T) {
			p := newProject(t, admin, 3600, maxDevices, nil)
			k := keys(t, admin, p, 1)[0]
			clients := []*kami.Client{local(p), sdk(p, node.BaseURL)}
			var mu sync.Mutex
			results := map[string]int{}
			activated := 0
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range raceDevices {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					r, err := clients[i%2].Verify(context.Background(), k, fmt.Sprintf("race-%d", i), "")
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						results["error "+err.Error()]++
						return
					}
					results[r.Result]++
					if r.Activated {
						activated++
					}
				}()
			}
			close(start)
			wg.Wait()
			refused := kami.ResultDeviceMismatch
			if maxDevices > 1 {
				refused = kami.ResultTooManyDevices
			}
			if activated != 1 || results[kami.ResultValid] != maxDevices || results[refused] != raceDevices-maxDevices {
				t.Fatalf("activated %d, results %v; want 1 activation, %d VALID, %d %s", activated, results,
					maxDevices, raceDevices-maxDevices, refused)
			}
			id := cardID(t, p, k)
			bound, err := dao.CardDevices.Ctx(context.Background()).Where("card_id", id).WhereNull("unbound_at").Count()
			if err != nil {
				t.Fatal(err)
			}
			row, err := dao.Cards.Ctx(context.Background()).WherePri(id).One()
			if err != nil {
				t.Fatal(err)
			}
			if bound != maxDevices || row["bound_devices"].Int() != maxDevices || row["status"].String() != "active" {
				t.Fatalf("database: %d device rows, card %v", bound, row.Map())
			}
		})
	}
}

// A change made through one node is answered by the other within two seconds, though that
// node answered the card from its snapshot a moment before.
func TestChangesReachTheOtherNode(t *testing.T) {
	env := testkit.Current()
	node := env.StartNode(t)
	admin := env.Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	remote := sdk(p, node.BaseURL)
	expectResult(t, verify(t, remote, k, "d1"), kami.ResultValid)
	expectResult(t, verify(t, remote, k, "d1"), kami.ResultValid) // now cached on the node
	changedAt := time.Now()
	setCardStatus(t, admin, cardID(t, p, k), "disabled")
	// Judged by when each call started, so a slow machine delays the test, never fails it.
	for {
		sent := time.Since(changedAt)
		r := verify(t, remote, k, "d1")
		if r.Result == kami.ResultDisabled {
			break
		}
		if sent > 2*time.Second {
			t.Fatalf("a verification sent %s after the card was disabled answered %s", sent, r.Result)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
