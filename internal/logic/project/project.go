// Package project is the card platform's projects (项目管理, seed 001 §2.1): the third-party
// products whose cards Kami sells, their plans, and the credentials their OpenAPI calls use —
// an appKey with a sealed appSecret (rotated with a grace period), Ed25519 response-signing
// keys (rotated with both public keys published) and a webhook secret.
package project

import (
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/model"
	"kami/internal/service"
)

// Project and plan statuses.
const (
	StatusActive   = model.ProjectActive
	StatusDisabled = model.ProjectDisabled
)

type sProject struct {
	clock atomic.Pointer[clock.Clock]
}

func init() {
	service.RegisterProject(New())
}

// New returns the projects service on the system clock.
func New() *sProject {
	s := &sProject{}
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock; rotation grace periods are
// counted on it.
func (s *sProject) SetClock(c clock.Clock) { s.clock.Store(&c) }

// now is the service's time in UTC whole seconds, as DATETIME columns keep it.
func (s *sProject) now() *gtime.Time {
	return gtime.NewFromTime((*s.clock.Load()).Now().UTC().Truncate(time.Second))
}
