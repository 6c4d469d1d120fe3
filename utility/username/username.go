// Package username is the single canonical form of a login name and the two rules a name
// follows. Every backend compares the canonical form byte for byte, so the database collation,
// the Redis failure counters and the lock all agree on which account a typed name means.
package username

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLen is the longest name in characters: an email address, the longer of the two rules.
const MaxLen = 128

var (
	// ErrStaff and ErrEmail say which rule a name broke; callers map them to the rule's message.
	ErrStaff = errors.New("username: a letter first, then letters, digits and underscores, 4 to 32 characters")
	ErrEmail = errors.New("username: an email address of at most 128 characters")
)

// Canonical is the form names are stored, looked up and counted under: NFKC (fullwidth and
// other compatibility forms become their plain letters), lower-case, and trimmed of spaces.
// Control characters are kept on purpose: dropping them would make "agent3\x00" a silent alias
// of "agent3"; kept, such a name fails both rules at create and matches no account at login.
func Canonical(s string) string {
	s = norm.NFKC.String(s)
	// Lower-casing can leave a sequence NFKC would compose; normalizing again makes Canonical
	// idempotent, which the unique key relies on.
	s = norm.NFKC.String(strings.ToLower(s))
	return strings.TrimFunc(s, isPadding)
}

// isPadding is white space that is not a control character (tab, LF... stay, see Canonical).
func isPadding(r rune) bool { return unicode.IsSpace(r) && !unicode.IsControl(r) }

var (
	staffRe = regexp.MustCompile(`^[a-z][a-z0-9_]{3,31}$`)
	// emailRe is gf's `email` validation rule on the lower-cased address, so any address the
	// email field of an account accepts is also accepted as a customer's name.
	emailRe = regexp.MustCompile(`^[a-z0-9_\-.]+@[a-z0-9_\-]+(\.[a-z0-9_\-]+)+$`)
)

// CheckStaff applies the staff rule to a canonical name: a letter first, then letters, digits
// and underscores, 4 to 32 characters. Only ASCII letters pass, so no name has a look-alike.
func CheckStaff(canonical string) error {
	if !staffRe.MatchString(canonical) {
		return ErrStaff
	}
	return nil
}

// CheckEmail applies the customer rule to a canonical name: the customer's email address.
func CheckEmail(canonical string) error {
	if utf8.RuneCountInString(canonical) > MaxLen || !emailRe.MatchString(canonical) {
		return ErrEmail
	}
	return nil
}
