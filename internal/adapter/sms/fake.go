package sms

import (
	"context"
	"sync"
)

// Fake records what it is asked to send and answers as configured.
type Fake struct {
	mu   sync.Mutex
	sent []Message
	err  error
}

func (f *Fake) Send(ctx context.Context, m Message) (Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return Result{}, f.err
	}
	f.sent = append(f.sent, m)
	return Result{BizID: "fake", RequestID: "fake"}, nil
}

// FailWith makes the next sends fail with err (nil: succeed again).
func (f *Fake) FailWith(err error) { f.mu.Lock(); f.err = err; f.mu.Unlock() }

// Sent is a copy of the messages sent so far.
func (f *Fake) Sent() []Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Message(nil), f.sent...)
}
