package derp_test

import (
	"crypto/tls"
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
)

// derperStub answers like a derper on one address: HTTPS /derp/probe with the server's cert,
// and STUN binding requests on the same UDP port.
type derperStub struct {
	https *http.Server
	udp   net.PacketConn
}

func startDerper(t *testing.T, addr, certPEM string, keyPEM []byte) *derperStub {
	t.Helper()
	cert, err := tls.X509KeyPair([]byte(certPEM), keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := tls.Listen("tcp", addr, &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/derp/probe", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	s := &derperStub{https: &http.Server{Handler: mux, ReadHeaderTimeout: time.Second,
		ErrorLog: log.New(io.Discard, "", 0)}} // the wrong-pin handshakes are expected
	go func() { _ = s.https.Serve(ln) }()
	if s.udp, err = net.ListenPacket("udp", addr); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := s.udp.ReadFrom(buf)
			if err != nil {
				return
			}
			if n < 20 || binary.BigEndian.Uint16(buf) != 0x0001 {
				continue
			}
			resp := make([]byte, 20)
			binary.BigEndian.PutUint16(resp, 0x0101)
			copy(resp[4:20], buf[4:20]) // cookie and transaction id
			_, _ = s.udp.WriteTo(resp, from)
		}
	}()
	t.Cleanup(s.stop)
	return s
}

func (s *derperStub) stop() {
	_ = s.https.Close()
	_ = s.udp.Close()
}

// §14.9 probes through the real adapter: 2 ok rounds → healthy; with the derper gone 3 failed
// rounds → down and an alert; back → healthy after 2; a wrong pin fails the HTTPS check.
func TestProbeRounds(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	frozen(t)
	a := addHost(t, w, "sha")
	wk := opsWorker(t, a)
	drain(t, wk)
	d := activate(t, w)
	drain(t, wk)
	c := containersOf(t, d.Id)[0]
	row := serverRow(t, a.srv.Id)
	key, err := keyring.Open("derp.server.certkey", row.CertKeyEnc)
	if err != nil {
		t.Fatal(err)
	}
	addr := net.JoinHostPort(row.PublicIpv4, strconv.Itoa(c.Port))
	stub := startDerper(t, addr, row.CertPem, key)
	health := func() string { return serverRow(t, a.srv.Id).Health }
	w.Admin.C.RunJob(t, "derp.probe")
	if h := health(); h != "unknown" {
		t.Fatalf("1 ok round: %s", h)
	}
	w.Admin.C.RunJob(t, "derp.probe")
	if h := health(); h != "healthy" {
		t.Fatalf("2 ok rounds: %s", h)
	}
	stub.stop()
	for i := 1; i <= 3; i++ {
		w.Admin.C.RunJob(t, "derp.probe")
		if h := health(); (i < 3 && h == "down") || (i == 3 && h != "down") {
			t.Fatalf("failed round %d: %s", i, h)
		}
	}
	if al := alertsOf(t, w, "server_down", a.srv.Id); len(al) != 1 {
		t.Fatalf("server_down alerts %+v", al)
	}
	// ... and a notice (inbox + email copy) to the super-admin.
	n, err := dao.Notifications.Ctx(t.Context()).Where("user_id", w.Admin.ID).
		Where("notice_id IN (SELECT id FROM notices WHERE kind = 'derp.serverDown' AND ref_id = ?)", a.srv.Id).Count()
	if err != nil || n != 1 {
		t.Fatalf("server_down notices to S: %d %v", n, err)
	}
	if cr := containerRow(t, c.Id); cr.DownSince == nil || cr.ProbeOk != 0 {
		t.Fatalf("container after failed rounds: %+v", cr)
	}
	startDerper(t, addr, row.CertPem, key)
	w.Admin.C.RunJob(t, "derp.probe")
	w.Admin.C.RunJob(t, "derp.probe")
	if h := health(); h != "healthy" || containerRow(t, c.Id).DownSince != nil {
		t.Fatalf("back: %s", h)
	}

	// A wrong pin: the HTTPS check fails (STUN and docker pass, so the round is still ok).
	if _, err := dao.DerpServers.Ctx(t.Context()).Data(do.DerpServers{CertPin: "sha256-raw:" + strings.Repeat("ab", 32)}).
		WherePri(a.srv.Id).Update(); err != nil {
		t.Fatal(err)
	}
	w.Admin.C.RunJob(t, "derp.probe")
	var raw v1.ServerProbesRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/servers/%d/probes?step=raw", a.srv.Id)).Expect(t, http.StatusOK).Decode(t, &raw)
	if len(raw.Items) != 3*8 {
		t.Fatalf("%d raw rows, want 8 rounds of 3", len(raw.Items))
	}
	var pinned, stun bool
	for _, it := range raw.Items[:3] { // newest first: the wrong-pin round
		switch it.Kind {
		case "https":
			pinned = !it.Ok && strings.Contains(it.Error, "pin")
		case "stun":
			stun = it.Ok
		}
	}
	if !pinned || !stun {
		t.Fatalf("wrong pin round %+v", raw.Items[:3])
	}
	var hour v1.ServerProbesRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/servers/%d/probes?step=hour", a.srv.Id)).Expect(t, http.StatusOK).Decode(t, &hour)
	rounds, oks := 0, 0
	for _, it := range hour.Items {
		rounds += it.Rounds
		oks += it.OkRounds
	}
	if rounds != 8 || oks != 5 {
		t.Fatalf("hourly rounds %d ok %d, want 8/5: %+v", rounds, oks, hour.Items)
	}
	w.Agent.C.Get(t, fmt.Sprintf("/api/derp/servers/%d/probes", a.srv.Id)).Expect(t, http.StatusForbidden)
}
