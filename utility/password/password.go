// Package password hashes and checks account passwords with bcrypt and applies the strength rule.
package password

import (
	"errors"
	"unicode"

	"golang.org/x/crypto/bcrypt"
)

// Cost is the bcrypt cost; tests lower it to bcrypt.MinCost to keep hundreds of logins fast.
var Cost = bcrypt.DefaultCost

var ErrWeak = errors.New("password too weak")

// Hash returns the bcrypt hash of plain.
func Hash(plain string) (string, error) {
	b, err := bcrypt.GenerateFromPassword([]byte(plain), Cost)
	return string(b), err
}

// Verify reports whether plain matches hash, in constant time for equal-length inputs.
func Verify(hash, plain string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(plain)) == nil
}

// dummyHash lets a login for an unknown user spend the same time as a wrong password, so
// response timing does not reveal which usernames exist.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("kami-dummy-password"), bcrypt.DefaultCost)

// Burn spends one hash comparison.
func Burn(plain string) { _ = bcrypt.CompareHashAndPassword(dummyHash, []byte(plain)) }

// Check enforces the rule: 8 to 72 bytes (bcrypt's limit), at least one letter and one digit.
func Check(plain string) error { return CheckPolicy(plain, Policy{MinLength: 8}) }

// Policy is what a password must have beyond letters and digits.
type Policy struct {
	MinLength int  // bytes, at least 8; bcrypt reads 72 at most, so longer is refused
	Symbol    bool // also something that is neither letter nor digit
}

// CheckPolicy is Check under an operator's policy.
func CheckPolicy(plain string, p Policy) error {
	if p.MinLength < 8 {
		p.MinLength = 8
	}
	if len(plain) < p.MinLength || len(plain) > 72 {
		return ErrWeak
	}
	var letter, digit, symbol bool
	for _, c := range plain {
		switch {
		case unicode.IsLetter(c):
			letter = true
		case unicode.IsDigit(c):
			digit = true
		case unicode.IsControl(c):
			return ErrWeak
		default:
			symbol = true
		}
	}
	if !letter || !digit || (p.Symbol && !symbol) {
		return ErrWeak
	}
	return nil
}
