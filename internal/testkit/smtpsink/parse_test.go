package smtpsink

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestParseMail(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString([]byte("验证链接: https://kami.test/a?b=c\n"))
	var wrapped strings.Builder // base64 wrapped at 20 columns, as mailers do
	for i := 0; i < len(b64); i += 20 {
		wrapped.WriteString(b64[i:min(i+20, len(b64))] + "\r\n")
	}
	tests := []struct {
		name, raw, subject, body, html string
	}{{
		name: "nested multipart, base64 text, quoted-printable html, attachment skipped",
		raw: "Subject: =?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte("密码已修改")) + "?=\r\n" +
			"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n" +
			"--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n" +
			"--inner\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
			wrapped.String() +
			"--inner\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
			"<a href=3D\"https://kami.test/a?b=3Dc\">=E9=93=BE=E6=8E=A5</a>\r\n--inner--\r\n" +
			"--outer\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=x.txt\r\n\r\n" +
			"attachment text\r\n--outer--\r\n",
		subject: "密码已修改",
		body:    "验证链接: https://kami.test/a?b=c\n",
		html:    `<a href="https://kami.test/a?b=c">链接</a>`, // the CRLF before a boundary belongs to it
	}, {
		name: "html only, latin-1",
		raw: "Subject: =?ISO-8859-1?Q?caf=E9?=\r\nContent-Type: text/html; charset=iso-8859-1\r\n" +
			"Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>caf=E9</p>\r\n",
		subject: "café", body: "<p>café</p>\n", html: "<p>café</p>\n",
	}, {
		name:    "GBK text",
		raw:     "Subject: =?GBK?B?xOO6ww==?=\r\nContent-Type: text/plain; charset=gbk\r\n\r\n\xc4\xe3\xba\xc3\r\n",
		subject: "你好", body: "你好\n",
	}, {
		name: "no header block", raw: "just text\r\n", body: "just text\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseMail([]byte(tt.raw))
			if m.Subject != tt.subject || m.Body != tt.body || m.HTML != tt.html {
				t.Errorf("subject %q body %q html %q, want %q %q %q", m.Subject, m.Body, m.HTML, tt.subject, tt.body, tt.html)
			}
		})
	}
}
