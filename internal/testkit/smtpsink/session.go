package smtpsink

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

const hostname = "smtpsink.test"

var errLineTooLong = errors.New("line too long")

// session is the state of one SMTP connection.
type session struct {
	sink *Sink
	conn net.Conn
	r    *bufio.Reader
	w    *bufio.Writer

	authUser string
	authed   bool

	inTx  bool // MAIL FROM accepted
	from  string
	rcpts []string
}

func newSession(s *Sink, c net.Conn) *session {
	return &session{
		sink: s,
		conn: c,
		r:    bufio.NewReaderSize(c, 8192),
		w:    bufio.NewWriter(c),
	}
}

func (ss *session) resetTx() {
	ss.inTx = false
	ss.from = ""
	ss.rcpts = nil
}

// reply writes one or more response lines with the given code, using the
// "code-text" continuation form for all but the last line.
func (ss *session) reply(code int, lines ...string) error {
	_ = ss.conn.SetWriteDeadline(time.Now().Add(IdleTimeout))
	for i, l := range lines {
		sep := " "
		if i < len(lines)-1 {
			sep = "-"
		}
		if _, err := fmt.Fprintf(ss.w, "%d%s%s\r\n", code, sep, l); err != nil {
			return err
		}
	}
	return ss.w.Flush()
}

// readLine reads one line, without its line ending (CRLF or bare LF). If
// the line exceeds limit bytes the rest of it is discarded and
// errLineTooLong is returned.
func (ss *session) readLine(limit int) ([]byte, error) {
	_ = ss.conn.SetReadDeadline(time.Now().Add(IdleTimeout))
	var buf []byte
	tooLong := false
	for {
		chunk, err := ss.r.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if len(buf) > limit+2 {
				tooLong = true
				buf = nil
			}
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return nil, err
	}
	if tooLong {
		return nil, errLineTooLong
	}
	buf = bytes.TrimSuffix(buf, []byte("\n"))
	buf = bytes.TrimSuffix(buf, []byte("\r"))
	return buf, nil
}

func (ss *session) run() {
	if ss.reply(220, hostname+" ESMTP smtpsink ready") != nil {
		return
	}
	for {
		line, err := ss.readLine(maxCmdLine)
		if errors.Is(err, errLineTooLong) {
			if ss.reply(500, "5.5.2 line too long") != nil {
				return
			}
			continue
		}
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(string(line), " ")
		verb = strings.ToUpper(verb)
		arg = strings.TrimSpace(arg)

		var rerr error
		switch verb {
		case "EHLO":
			ss.resetTx()
			rerr = ss.reply(250,
				hostname+" greets "+arg,
				"8BITMIME",
				"SMTPUTF8",
				fmt.Sprintf("SIZE %d", MaxMessageSize),
				"AUTH PLAIN LOGIN",
				"HELP",
			)
		case "HELO":
			ss.resetTx()
			rerr = ss.reply(250, hostname)
		case "AUTH":
			rerr = ss.auth(arg)
		case "MAIL":
			rerr = ss.mail(arg)
		case "RCPT":
			rerr = ss.rcpt(arg)
		case "DATA":
			rerr = ss.data(arg)
		case "RSET":
			ss.resetTx()
			rerr = ss.reply(250, "2.0.0 OK")
		case "NOOP":
			rerr = ss.reply(250, "2.0.0 OK")
		case "VRFY":
			rerr = ss.reply(252, "2.5.0 cannot verify, will accept")
		case "HELP":
			rerr = ss.reply(214, "2.0.0 EHLO HELO AUTH MAIL RCPT DATA RSET NOOP QUIT")
		case "QUIT":
			_ = ss.reply(221, "2.0.0 bye")
			return
		case "STARTTLS":
			rerr = ss.reply(502, "5.5.1 STARTTLS not supported")
		case "":
			rerr = ss.reply(500, "5.5.2 empty command")
		default:
			rerr = ss.reply(500, "5.5.2 command not recognized")
		}
		if rerr != nil {
			return
		}
	}
}

// parsePath parses "<addr> [params]" (or a bare addr) after FROM:/TO:.
func parsePath(arg, prefix string) (string, bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", false
	}
	rest := strings.TrimSpace(arg[len(prefix):])
	if strings.HasPrefix(rest, "<") {
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			return "", false
		}
		return rest[1:end], true
	}
	addr, _, _ := strings.Cut(rest, " ")
	return addr, addr != ""
}

func (ss *session) mail(arg string) error {
	if ss.inTx {
		return ss.reply(503, "5.5.1 nested MAIL command")
	}
	from, ok := parsePath(arg, "FROM:")
	if !ok {
		return ss.reply(501, "5.5.4 syntax: MAIL FROM:<address>")
	}
	ss.inTx = true
	ss.from = from // may be empty: null reverse-path
	return ss.reply(250, "2.1.0 OK")
}

