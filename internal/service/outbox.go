// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/system/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
)

type (
	IOutbox interface {
		// List answers events, newest first, filtered by status, topic and ref.
		List(ctx context.Context, req *v1.OutboxListReq) (*v1.OutboxListRes, error)
		// Deliveries is the attempt log of one event, newest first.
		Deliveries(ctx context.Context, req *v1.OutboxDeliveriesReq) (*v1.OutboxDeliveriesRes, error)
		// Redeliver makes an event due now with a fresh attempt budget, whatever its state; it keeps
		// its id, so a subscriber that had it already can tell. An attempt in flight keeps going, but
		// no longer moves the event (its lease is dropped here), so the event is sent again.
		Redeliver(ctx context.Context, req *v1.OutboxRedeliverReq) (*v1.OutboxRedeliverRes, error)
		// Emit writes an event and returns its id. Called with the ctx of a transaction
		// (g.DB().Transaction), the row is written in that transaction: committed with the change that
		// caused it, or not at all. It is then delivered at least once, from any node.
		Emit(ctx context.Context, e model.OutboxEvent) (string, error)
		// SetClock hands the outbox its clock (backoff, leases, due times); boot calls it before Start.
		SetClock(c clock.Clock)
		// Configure hands the outbox the configuration it reads (this node's id for leases); boot
		// calls it before Start.
		Configure(cfg func() *config.Config)
		// Start fixes the topic registry and starts this node's poll loop. After Stop it starts
		// again; while running it does nothing.
		Start(ctx context.Context) error
		// Stop ends claiming and waits for the attempts in flight, which end within outbox.timeout,
		// to be sent and recorded, so a graceful stop leaves no lease behind for others to wait out.
		Stop()
	}
)

var (
	localOutbox IOutbox
)

func Outbox() IOutbox {
	if localOutbox == nil {
		panic("implement not found for interface IOutbox, forgot register?")
	}
	return localOutbox
}

func RegisterOutbox(i IOutbox) {
	localOutbox = i
}
