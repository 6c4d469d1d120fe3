package errs

// Camel oil codes (camel-oil.md): last two digits 80-86 (conventions.md). The merchant API's
// signing failures reuse the OpenAPI's codes: the contract names them the same.
var (
	// CamelPhoneExists: the phone is already in the account pool.
	CamelPhoneExists = define(40980, "CAMEL_OIL_PHONE_EXISTS")
	// CamelAccountBusy: the account still has pending_pay orders, so it cannot be deleted.
	CamelAccountBusy = define(40981, "CAMEL_OIL_ACCOUNT_BUSY")
)

// The merchant API's and dispatch's refusals (camel-oil.md §2, §4).
var (
	// CamelNoCapacity: no online account has room today; Retry-After says when to try again.
	CamelNoCapacity = define(42980, "NO_CAPACITY")
	// CamelOrderInProgress: the same merchantOrderNo is being submitted right now.
	CamelOrderInProgress = define(40982, "ORDER_IN_PROGRESS")
	// CamelDuplicateOrderNo: the merchantOrderNo exists with another amount.
	CamelDuplicateOrderNo = define(40983, "DUPLICATE_ORDER_NO")
	// CamelPlatformUnavailable: the platform timed out or failed; no order was made.
	CamelPlatformUnavailable = define(50380, "PLATFORM_UNAVAILABLE")
	// CamelMerchantDisabled: the merchant was disabled by the super-admin.
	CamelMerchantDisabled = define(40380, "MERCHANT_DISABLED")
	// CamelIPNotAllowed: the caller's address is not on the merchant's allow-list.
	CamelIPNotAllowed = define(40381, "IP_NOT_ALLOWED")
	// CamelOrderNotFound: no order of the calling merchant has that number.
	CamelOrderNotFound = define(40480, "ORDER_NOT_FOUND")
)

// The account import's refusals of a whole file (camel-oil.md §6); a bad row is reported in the answer instead.
var (
	// CamelImportTooManyRows: the file has more than 5,000 data rows.
	CamelImportTooManyRows = define(40084, "CAMEL_OIL_IMPORT_TOO_MANY_ROWS")
	// CamelImportBadFile: not a readable .xlsx or UTF-8 .csv, or no phone column in the header row.
	CamelImportBadFile = define(40085, "CAMEL_OIL_IMPORT_BAD_FILE")
	// CamelImportTooLarge: the file is over 2 MB.
	CamelImportTooLarge = define(41380, "CAMEL_OIL_IMPORT_TOO_LARGE")
)
