// Package host is the DERP hosts' side (derp.md §8): a narrow Runner that executes one argv on a
// server (the real adapter speaks SSH, the fake emulates docker in memory), and Docker, which
// builds the fixed docker argv and parses its output. Nothing here touches the database: the
// host-op worker calls it after commit.
package host

import (
	"context"
	"time"
)

// Target names one server and how to reach it. Exactly one of Password and PrivateKeyPEM is set.
// HostKeySHA256 is the stored "SHA256:…" fingerprint; empty means trust on first use.
type Target struct {
	ServerID      int64
	Addr          string // host:port
	User          string
	Password      string
	PrivateKeyPEM []byte
	HostKeySHA256 string
}

// Cmd is one exec: an argv (never a shell line: the adapter quotes every element), its stdin and
// a timeout (0 = the adapter's default).
type Cmd struct {
	Argv    []string
	Stdin   []byte
	Timeout time.Duration
}

// Result is what the command did. HostKeySHA256 is the key the adapter saw, so a TOFU caller can
// store it.
type Result struct {
	Stdout        []byte
	Stderr        []byte
	Exit          int
	HostKeySHA256 string
}

// Runner runs one command on a host. The error is for transport only (dial, auth, host key,
// timeout); a command that ran and failed is a Result with a non-zero Exit.
type Runner interface {
	Run(ctx context.Context, t Target, c Cmd) (Result, error)
}
