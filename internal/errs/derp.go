package errs

// DERP rental codes (spec/derp.md §5): last two digits 60-69 (conventions.md). An insufficient
// balance is the ledger's own QUOTA_INSUFFICIENT; the idempotency clashes are the core's.
var (
	// DerpNotDistributor: the agent or agent-admin has no tier (or was removed as a distributor).
	DerpNotDistributor = define(40360, "DERP_NOT_DISTRIBUTOR")
	// DerpNotCustomer: a /api/derp/me route called by someone who is not a member.
	DerpNotCustomer = define(40361, "DERP_NOT_CUSTOMER")
	// SerialInvalid: unknown, used, expired and void serials alike, so a guess learns nothing.
	SerialInvalid = define(40960, "SERIAL_INVALID")
	// DerpNoCapacity: no eligible server took a container; nothing was written.
	DerpNoCapacity = define(40961, "DERP_NO_CAPACITY")
	// RentalExpired and RentalSuspended refuse a download of a rental that does not serve.
	RentalExpired   = define(40962, "RENTAL_EXPIRED")
	RentalSuspended = define(40963, "RENTAL_SUSPENDED")
	// Provisioning: the rental has no placed container yet.
	Provisioning = define(40964, "PROVISIONING")
	// DerpInvalidState: a guarded transition found the row in another state.
	DerpInvalidState = define(40965, "DERP_INVALID_STATE")
	// DerpDeviceLimit: the rental already has maxDevices approved devices.
	DerpDeviceLimit = define(40966, "DERP_DEVICE_LIMIT")
	// DerpSettlementPending: deregistration of an account with an open order or a debt.
	DerpSettlementPending = define(40967, "DERP_SETTLEMENT_PENDING")
)
