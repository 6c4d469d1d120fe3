package card

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"kami/internal/logic/outbox"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// WebhookTopic carries card events to a project's callbackUrl, signed with its webhook secret
// (openapi.md "Webhooks"); the event's Ref is the project id. The OpenAPI's events (activated,
// verified, unbound) go the same way.
const WebhookTopic = "project.webhook"

func init() {
	outbox.RegisterTopic(WebhookTopic, func(ctx context.Context, m outbox.Message) (string, string, error) {
		id, err := strconv.ParseInt(m.Ref, 10, 64)
		if err != nil {
			return "", "", err
		}
		p, err := service.Project().Find(ctx, id)
		if err != nil {
			return "", "", err
		}
		c, err := service.Project().Credentials(ctx, p.AppKey)
		if err != nil {
			return "", "", err
		}
		return p.CallbackUrl, string(c.WebhookSecret), nil
	})
}

// emitCard writes a card event into the outbox inside ctx's transaction, when the card's
// project has a callbackUrl and chose that event; otherwise nothing is written.
func emitCard(ctx context.Context, p *entity.Projects, typ string, c *entity.Cards, extra map[string]any) error {
	var events []string
	_ = json.Unmarshal([]byte(p.CallbackEvents), &events)
	if p.CallbackUrl == "" || !slices.Contains(events, typ) {
		return nil
	}
	data := map[string]any{"card": c.KeyMask, "cardId": c.Id, "batchId": c.BatchId, "status": c.Status,
		"activatedAt": timefmt.Ptr(c.ActivatedAt), "expiresAt": timefmt.Ptr(c.ExpiresAt)}
	for k, v := range extra {
		data[k] = v
	}
	_, err := service.Outbox().Emit(ctx, model.OutboxEvent{Topic: WebhookTopic, Type: typ,
		Ref: strconv.FormatInt(p.Id, 10), Data: data})
	return err
}
