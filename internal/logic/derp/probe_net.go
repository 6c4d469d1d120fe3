package derp

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// Prober is the network side of derp.probe (§9), a narrow interface so tests can swap it;
// the real adapter speaks HTTPS and STUN, and the tests point it at listeners on 127.0.0.1.
type Prober interface {
	// HTTPS GETs https://addr/derp/probe, accepting TLS only when the leaf certificate's
	// SHA-256 equals pin ("sha256-raw:<64 hex>").
	HTTPS(ctx context.Context, addr, pin string) (time.Duration, error)
	// STUN sends an RFC 5389 binding request to addr (UDP) and waits for its success answer.
	STUN(ctx context.Context, addr string) (time.Duration, error)
}

const (
	httpsProbeTimeout = 5 * time.Second
	stunProbeTimeout  = 2 * time.Second
	stunMagicCookie   = 0x2112A442
	pinPrefix         = "sha256-raw:"
)

var prober atomic.Pointer[Prober]

func init() {
	var p Prober = NetProber{}
	prober.Store(&p)
}

// SetProber replaces the probe adapter (tests); the returned func puts the previous one back.
func SetProber(p Prober) (restore func()) {
	old := prober.Swap(&p)
	return func() { prober.Store(old) }
}

func currentProber() Prober { return *prober.Load() }

// NetProber is the real adapter.
type NetProber struct{}

var errPinMismatch = errors.New("certificate pin mismatch")

// HTTPS: the chain is not verified (the servers' certs are self-signed); the pin is the trust.
func (NetProber) HTTPS(ctx context.Context, addr, pin string) (time.Duration, error) {
	want := strings.TrimPrefix(pin, pinPrefix)
	tr := &http.Transport{DisableKeepAlives: true, TLSClientConfig: &tls.Config{InsecureSkipVerify: true, //nolint:gosec // pinned below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errPinMismatch
			}
			sum := sha256.Sum256(raw[0])
			if hex.EncodeToString(sum[:]) != want {
				return errPinMismatch
			}
			return nil
		}}}
	defer tr.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, httpsProbeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+addr+"/derp/probe", nil)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return 0, err
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("probe status %d", res.StatusCode)
	}
	return time.Since(start), nil
}

// STUN sends a binding request (type 0x0001, the magic cookie, a random transaction id) and
// accepts a binding success (0x0101) echoing the cookie and the id.
func (NetProber) STUN(ctx context.Context, addr string) (time.Duration, error) {
	var d net.Dialer
	ctx, cancel := context.WithTimeout(ctx, stunProbeTimeout)
	defer cancel()
	conn, err := d.DialContext(ctx, "udp", addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	dl, _ := ctx.Deadline()
	_ = conn.SetDeadline(dl)
	req := make([]byte, 20)
	binary.BigEndian.PutUint16(req[0:], 0x0001)
	binary.BigEndian.PutUint32(req[4:], stunMagicCookie)
	if _, err = rand.Read(req[8:20]); err != nil {
		return 0, err
	}
	start := time.Now()
	if _, err = conn.Write(req); err != nil {
		return 0, err
	}
	buf := make([]byte, 1500)
	n, err := conn.Read(buf)
	if err != nil {
		return 0, err
	}
	if n < 20 || binary.BigEndian.Uint16(buf[0:]) != 0x0101 || binary.BigEndian.Uint32(buf[4:]) != stunMagicCookie ||
		string(buf[8:20]) != string(req[8:20]) {
		return 0, errors.New("not a STUN binding success for this request")
	}
	return time.Since(start), nil
}
