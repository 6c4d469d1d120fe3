package payment

import "kami/internal/config"

// Configure is how boot hands the service its configuration (the ledger's unit).
func (s *sPayment) Configure(cfg func() *config.Config) { s.cfg.Store(&cfg) }

// unitsPerYuan is the ledger's unit (kami.quota.unitsPerYuan; 100 before boot configures it).
func (s *sPayment) unitsPerYuan() int64 {
	if c := s.cfg.Load(); c != nil {
		if u := (*c)().Quota.UnitsPerYuan; u > 0 {
			return u
		}
	}
	return 100
}

// fen is what an amount of units costs in 分, the providers' unit; ok is false when it is not a
// whole number of 分 (such an amount cannot be charged exactly, so it is refused).
func (s *sPayment) fen(units int64) (fen int64, ok bool) {
	u := s.unitsPerYuan()
	if units*100%u != 0 {
		return 0, false
	}
	return units * 100 / u, true
}
