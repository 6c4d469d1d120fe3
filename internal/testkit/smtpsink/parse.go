package smtpsink

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

const maxMIMEDepth = 16

// parseMail fills Subject, Body, HTML and Header from a raw RFC 5322
// message. It is best-effort: a message it cannot parse is still kept, with
// Body set to the raw text after the header (or the whole raw message).
func parseMail(raw []byte) Mail {
	var m Mail
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		m.Body = normalizeNewlines(string(raw))
		return m
	}
	m.Header = msg.Header
	m.Subject = decodeHeader(msg.Header.Get("Subject"))

	var text, html string
	walkPart(textproto.MIMEHeader(msg.Header), msg.Body, 0, &text, &html)
	m.HTML = html
	m.Body = text
	if m.Body == "" {
		m.Body = html
	}
	return m
}

func decodeHeader(v string) string {
	dec := &mime.WordDecoder{CharsetReader: charsetReader}
	out, err := dec.DecodeHeader(v)
	if err != nil {
		return v
	}
	return out
}

// walkPart records the first non-attachment text/plain and text/html leaves
// found depth-first.
func walkPart(h textproto.MIMEHeader, body io.Reader, depth int, text, html *string) {
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mediaType == "" {
		mediaType, params = "text/plain", map[string]string{}
	}

	if strings.HasPrefix(mediaType, "multipart/") {
		boundary := params["boundary"]
		if boundary == "" || depth >= maxMIMEDepth {
			return
		}
		mr := multipart.NewReader(body, boundary)
		for {
			// NextRawPart: we decode Content-Transfer-Encoding ourselves.
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			walkPart(p.Header, p, depth+1, text, html)
		}
	}

	if disp, _, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && disp == "attachment" {
		return
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return
	}

	data, err := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
	if err != nil && len(data) == 0 {
		return
	}
	s := normalizeNewlines(toUTF8(data, params["charset"]))
	switch {
	case mediaType == "text/plain" && *text == "":
		*text = s
	case mediaType == "text/html" && *html == "":
		*html = s
	}
}

func transferDecoder(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		// The base64 decoder skips \r and \n itself.
		return base64.NewDecoder(base64.StdEncoding, r)
	default: // 7bit, 8bit, binary, or absent
		return r
	}
}

// toUTF8 decodes b from charset (any label golang.org/x/text knows); an
// unknown or absent charset is taken as UTF-8, invalid bytes replaced.
func toUTF8(b []byte, charset string) string {
	if enc, err := htmlindex.Get(charset); err == nil {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			b = out
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// charsetReader lets mime.WordDecoder decode encoded words in any charset
// x/text knows; an unknown one is passed through rather than failing the
// whole header.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	if enc, err := htmlindex.Get(charset); err == nil {
		return enc.NewDecoder().Reader(input), nil
	}
	return input, nil
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}
