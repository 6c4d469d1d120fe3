package model

import "time"

// Parts of an account a ledger entry moves.
const (
	BucketAvailable = "available"
	BucketFrozen    = "frozen"
)

// SystemAccount is the counter-party of system recharges and of what leaves the platform
// (withdrawals paid out, quota spent on cards or relay calls). It has entries, never a balance
// row: the sum of its entries is minus everything the users hold.
const SystemAccount int64 = 0

// Ledger movement types of the quota module itself; other modules pass their own
// ("card_batch", "relay", "proxy_order", ...).
const (
	QuotaTypeSystemRecharge = "system_recharge" // the super-admin's recharge, without limit
	QuotaTypeRecharge       = "recharge"        // an agent-admin's recharge of its agent, from its own quota
	QuotaTypeInitial        = "initial_quota"   // quota given to a new agent by its creator
	QuotaTypeTransfer       = "transfer"
	QuotaTypeWithdrawal     = "withdrawal"
)

// QuotaMove is one Debit or Credit: Amount units leave (Debit) or reach (Credit) the user's
// available quota, against the system account.
type QuotaMove struct {
	UserID int64
	Amount int64
	Type   string
	Ref    string // the business object: "batch:12", "order:abc"
	Remark string
	// IdemKey makes the call safe to repeat: a second call with the key changes nothing and
	// returns the first call's movement. Empty: no idempotency.
	IdemKey string
}

// QuotaTransfer moves Amount from one user's available quota to another's.
type QuotaTransfer struct {
	FromUserID, ToUserID int64
	Amount               int64
	Type                 string
	Ref, Remark, IdemKey string
}

// QuotaReserve freezes Amount of the user's available quota for pending work until it is
// committed or released. Open reservations past Deadline are listed for the module's sweeper.
type QuotaReserve struct {
	UserID   int64
	Amount   int64
	Type     string
	Ref      string
	Remark   string
	IdemKey  string
	Deadline time.Time // zero: no deadline
	// FreshKey says IdemKey was made for this call (from a random request id), so no movement
	// can hold it yet: Reserve skips the replay read. A duplicate still fails on the
	// movement's UNIQUE key (409 IDEMPOTENCY_IN_PROGRESS), with nothing written.
	FreshKey bool
}

// QuotaCommit options: IdemKey as elsewhere; AllowOverage lets the collected amount exceed the
// reservation (the relay learns a call's cost only at its end), taking the excess from
// available down to zero.
type QuotaCommit struct {
	IdemKey      string
	AllowOverage bool
	Remark       string
	// Opened, from a caller that opened the reservation itself and holds its account lock,
	// is the reservation as it wrote it (ID, UserID, Amount, Type, Ref): Commit does not read
	// it. The close's guard checks each of them and that it is still open, so a wrong or
	// settled one fails 409 INVALID_STATE with nothing written; there is no replay by IdemKey.
	Opened *QuotaReservation
}

// QuotaReservation is a reservation as the ledger keeps it.
type QuotaReservation struct {
	ID        int64
	UserID    int64
	Amount    int64 // reserved (frozen) while open
	Collected int64 // what its commit took
	Type      string
	Ref       string
	Status    string // open, committed, released
	Deadline  *time.Time
	CreatedAt time.Time
}

// Reservation statuses.
const (
	ReservationOpen      = "open"
	ReservationCommitted = "committed"
	ReservationReleased  = "released"
)

// QuotaBalance is one account's two parts.
type QuotaBalance struct {
	UserID    int64
	Available int64
	Frozen    int64
}
