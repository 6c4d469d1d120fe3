package smtpmail

import (
	"context"
	"sync"
)

// Fake records messages instead of sending them. The zero value is ready to
// use and safe for concurrent use. It satisfies the same Send(ctx, Message)
// error shape as *Sender, for unit tests that don't need SMTP.
type Fake struct {
	mu   sync.Mutex
	msgs []Message
	err  error
}

// Send records m, or returns the error set by FailWith (recording nothing),
// or ctx's error if ctx is already done.
func (f *Fake) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.msgs = append(f.msgs, m)
	return nil
}

// FailWith makes subsequent Sends return err; nil restores normal recording.
func (f *Fake) FailWith(err error) {
	f.mu.Lock()
	f.err = err
	f.mu.Unlock()
}

// Messages returns a copy of the recorded messages, oldest first.
func (f *Fake) Messages() []Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Message, len(f.msgs))
	copy(out, f.msgs)
	return out
}

// Last returns the most recently recorded message; ok is false if none.
func (f *Fake) Last() (m Message, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.msgs) == 0 {
		return Message{}, false
	}
	return f.msgs[len(f.msgs)-1], true
}

// Reset forgets all recorded messages (the FailWith error is kept).
func (f *Fake) Reset() {
	f.mu.Lock()
	f.msgs = nil
	f.mu.Unlock()
}