func (ss *session) rcpt(arg string) error {
	if !ss.inTx {
		return ss.reply(503, "5.5.1 need MAIL before RCPT")
	}
	to, ok := parsePath(arg, "TO:")
	if !ok || to == "" {
		return ss.reply(501, "5.5.4 syntax: RCPT TO:<address>")
	}
	if len(ss.rcpts) >= MaxRecipients {
		return ss.reply(452, "4.5.3 too many recipients")
	}
	if ss.sink.refuses(to) {
		return ss.reply(451, "4.7.1 refused by the test")
	}
	ss.rcpts = append(ss.rcpts, to)
	return ss.reply(250, "2.1.5 OK")
}

func (ss *session) data(arg string) error {
	if arg != "" {
		return ss.reply(501, "5.5.4 DATA takes no arguments")
	}
	if !ss.inTx || len(ss.rcpts) == 0 {
		return ss.reply(503, "5.5.1 need RCPT before DATA")
	}
	if err := ss.reply(354, "end data with <CR><LF>.<CR><LF>"); err != nil {
		return err
	}

	var raw bytes.Buffer
	tooBig := false
	for {
		// A generous per-line cap; the real bound is MaxMessageSize.
		line, err := ss.readLine(MaxMessageSize)
		if errors.Is(err, errLineTooLong) {
			tooBig = true
			continue
		}
		if err != nil {
			return err
		}
		if len(line) == 1 && line[0] == '.' {
			break
		}
		if len(line) > 0 && line[0] == '.' {
			line = line[1:] // dot-unstuffing (RFC 5321 4.5.2)
		}
		if tooBig {
			continue
		}
		if raw.Len()+len(line)+2 > MaxMessageSize {
			tooBig = true
			raw.Reset()
			continue
		}
		raw.Write(line)
		raw.WriteString("\r\n")
	}

	from, rcpts := ss.from, ss.rcpts
	ss.resetTx()
	if tooBig {
		return ss.reply(552, "5.3.4 message too big")
	}

	m := parseMail(raw.Bytes())
	m.From = from
	m.To = rcpts
	m.AuthUser = ss.authUser
	m.Raw = raw.Bytes()
	m.Received = time.Now()
	if d := ss.sink.acceptDelay(); d > 0 {
		time.Sleep(d)
	}
	// Store before answering so a client whose send returned can see it.
	ss.sink.store(m)
	return ss.reply(250, "2.0.0 OK queued")
}

// auth accepts AUTH PLAIN and AUTH LOGIN with any credentials.
func (ss *session) auth(arg string) error {
	if ss.authed {
		return ss.reply(503, "5.5.1 already authenticated")
	}
	if ss.inTx {
		return ss.reply(503, "5.5.1 AUTH not allowed during a mail transaction")
	}
	mech, initial, _ := strings.Cut(arg, " ")
	initial = strings.TrimSpace(initial)

	switch strings.ToUpper(mech) {
	case "PLAIN":
		resp := initial
		if resp == "" {
			var err error
			resp, err = ss.challenge("")
			if err != nil {
				return err
			}
		}
		if resp == "*" {
			return ss.reply(501, "5.0.0 authentication cancelled")
		}
		dec, err := base64.StdEncoding.DecodeString(resp)
		if err != nil {
			return ss.reply(501, "5.5.2 invalid base64")
		}
		parts := strings.Split(string(dec), "\x00")
		if len(parts) != 3 {
			return ss.reply(501, "5.5.2 malformed PLAIN response")
		}
		ss.authUser = parts[1]
	case "LOGIN":
		user := initial
		if user == "" {
			var err error
			user, err = ss.challenge("Username:")
			if err != nil {
				return err
			}
		}
		if user == "*" {
			return ss.reply(501, "5.0.0 authentication cancelled")
		}
		u, err := base64.StdEncoding.DecodeString(user)
		if err != nil {
			return ss.reply(501, "5.5.2 invalid base64")
		}
		pass, err := ss.challenge("Password:")
		if err != nil {
			return err
		}
		if pass == "*" {
			return ss.reply(501, "5.0.0 authentication cancelled")
		}
		if _, err := base64.StdEncoding.DecodeString(pass); err != nil {
			return ss.reply(501, "5.5.2 invalid base64")
		}
		ss.authUser = string(u)
	case "":
		return ss.reply(501, "5.5.4 syntax: AUTH mechanism")
	default:
		return ss.reply(504, "5.5.4 unrecognized authentication type")
	}
	ss.authed = true
	return ss.reply(235, "2.7.0 authentication successful")
}

// challenge sends a 334 prompt (base64-encoded) and returns the client's
// response line.
func (ss *session) challenge(prompt string) (string, error) {
	if err := ss.reply(334, base64.StdEncoding.EncodeToString([]byte(prompt))); err != nil {
		return "", err
	}
	line, err := ss.readLine(maxCmdLine)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(line)), nil
}
