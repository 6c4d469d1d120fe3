package middleware_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gctx"

	"kami/internal/cmd"
	"kami/internal/config"
	"kami/internal/testkit"
)

// Routes with the per-route options no product route uses yet.
type (
	StrictOffReq struct {
		g.Meta `path:"/test/strict-off" method:"post" auth:"public" strict:"off"`
		Name   string `json:"name"`
	}
	StrictOffRes struct {
		Name string `json:"name"`
	}
	RawReq struct {
		g.Meta `path:"/test/raw" method:"get" auth:"public" raw:"true"`
	}
	RawRes struct {
		Name string `json:"name"`
	}
	BigReq struct {
		g.Meta `path:"/test/big" method:"post" auth:"public" bodyLimit:"3MB"`
		Name   string `json:"name"`
	}
	BigRes struct {
		Length int `json:"length"`
	}
	optionRoutes struct{}
)

func (optionRoutes) StrictOff(_ context.Context, req *StrictOffReq) (*StrictOffRes, error) {
	return &StrictOffRes{Name: req.Name}, nil
}

func (optionRoutes) Big(_ context.Context, req *BigReq) (*BigRes, error) {
	return &BigRes{Length: len(req.Name)}, nil
}

func (optionRoutes) Raw(context.Context, *RawReq) (*RawRes, error) {
	return &RawRes{Name: "not wrapped"}, nil
}

// startServer starts another server of this process (same database and Redis) with the
// configuration as it is now, and the extra controllers under /api.
func startServer(t *testing.T, extra ...any) *testkit.Client {
	t.Helper()
	s, err := cmd.NewServer(gctx.New(), testkit.UniqueName("kami-opt-"), extra...)
	if err != nil {
		t.Fatal(err)
	}
	s.SetAddr("127.0.0.1:0")
	if err = s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Shutdown() })
	return testkit.NewClient(fmt.Sprintf("http://127.0.0.1:%d", s.GetListenedPort()))
}

// strict:"off" keeps bodies of other types and unknown fields; raw:"true" leaves a successful
// answer unwrapped. Path-parameter and size rules are not affected by either.
func TestPerRouteOptions(t *testing.T) {
	cl := startServer(t, optionRoutes{})
	r := send(t, cl, "POST", "/api/test/strict-off", "application/x-www-form-urlencoded", "name=form&other=1", nil).Expect(t, 200)
	var out StrictOffRes
	if r.Decode(t, &out); out.Name != "form" {
		t.Fatalf("%s", r.Raw)
	}
	send(t, cl, "POST", "/api/test/strict-off", "application/json", `{"name":"j","unknown":1}`, nil).Expect(t, 200)
	r = send(t, cl, "GET", "/api/test/raw", "", "", nil).Expect(t, 200)
	if r.Code != 0 || len(r.Data) != 0 {
		t.Fatalf("a raw route was wrapped in the envelope: %s", r.Raw)
	}
	// bodyLimit: 2 MB passes where the route allows 3 MB and is 413 on a route with the default
	// 1 MB; past the route's own cap it is 413 too.
	two := `{"name":"` + strings.Repeat("a", 2<<20) + `"}`
	var big BigRes
	if send(t, cl, "POST", "/api/test/big", "application/json", two, nil).Expect(t, 200).Decode(t, &big); big.Length != 2<<20 {
		t.Fatalf("big body read as %d bytes", big.Length)
	}
	if r = send(t, cl, "POST", "/api/system/user", "application/json", two, nil).Expect(t, 413); r.ErrorCode() != "BODY_TOO_LARGE" {
		t.Fatalf("%s", r.Raw)
	}
	four := `{"name":"` + strings.Repeat("a", 4<<20) + `"}`
	send(t, cl, "POST", "/api/test/big", "application/json", four, nil).Expect(t, 413)
}

// A client that never finishes its headers is cut off at kami.http.readHeaderTimeout (the
// server's own read timeout), without an answer to wait for.
func TestSlowHeadersAreCutOff(t *testing.T) {
	testkit.SetConfig(t, func(c *config.Config) { c.HTTP.ReadHeaderTimeout = 200 * time.Millisecond })
	cl := startServer(t)
	c, err := net.Dial("tcp", cl.Base[len("http://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(20 * time.Second)) // safety net only
	if _, err = c.Write([]byte("GET /healthz HTTP/1.1\r\nHost: kami.test\r\n")); err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(c)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatal("the server kept waiting for the rest of the headers")
	}
}
