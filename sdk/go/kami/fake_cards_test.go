package kami

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// fakeCard is the little card state the fake keeps: enough for verify, query and unbind.
type fakeCard struct {
	maxDevices  int
	duration    time.Duration // 0: permanent
	devices     []string
	createdAt   time.Time
	activatedAt *time.Time
	unbindsLeft int
}

// AddCard adds an unused card of the fake's project.
func (f *FakeServer) AddCard(key string, maxDevices int, duration time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cards[normalizeKey(key)] = &fakeCard{maxDevices: maxDevices, duration: duration, createdAt: f.now(), unbindsLeft: 1}
}

// normalizeKey: lookups ignore case, surrounding spaces and the '-' separators.
func normalizeKey(k string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(k), "-", ""))
}

func (f *FakeServer) route(path string, body []byte, a *fakeAnswer) {
	var req struct {
		Card    string  `json:"card"`
		Device  *string `json:"device"`
		Version string  `json:"version"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Card == "" {
		a.fail(http.StatusBadRequest, 40040, CodeBadRequest)
		return
	}
	c := f.cards[normalizeKey(req.Card)]
	switch path {
	case PathVerify:
		if req.Device == nil || *req.Device == "" {
			a.fail(http.StatusBadRequest, 40040, CodeBadRequest)
			return
		}
		a.Data = f.verify(c, *req.Device)
		a.Data["nonce"] = a.Nonce
	case PathQuery:
		a.Data = map[string]any{"found": c != nil, "card": nil}
		if c != nil {
			view := f.view(c)
			view["createdAt"] = c.createdAt.UTC().Format(time.RFC3339)
			view["plan"] = map[string]any{"name": "test plan", "durationSeconds": int64(c.duration / time.Second)}
			a.Data["card"] = view
		}
	case PathUnbind:
		device := ""
		if req.Device != nil {
			device = *req.Device
		}
		a.Data = f.unbind(c, device)
	default:
		a.fail(http.StatusNotFound, 40440, "NOT_FOUND")
	}
}

func (f *FakeServer) verify(c *fakeCard, device string) map[string]any {
	now := f.now()
	out := map[string]any{"valid": false, "activated": false, "card": nil, "serverTime": now.UTC().Format(time.RFC3339)}
	switch {
	case c == nil:
		out["result"] = ResultNotFound
		return out
	case c.activatedAt == nil:
		at := now
		c.activatedAt, c.devices = &at, []string{device}
		out["activated"] = true
	case c.duration > 0 && !now.Before(c.activatedAt.Add(c.duration)):
		out["result"] = ResultExpired
	case contains(c.devices, device):
	case len(c.devices) < c.maxDevices:
		c.devices = append(c.devices, device)
	case c.maxDevices == 1:
		out["result"] = ResultDeviceMismatch
	default:
		out["result"] = ResultTooManyDevices
	}
	if out["result"] == nil {
		out["result"], out["valid"] = ResultValid, true
	}
	out["card"] = f.view(c)
	return out
}

func (f *FakeServer) view(c *fakeCard) map[string]any {
	v := map[string]any{"status": StatusUnused, "activatedAt": nil, "expiresAt": nil, "remainingSeconds": nil,
		"maxDevices": c.maxDevices, "boundDevices": len(c.devices)}
	if c.activatedAt != nil {
		v["status"] = StatusActive
		v["activatedAt"] = c.activatedAt.UTC().Format(time.RFC3339)
		if c.duration > 0 {
			exp := c.activatedAt.Add(c.duration)
			v["expiresAt"] = exp.UTC().Format(time.RFC3339)
			v["remainingSeconds"] = max(int64(exp.Sub(f.now())/time.Second), 0)
		}
	}
	return v
}

func (f *FakeServer) unbind(c *fakeCard, device string) map[string]any {
	switch {
	case c == nil:
		return map[string]any{"result": UnbindNotFound, "boundDevices": 0}
	case device != "" && !contains(c.devices, device):
		return map[string]any{"result": UnbindNotBound, "boundDevices": len(c.devices)}
	case c.unbindsLeft == 0:
		return map[string]any{"result": UnbindLimitReached, "boundDevices": len(c.devices), "retryAfter": 3600}
	}
	c.unbindsLeft--
	kept := []string{}
	for _, d := range c.devices {
		if device != "" && d != device {
			kept = append(kept, d)
		}
	}
	c.devices = kept
	return map[string]any{"result": UnbindUnbound, "boundDevices": len(c.devices)}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
