package smtpmail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"sync"
)

// ctxDialer dials for one Send. It ties every connection it opens to the
// send's context (closing the connection when the context ends, which
// unblocks any read or write go-mail is doing) and, on release, closes
// whatever is still open: go-mail does not close the socket when the
// greeting, STARTTLS or AUTH step fails.
type ctxDialer struct {
	ctx         context.Context
	implicitTLS bool
	tlsConfig   *tls.Config

	mu    sync.Mutex
	conns []net.Conn
	stops []func() bool
}

func (d *ctxDialer) dial(dctx context.Context, network, addr string) (net.Conn, error) {
	var nd net.Dialer
	conn, err := nd.DialContext(dctx, network, addr)
	if err != nil {
		return nil, err
	}
	if d.implicitTLS {
		tc := tls.Client(conn, d.tlsConfig.Clone())
		if err := tc.HandshakeContext(dctx); err != nil {
			_ = conn.Close()
			return nil, fmt.Errorf("tls handshake: %w", err)
		}
		conn = tc
	}
	stop := context.AfterFunc(d.ctx, func() { _ = conn.Close() })

	d.mu.Lock()
	d.conns = append(d.conns, conn)
	d.stops = append(d.stops, stop)
	d.mu.Unlock()
	return conn, nil
}

// release detaches the context hooks and closes any connection left open.
func (d *ctxDialer) release() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, stop := range d.stops {
		stop()
	}
	for _, c := range d.conns {
		_ = c.Close()
	}
	d.conns, d.stops = nil, nil
}
