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
	"unicode/utf8"
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

// toUTF8 handles the charsets a test is likely to meet; anything else is
// returned as-is.
func toUTF8(b []byte, charset string) string {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "latin-1":
		return latin1ToUTF8(b)
	case "us-ascii", "ascii":
		if !utf8.Valid(b) {
			return strings.ToValidUTF8(string(b), "\uFFFD")
		}
	}
	return string(b)
}

func latin1ToUTF8(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// charsetReader is used by mime.WordDecoder for charsets it does not know
// itself (it handles UTF-8, ISO-8859-1 and US-ASCII): pass the bytes
// through rather than failing the whole header.
func charsetReader(_ string, input io.Reader) (io.Reader, error) {
	return input, nil
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}
