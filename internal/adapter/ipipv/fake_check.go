package ipipv

import "encoding/json"

// The fake's side of what the consistency job reads and what its tests change behind Kami's
// back: a user's limit as the upstream holds it, instances opened elsewhere, and the balance.

// userInfo answers proxy/user/info/v2 from the limits last pushed (-1 when none was).
func (f *Fake) userInfo(params json.RawMessage) (any, int, string) {
	var p struct{ ProductNo, AppUsername string }
	_ = json.Unmarshal(params, &p)
	limit, ok := f.limits[p.AppUsername+"/"+p.ProductNo]
	if !ok {
		limit = -1
	}
	return UserFlow{LimitFlow: limit}, 200, ""
}

// SetLimit changes a user's limit upstream without Kami knowing (drift).
func (f *Fake) SetLimit(appUsername, productNo string, limit int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits[appUsername+"/"+productNo] = limit
}

// AddInstance makes an instance exist upstream that no Kami order delivered.
func (f *Fake) AddInstance(in Instance) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.instProduct[in.InstanceNo] = in.ProductNo
	f.remember(in)
}

// SpendCoin lowers the upstream balance by fen as if spent outside Kami (negative: a top-up).
func (f *Fake) SpendCoin(fen int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.coin -= fen
}
