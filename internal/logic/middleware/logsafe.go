package middleware

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/os/glog"

	"kami/utility/text"
)

// EscapeLog is a glog handler that writes each entry's message as one line, control
// characters escaped. The server's logger gets it: gf's access and error logs and net/http's
// own messages quote the request (path, user agent, referer, error text), and a client must not
// be able to forge a log line through them.
func EscapeLog(ctx context.Context, in *glog.HandlerInput) {
	msg := in.Content
	if len(in.Values) > 0 {
		if msg != "" {
			msg += " "
		}
		msg += in.ValuesContent()
	}
	// The line break a writer (net/http's log.Logger) ends its message with is not content.
	in.Content, in.Values = text.EscapeControl(strings.TrimRight(msg, "\r\n")), nil
	in.Next(ctx)
}
