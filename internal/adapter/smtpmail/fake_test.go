package smtpmail_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"kami/internal/adapter/smtpmail"
)

// mailer is the kind of narrow interface consumers declare.
type mailer interface {
	Send(ctx context.Context, m smtpmail.Message) error
}

var (
	_ mailer = (*smtpmail.Sender)(nil)
	_ mailer = (*smtpmail.Fake)(nil)
)

func TestFake(t *testing.T) {
	var f smtpmail.Fake
	if _, ok := f.Last(); ok {
		t.Fatal("Last on empty fake reported a message")
	}
	ctx := context.Background()
	_ = f.Send(ctx, smtpmail.Message{To: "a@x.test", Subject: "1"})
	_ = f.Send(ctx, smtpmail.Message{To: "b@x.test", Subject: "2"})

	msgs := f.Messages()
	if len(msgs) != 2 || msgs[0].Subject != "1" || msgs[1].Subject != "2" {
		t.Fatalf("Messages = %+v", msgs)
	}
	msgs[0].Subject = "mutated"
	if f.Messages()[0].Subject != "1" {
		t.Error("Messages did not return a copy")
	}
	if last, ok := f.Last(); !ok || last.To != "b@x.test" {
		t.Errorf("Last = %+v %v", last, ok)
	}

	boom := errors.New("boom")
	f.FailWith(boom)
	if err := f.Send(ctx, smtpmail.Message{To: "c@x.test"}); !errors.Is(err, boom) {
		t.Errorf("FailWith: got %v", err)
	}
	f.FailWith(nil)
	if len(f.Messages()) != 2 {
		t.Error("failed send was recorded")
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := f.Send(cctx, smtpmail.Message{To: "d@x.test"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: got %v", err)
	}

	f.Reset()
	if len(f.Messages()) != 0 {
		t.Error("Reset kept messages")
	}
}

func TestFake_Concurrent(t *testing.T) {
	var f smtpmail.Fake
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = f.Send(context.Background(), smtpmail.Message{To: fmt.Sprintf("u%d@x.test", i)})
			_ = f.Messages()
			_, _ = f.Last()
		}()
	}
	wg.Wait()
	if n := len(f.Messages()); n != 50 {
		t.Fatalf("recorded %d, want 50", n)
	}
}
