package host

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies a host failure so the worker knows whether to retry, succeed, re-port or give
// up (derp.md §8, §10).
type Kind string

const (
	Retryable       Kind = "retryable"         // transport, timeouts, daemon hiccups: back off and retry
	NotFound        Kind = "not_found"         // no such container: run it (or, for remove, success)
	PortConflict    Kind = "port_conflict"     // the published port is taken on the host: new port
	NameConflict    Kind = "name_conflict"     // the container name exists: re-inspect
	ImageError      Kind = "image_error"       // permanent: bad/missing image or too old a derper
	HostKeyMismatch Kind = "host_key_mismatch" // permanent: the host key is not the stored one
)

// Error is a classified host failure.
type Error struct {
	Kind Kind
	Op   string // "run", "inspect", "prepare:pull", ...
	Msg  string
	// HostKey is the fingerprint a HostKeyMismatch saw.
	HostKey string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s: %s", e.Op, e.Kind, e.Msg) }

// KindOf is the class of err; an unclassified error is Retryable, nil is "".
func KindOf(err error) Kind {
	if err == nil {
		return ""
	}
	var he *Error
	if errors.As(err, &he) {
		return he.Kind
	}
	return Retryable
}

// Permanent reports whether retrying err can never help.
func Permanent(err error) bool {
	k := KindOf(err)
	return k == ImageError || k == HostKeyMismatch
}

// classify turns a finished command into nil or a classified error, from docker's stderr wording.
func classify(op string, res Result) error {
	if res.Exit == 0 {
		return nil
	}
	msg := strings.TrimSpace(string(res.Stderr))
	if msg == "" {
		msg = strings.TrimSpace(string(res.Stdout))
	}
	if len(msg) > 400 {
		msg = msg[:400]
	}
	low := strings.ToLower(msg)
	kind := Retryable
	switch {
	case strings.Contains(low, "no such container"), strings.Contains(low, "no such object"):
		kind = NotFound
	case strings.Contains(low, "port is already allocated"), strings.Contains(low, "address already in use"):
		kind = PortConflict
	case strings.Contains(low, "is already in use by container"), strings.Contains(low, "conflict. the container name"):
		kind = NameConflict
	case strings.Contains(low, "manifest unknown"), strings.Contains(low, "pull access denied"),
		strings.Contains(low, "invalid reference format"), strings.Contains(low, "unable to find image"),
		strings.Contains(low, "no such image"):
		kind = ImageError
	}
	return &Error{Kind: kind, Op: op, Msg: fmt.Sprintf("exit %d: %s", res.Exit, msg)}
}

// transport wraps a Runner error; a HostKeyMismatch from the adapter keeps its class.
func transport(op string, err error) error {
	var he *Error
	if errors.As(err, &he) {
		return &Error{Kind: he.Kind, Op: op, Msg: he.Msg, HostKey: he.HostKey}
	}
	return &Error{Kind: Retryable, Op: op, Msg: err.Error()}
}
