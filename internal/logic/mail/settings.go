// Package mail is the project's outbound mail transport. The SMTP server is a group of settings
// (mail.*, the password sealed), so an operator points Kami at another server without a
// restart; kami.mail in config.yaml only gives their defaults, so a deployment configured there
// keeps working. Boot hands this service to every service that mails; a test hands those
// services an smtpmail.Fake instead.
package mail

import (
	"fmt"
	"net/mail"
	"strings"
	"sync"

	"kami/internal/adapter/smtpmail"
	"kami/internal/config"
	"kami/internal/logic/settings"
)

// The mail.* settings.
const (
	keyHost     = "mail.host"
	keyPort     = "mail.port"
	keyUsername = "mail.username"
	keyPassword = "mail.password"
	keyFrom     = "mail.from"
	keyFromName = "mail.fromName"
	keyTLS      = "mail.tls"
)

var defineOnce sync.Once

// Define declares the mail.* settings with the configured values as their defaults. It runs at
// boot, after the config is loaded and before the settings service starts (a process boots
// once; a second call keeps the first definitions). A configured value that the setting would
// refuse stops the boot with its name, as a bad environment value does.
func (l *sMail) Define(c config.Mail) error {
	tls := strings.ToLower(strings.TrimSpace(c.TLS))
	if tls == "" {
		tls = smtpmail.TLSStartTLS
	}
	checks := []struct {
		name string
		err  error
	}{
		{"kami.mail.host", checkHost(strings.TrimSpace(c.Host))},
		{"kami.mail.from", checkFrom(strings.TrimSpace(c.From))},
		{"kami.mail.fromName", checkOneLine(c.FromName)},
		{"kami.mail.tls", checkTLS(tls)},
	}
	for _, ch := range checks {
		if ch.err != nil {
			return fmt.Errorf("%s: %v", ch.name, ch.err)
		}
	}
	if c.Port < 0 || c.Port > 65535 {
		return fmt.Errorf("kami.mail.port: %d is not a port", c.Port)
	}
	defineOnce.Do(func() {
		str := func(key string, def string, secret bool, validate func(string) error) {
			settings.Define(settings.Def{Key: key, Group: "mail", Type: settings.TypeString, Default: def, Secret: secret,
				Validate: func(v any) error { return validate(v.(string)) }})
		}
		none := func(string) error { return nil }
		str(keyHost, strings.TrimSpace(c.Host), false, checkHost)
		settings.Define(settings.Def{Key: keyPort, Group: "mail", Type: settings.TypeInt, Default: c.Port,
			Min: settings.Bound(0), Max: settings.Bound(65535)})
		str(keyUsername, c.Username, false, checkOneLine)
		str(keyPassword, c.Password, true, none)
		str(keyFrom, strings.TrimSpace(c.From), false, checkFrom)
		str(keyFromName, c.FromName, false, checkOneLine)
		settings.Define(settings.Def{Key: keyTLS, Group: "mail", Type: settings.TypeString, Default: tls,
			Enum: []string{smtpmail.TLSNone, smtpmail.TLSStartTLS, smtpmail.TLSImplicit}})
	})
	return nil
}

// checkHost refuses what cannot be a host name; empty means mails are logged, not sent.
func checkHost(h string) error {
	if strings.ContainsAny(h, " \t\r\n/") {
		return fmt.Errorf("%q is not a host name", h)
	}
	return nil
}

// checkFrom wants a bare address (the display name is mail.fromName), or nothing.
func checkFrom(a string) error {
	if a == "" {
		return nil
	}
	p, err := mail.ParseAddress(a)
	if err != nil || p.Name != "" || p.Address != a {
		return fmt.Errorf("%q is not a bare address like noreply@example.com", a)
	}
	return nil
}

func checkOneLine(s string) error {
	if strings.ContainsAny(s, "\r\n") {
		return fmt.Errorf("must be one line")
	}
	return nil
}

func checkTLS(v string) error {
	switch v {
	case smtpmail.TLSNone, smtpmail.TLSStartTLS, smtpmail.TLSImplicit:
		return nil
	}
	return fmt.Errorf("%q: want none, starttls or tls", v)
}
