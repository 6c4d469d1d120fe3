package errs

// Quota ledger codes: last two digits 20-29 (conventions.md). The core's 400 codes already
// reach 40023, so the quota's 400s start at 40024.
var (
	QuotaBelowMinimum  = define(40024, "QUOTA_BELOW_MINIMUM")
	QuotaRecipient     = define(40025, "QUOTA_RECIPIENT_INVALID")
	QuotaApproveAmount = define(40026, "QUOTA_APPROVE_AMOUNT_INVALID")
	QuotaInsufficient  = define(40920, "QUOTA_INSUFFICIENT")
)
