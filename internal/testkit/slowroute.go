package testkit

import (
	"fmt"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"
)

// SlowRouteEnv, set to "1" in a node's environment (StartNode), makes that node serve
// GET /test/slow, a request still running when the node is told to stop. It exists only in
// test binaries: production servers never bind it.
const SlowRouteEnv = "KAMI_TEST_SLOW_ROUTE"

// SlowRouteStarted is the line the node prints on stdout once a slow request is being handled.
const SlowRouteStarted = "KAMI_SLOW_STARTED"

// SlowRouteHold is how long the slow request keeps working after the node got SIGTERM: longer
// than GoFrame's default 2 s drain, well inside the configured server.gracefulTimeout.
const SlowRouteHold = 3 * time.Second

func bindSlowRoute(s *ghttp.Server, stopping <-chan struct{}) {
	s.BindHandler("GET:/test/slow", func(r *ghttp.Request) {
		fmt.Println(SlowRouteStarted)
		<-stopping
		time.Sleep(SlowRouteHold) // the work a real handler would still be doing
		r.Response.Write("done")
	})
}
