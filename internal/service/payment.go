// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/payment/v1"
	"kami/internal/clock"
	"kami/internal/config"
)

type (
	IPayment interface {
		// CloseExpired closes the expired pending orders and answers how many it closed. Each gets a
		// last query first (a payment made just before the timeout is credited, not lost), then the
		// provider's close, then the guarded pending → closed update: a confirmation racing it wins or
		// loses cleanly.
		CloseExpired(ctx context.Context) (int, error)
		// List is the orders in the caller's scope: an agent's own, an agent-admin's and its agents',
		// everyone's for the super-admin.
		List(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error)
		// Get is one order in the caller's scope with its log, oldest step first.
		Get(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error)
		// Notify takes a provider's asynchronous notification: the channel's adapter verifies its
		// signature and reads the trade, confirm applies it, and the provider gets the answer it
		// expects (anything else makes it retry, which a refused notify should get: 400).
		Notify(ctx context.Context, req *v1.NotifyReq) (*v1.NotifyRes, error)
		// Topup is the top-up page's data: the channels enabled and configured, and the limits.
		Topup(ctx context.Context, _ *v1.TopupReq) (*v1.TopupRes, error)
		// Create opens a pending order for the caller and registers it with the provider. Only the
		// holders of quota accounts (agent-admins, agents) top up.
		Create(ctx context.Context, req *v1.OrderCreateReq) (*v1.OrderCreateRes, error)
		// SetClock is how boot (or a test) hands the service its clock.
		SetClock(c clock.Clock)
		// Query is the manual re-query of one order in the caller's scope.
		Query(ctx context.Context, req *v1.OrderQueryReq) (*v1.OrderQueryRes, error)
		// QueryPending queries the orders pending past payment.queryAfter that have not expired (the
		// close job takes those) and answers how many it asked about.
		QueryPending(ctx context.Context) (int, error)
		// Refund gives a paid top-up back (the super-admin's), in two steps so no provider call runs
		// inside a database transaction (a slow provider held the row lock, and a commit failing after
		// the provider refunded would have left the payer refunded and still holding the quota):
		//  1. under the payer's account lock, one transaction: the guarded paid → refunding update and
		//     the ledger Debit of the amount (refused when the payer spent it);
		//  2. after the commit, the provider's refund, then the guarded refunding → refunded update.
		//
		// A provider failure leaves the order refunding with the quota already taken back (the money is
		// on its way to the payer, so the quota must not be spendable) and answers 503; repeating the
		// refund asks the provider again under the same refund number, derived from the order, so a
		// retry after a lost answer never becomes a second refund.
		Refund(ctx context.Context, req *v1.OrderRefundReq) (*v1.OrderRefundRes, error)
		// Configure is how boot hands the service its configuration (the ledger's unit).
		Configure(cfg func() *config.Config)
	}
)

var (
	localPayment IPayment
)

func Payment() IPayment {
	if localPayment == nil {
		panic("implement not found for interface IPayment, forgot register?")
	}
	return localPayment
}

func RegisterPayment(i IPayment) {
	localPayment = i
}
