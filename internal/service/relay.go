// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	"kami/internal/clock"

	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	IRelay interface {
		// Models serves GET /v1/models and GET /v1/models/{model}.
		Models(r *ghttp.Request)
		// ChatCompletions serves POST /v1/chat/completions.
		ChatCompletions(r *ghttp.Request)
		// Embeddings serves POST /v1/embeddings.
		Embeddings(r *ghttp.Request)
		// UnknownURL answers every other /v1 path.
		UnknownURL(r *ghttp.Request)
		// SetClock is how boot (or a test) hands the service its clock: token expiry and log times
		// are measured on it.
		SetClock(c clock.Clock)
		// Invalidate drops the node's caches after a write to tokens, channels, prices, groups or a
		// user's status: the next request rebuilds the snapshot and re-reads the token.
		Invalidate(ctx context.Context)
	}
)

var (
	localRelay IRelay
)

func Relay() IRelay {
	if localRelay == nil {
		panic("implement not found for interface IRelay, forgot register?")
	}
	return localRelay
}

func RegisterRelay(i IRelay) {
	localRelay = i
}
