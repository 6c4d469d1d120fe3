package v1

import (
	"encoding/json"

	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// The outbox holds the events modules emit for outside subscribers (project webhooks, merchant
// callbacks) and every delivery attempt; the super-admin reads it here and can send an event
// again.

type OutboxListReq struct {
	g.Meta `path:"/system/outbox/list" method:"get" tags:"系统 System" summary:"Outbox events, newest first"`
	common.PageReq
	Status string `json:"status" v:"in:pending,delivered,failed" dc:"only events in this state"`
	Topic  string `json:"topic"  v:"max-length:64"                dc:"only events of this topic"`
	Ref    string `json:"ref"    v:"max-length:255"               dc:"only events with this reference"`
}

type OutboxListRes struct {
	Items []OutboxItem `json:"items"`
	Total int          `json:"total"`
}

type OutboxItem struct {
	Id             string          `json:"id"             dc:"event id, sent as X-Kami-Delivery and as the body's id"`
	Topic          string          `json:"topic"`
	Type           string          `json:"type"           dc:"sent as X-Kami-Event"`
	Ref            string          `json:"ref"            dc:"what the topic's resolver finds the subscriber by"`
	Status         string          `json:"status"         dc:"pending, delivered or failed"`
	Attempts       int             `json:"attempts"       dc:"attempts made, redeliveries included"`
	RoundAttempts  int             `json:"roundAttempts"  dc:"attempts since the event was emitted or last redelivered"`
	MaxAttempts    int             `json:"maxAttempts"    dc:"attempts a round may make before the event is failed"`
	NextAttemptAt  string          `json:"nextAttemptAt"  dc:"when a pending event is tried next"`
	LastStatusCode int             `json:"lastStatusCode" dc:"HTTP status of the last answer, 0 when none came"`
	LastError      string          `json:"lastError"`
	DeliveredAt    string          `json:"deliveredAt"`
	CreatedAt      string          `json:"createdAt"`
	UpdatedAt      string          `json:"updatedAt"`
	Data           json.RawMessage `json:"data"           dc:"the body's data"`
}

type OutboxDeliveriesReq struct {
	g.Meta `path:"/system/outbox/{id}/deliveries" method:"get" tags:"系统 System" summary:"Delivery attempts of one event, newest first"`
	common.PageReq
	Id string `json:"id" in:"path" v:"required|max-length:40" dc:"event id"`
}

type OutboxDeliveriesRes struct {
	Items []OutboxDeliveryItem `json:"items"`
	Total int                  `json:"total"`
}

type OutboxDeliveryItem struct {
	Id           int64  `json:"id"`
	EventId      string `json:"eventId"`
	Attempt      int    `json:"attempt"      dc:"1 for the first attempt ever; never reused"`
	Node         string `json:"node"         dc:"the node that sent it"`
	Url          string `json:"url"          dc:"where it was posted, without the query string"`
	Status       string `json:"status"       dc:"success or failed"`
	StatusCode   int    `json:"statusCode"   dc:"HTTP status of the answer, 0 when none came"`
	ResponseBody string `json:"responseBody" dc:"start of the answer's body"`
	Error        string `json:"error"        dc:"why the attempt failed"`
	DurationMs   int64  `json:"durationMs"`
	CreatedAt    string `json:"createdAt"`
}

type OutboxRedeliverReq struct {
	g.Meta `path:"/system/outbox/{id}/redeliver" method:"post" tags:"系统 System" summary:"Send an event again now, with a fresh attempt budget; it keeps its id"`
	Id     string `json:"id" in:"path" v:"required|max-length:40" dc:"event id"`
}

type OutboxRedeliverRes struct {
	OutboxItem
}
