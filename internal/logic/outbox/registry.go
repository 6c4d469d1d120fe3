package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"sync"
	"time"
)

// Message is a stored event as its topic's resolver sees it.
type Message struct {
	ID        string // "evt_…", the X-Kami-Delivery header
	Topic     string
	Type      string
	Ref       string
	Data      json.RawMessage
	CreatedAt time.Time
	Attempt   int // the number of the attempt about to be made, from 1
}

// Resolver says where an event goes: the subscriber's URL and the secret its signature is made
// with (for card events the project's callback URL and webhook secret). It runs before every
// attempt, so a changed URL or a rotated secret applies to the next one. An error, or an empty
// URL or secret, fails the attempt; it is retried like any other failure.
type Resolver func(ctx context.Context, m Message) (url, secret string, err error)

var (
	topicMu   sync.Mutex
	resolvers = map[string]Resolver{}
	private   = map[string]bool{}
	topicSeal bool
	topicRule = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$`)
)

// RegisterTopic makes topic deliverable; modules call it from init. A node only claims events
// of topics it knows, so a node on an older binary leaves a newer module's events to the
// nodes that can resolve them. A malformed or duplicate topic, or one registered after the
// service started, is a programming error found by any test run, so it panics.
func RegisterTopic(topic string, r Resolver, opts ...TopicOption) {
	topicMu.Lock()
	defer topicMu.Unlock()
	switch {
	case topicSeal:
		panic(fmt.Sprintf("outbox.RegisterTopic(%q) after the service started", topic))
	case !topicRule.MatchString(topic) || len(topic) > 64:
		panic(fmt.Sprintf("outbox.RegisterTopic: bad topic %q (want <module>.<name>)", topic))
	case r == nil:
		panic(fmt.Sprintf("outbox.RegisterTopic(%q): nil resolver", topic))
	}
	if _, dup := resolvers[topic]; dup {
		panic(fmt.Sprintf("outbox.RegisterTopic: %q registered twice", topic))
	}
	resolvers[topic] = r
	var o topicOptions
	for _, opt := range opts {
		opt(&o)
	}
	private[topic] = o.allowPrivate
}

// TopicOption is a property a topic declares when it registers.
type TopicOption func(*topicOptions)

type topicOptions struct{ allowPrivate bool }

// AllowPrivateTargets lets the topic's deliveries reach private and loopback addresses even with
// outbox.allowPrivateTargets off. Only for topics whose URLs no one but the super-admin can set
// (a merchant callback the contract allows on a private network), never a user-set URL.
func AllowPrivateTargets() TopicOption { return func(o *topicOptions) { o.allowPrivate = true } }

// allowsPrivate says whether topic declared AllowPrivateTargets.
func allowsPrivate(topic string) bool {
	topicMu.Lock()
	defer topicMu.Unlock()
	return private[topic]
}

func sealTopics() {
	topicMu.Lock()
	topicSeal = true
	topicMu.Unlock()
}

func resolverOf(topic string) (Resolver, bool) {
	topicMu.Lock()
	defer topicMu.Unlock()
	r, ok := resolvers[topic]
	return r, ok
}

// topics lists the registered topics, sorted.
func topics() []string {
	topicMu.Lock()
	defer topicMu.Unlock()
	out := make([]string, 0, len(resolvers))
	for t := range resolvers {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
