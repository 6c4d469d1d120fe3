package smtpmail

import "context"

// Mailer is the one method a service needs from a mail transport. *Sender and *Fake satisfy
// it; services take one at boot (or from a test) instead of building their own.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}
