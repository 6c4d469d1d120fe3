package mail

import (
	"context"
	"fmt"
	"sync"

	"kami/internal/adapter/smtpmail"
)

// Slot holds the mailer a service was handed; a test swaps it for a fake while the service
// runs, so reads and swaps are atomic.
type Slot struct {
	mu sync.RWMutex
	m  smtpmail.Mailer
}

// Set hands the slot m and returns the mailer it held (a test puts that back).
func (s *Slot) Set(m smtpmail.Mailer) (prev smtpmail.Mailer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev, s.m = s.m, m
	return prev
}

// Send delivers through the mailer held; none held (a service used before boot wired it) is a
// failed send, never a panic.
func (s *Slot) Send(ctx context.Context, m smtpmail.Message) error {
	s.mu.RLock()
	mailer := s.m
	s.mu.RUnlock()
	if mailer == nil {
		return fmt.Errorf("no mailer")
	}
	return mailer.Send(ctx, m)
}
