package openapi

import (
	"context"
	"slices"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/logic/card"
	"kami/internal/model"
	"kami/internal/service"
)

// emitCard writes a card event into the outbox inside ctx's transaction, when the project has
// a callbackUrl and chose the event (openapi.md "Webhooks"); the card module's events go the
// same way, through the same topic.
func emitCard(ctx context.Context, p *projectState, typ string, c *cardState, extra g.Map) error {
	if !p.wants(typ) {
		return nil
	}
	data := g.Map{"card": c.Mask, "cardId": c.ID, "batchId": c.BatchID, "status": c.Status,
		"activatedAt": unixPtr(c.ActivatedAt), "expiresAt": unixPtr(c.ExpiresAt)}
	for k, v := range extra {
		data[k] = v
	}
	_, err := service.Outbox().Emit(ctx, model.OutboxEvent{Topic: card.WebhookTopic, Type: typ,
		Ref: strconv.FormatInt(p.ID, 10), Data: data})
	return err
}

// wants reports whether the project subscribed to event typ.
func (p *projectState) wants(typ string) bool {
	return p.CallbackURL != "" && slices.Contains(p.CallbackEvents, typ)
}
