package outbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kami/internal/logic/outbox"
	"kami/internal/testkit"
)

// testTopic is registered only by this test binary (the second node is the same binary, so it
// has it too). Its resolver needs no shared state: the event's ref is the subscriber URL, and
// a ref starting with "error:" makes the resolver fail.
const testTopic = "test.hook"

// testSecret signs every delivery of testTopic.
const testSecret = "whsec-test-0123456789"

func init() {
	outbox.RegisterTopic(testTopic, func(_ context.Context, m outbox.Message) (string, string, error) {
		if strings.HasPrefix(m.Ref, "error:") {
			return "", "", errors.New("no such project")
		}
		return m.Ref, testSecret, nil
	})
}

func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }
