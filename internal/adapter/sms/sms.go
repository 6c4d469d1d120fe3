// Package sms sends text messages through an SMS platform: Aliyun SMS's documented HTTP API
// (the RPC "POP" style: query parameters signed with HMAC-SHA1) and a fake for tests. Only
// templates the platform approved are sent, by their template code with named parameters; there
// is no free-text send, which is the content review seed 001 §12.2 asks for.
package sms

import "context"

// Message is one templated message to one number.
type Message struct {
	Phone        string            // mainland numbers as 11 digits; others with their country code
	SignName     string            // the approved signature (签名)
	TemplateCode string            // the approved template's code, e.g. SMS_71390007
	Params       map[string]string // the template's variables
}

// Result is the platform's answer to an accepted send.
type Result struct {
	BizID     string // the platform's id of the send (its delivery reports name it)
	RequestID string
}

// Sender sends one message; an error means the platform did not accept it.
type Sender interface {
	Send(ctx context.Context, m Message) (Result, error)
}
