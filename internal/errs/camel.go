package errs

// Camel oil codes (camel-oil.md): last two digits 80-86 (conventions.md). The merchant API's
// signing failures reuse the OpenAPI's codes: the contract names them the same.
var (
	// CamelPhoneExists: the phone is already in the account pool.
	CamelPhoneExists = define(40980, "CAMEL_OIL_PHONE_EXISTS")
	// CamelAccountBusy: the account still has pending_pay orders, so it cannot be deleted.
	CamelAccountBusy = define(40981, "CAMEL_OIL_ACCOUNT_BUSY")
)
