package errs

// OpenAPI call-log codes (the admin lists of internal/logic/apicalls): 40048-40049 of the
// OpenAPI's range 40-49, whose lower codes are the OpenAPI's own.
var (
	// CallsDayInvalid: a day is not a calendar day written YYYY-MM-DD; the parameter names the field.
	CallsDayInvalid = define(40048, "CALLS_DAY_INVALID")
	// CallsRangeInvalid: from is after to, or the range spans more than the parameter's days.
	CallsRangeInvalid = define(40049, "CALLS_RANGE_INVALID")
)
