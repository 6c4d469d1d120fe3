package derp

// The states of §4 that this package's guarded UPDATEs move between.
const (
	rentalActive       = "active"
	rentalSuspended    = "suspended"
	rentalExpired      = "expired"
	rentalDeregistered = "deregistered"

	serialUsed    = "used"
	serialExpired = "expired"
	serialVoid    = "void"

	orderPendingReview = "pending_review"
	orderCompleted     = "completed"
	orderRejected      = "rejected"
	orderCancelled     = "cancelled"

	containerRunning = "running"
	containerPending = "pending"
)
