// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/card/v1"
	"kami/internal/clock"
	"kami/internal/model"
)

type (
	ICard interface {
		// Batches pages through the batches in the caller's scope. Only finished batches are listed:
		// a pending one is still inside its transaction, and a failed one left no row.
		Batches(ctx context.Context, req *v1.BatchListReq) (*v1.BatchListRes, error)
		// Batch answers one batch in scope with its cards counted by status.
		Batch(ctx context.Context, req *v1.BatchGetReq) (*v1.BatchGetRes, error)
		// DisableBatch makes every card of the batch answer DISABLED; the cards keep their own status,
		// so enabling the batch again restores each as it was. Disabling a disabled batch changes nothing.
		DisableBatch(ctx context.Context, req *v1.BatchDisableReq) (*v1.BatchDisableRes, error)
		// EnableBatch lifts a batch's disablement.
		EnableBatch(ctx context.Context, req *v1.BatchEnableReq) (*v1.BatchEnableRes, error)
		// CreateBatch generates req.Count cards of a plan for the caller (seed 001 §3.1). The charge
		// (count x price units) is reserved, the batch and its cards are written and the reservation
		// committed in one transaction opened under the caller's account lock, so a failure anywhere
		// leaves nothing behind — no batch, no card, no quota moved — and racing batches of one agent
		// queue on the lock while the ledger's guarded UPDATE refuses any overspend. The super-admin
		// generates for any project without a charge (its side is the system account). A retry with
		// the request's Idempotency-Key answers the first batch, even after the Redis record is gone.
		CreateBatch(ctx context.Context, req *v1.BatchCreateReq) (*v1.BatchCreateRes, error)
		// SetClock is how boot (or a test) hands the service its clock: activation windows, unbind
		// cooldowns and the expiry job are measured on it.
		SetClock(c clock.Clock)
		// List pages through the cards in the caller's scope. keyword is a whole key: it is hashed like
		// the stored keys and found by the index, never compared as text (no key is stored in clear).
		List(ctx context.Context, req *v1.CardListReq) (*v1.CardListRes, error)
		// Get answers one card in scope with its devices and latest verifications.
		Get(ctx context.Context, req *v1.CardGetReq) (*v1.CardGetRes, error)
		// Expire is one run of the job: every active card whose expires_at passed becomes expired, each
		// in its own transaction with its card.expired event, claimed by a conditional UPDATE so a
		// disablement or another run racing it never produces a second event. (A verification finds
		// such a card EXPIRED by its date before the job marks it.) It answers how many it marked.
		Expire(ctx context.Context) (int, error)
		// ExportBatch prepares every card of a batch in scope (not a page) as an .xlsx or .csv download
		// with the plain keys, opened from their sealed copies. The file is written completely — to
		// excelize's StreamWriter, which spools rows to a temporary file, or to a temporary CSV file —
		// before a byte is sent, so a failure answers an error instead of a cut file; then the export
		// is written to the audit table (who, batch, format, rows, IP).
		ExportBatch(ctx context.Context, req *v1.BatchExportReq) (*model.Download, error)
		// SetStatus disables a card, or enables it again.
		SetStatus(ctx context.Context, req *v1.CardStatusReq) (*v1.CardStatusRes, error)
		// SetStatuses disables or enables a selection of cards: all in the caller's scope or none.
		SetStatuses(ctx context.Context, req *v1.CardsStatusReq) (*v1.CardsStatusRes, error)
		// Unbind releases every device of a card in scope (seed 001 §3.3): only an active card before
		// its expiry, within the project's limit (max_unbinds over the card's life) and cooldown
		// (unbind_cooldown seconds since its last unbind). The validity is never reset: the card stays
		// active with boundDevices 0 (the panel shows 未绑定) and the next verification binds the new
		// device without touching expiresAt. The guarded UPDATE on version makes two racing unbinds
		// count once; the operation log records it in the same transaction.
		Unbind(ctx context.Context, req *v1.CardUnbindReq) (*v1.CardUnbindRes, error)
	}
)

var (
	localCard ICard
)

func Card() ICard {
	if localCard == nil {
		panic("implement not found for interface ICard, forgot register?")
	}
	return localCard
}

func RegisterCard(i ICard) {
	localCard = i
}
