package ipipv

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// ErrMoney refuses anything but a plain non-negative decimal: the upstream's yuan strings
// are parsed exactly (no floats) so a price never drifts by a fen.
var ErrMoney = errors.New("ipipv: malformed money string")

var moneyRe = regexp.MustCompile(`^\d+(\.\d+)?$`)

// YuanToFen parses a yuan string into fen, rounding half-up at the third decimal.
func YuanToFen(s string) (int64, error) {
	if !moneyRe.MatchString(s) {
		return 0, ErrMoney
	}
	intPart, frac, _ := strings.Cut(s, ".")
	frac += "000"
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || whole > math.MaxInt64/100-1 {
		return 0, ErrMoney
	}
	cents, _ := strconv.ParseInt(frac[:2], 10, 64)
	fen := whole*100 + cents
	if frac[2] >= '5' {
		fen++
	}
	return fen, nil
}

// FloatYuanToFen converts returnAmount (a JSON float): it is first formatted as the
// shortest decimal that round-trips (0.1+0.2 → "0.30000000000000004"), then parsed exactly.
func FloatYuanToFen(f float64) (int64, error) {
	if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, ErrMoney
	}
	return YuanToFen(strconv.FormatFloat(f, 'f', -1, 64))
}

// FlowBase normalises flowConversionBase: 1000 or 1024, 0 (unset) meaning 1024.
func FlowBase(b int) int64 {
	if b == 1000 {
		return 1000
	}
	return 1024
}

// GBToMB is what instance/open/v2 expects for a dynamic purchase of gb gigabytes.
func GBToMB(gb int64, base int) int64 { return gb * FlowBase(base) }

// GBToBytes is the flow a purchase adds to a proxy user's limit (1 MB = base² bytes).
func GBToBytes(gb int64, base int) int64 {
	b := FlowBase(base)
	return gb * b * b * b
}

// MBToBytes converts the MB figures of proxy/info/v2.
func MBToBytes(mb float64, base int) int64 {
	b := float64(FlowBase(base))
	return int64(math.Round(mb * b * b))
}
