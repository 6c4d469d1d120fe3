package model

// OutboxEvent is what a module hands to service.Outbox().Emit, inside the transaction of the
// change that caused it, so the event exists exactly when the change does.
type OutboxEvent struct {
	// Topic picks the resolver registered with outbox.RegisterTopic, which finds the subscriber
	// (URL and signing secret), e.g. "project.webhook".
	Topic string
	// Type is what the subscriber sees as X-Kami-Event and as the body's "type",
	// e.g. "card.activated".
	Type string
	// Ref is what the resolver needs to find the subscriber (a project id, a merchant id); it
	// is also a filter of the admin list.
	Ref string
	// Data is the body's "data", marshalled with encoding/json when the event is written.
	Data any
}
