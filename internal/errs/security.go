package errs

// Security monitoring codes: last two digits 87-91 (conventions.md).
var (
	// UnlockSelf: an anomaly lock is lifted by the user's superior, never by the user.
	UnlockSelf = define(40387, "SECURITY_UNLOCK_SELF")
	// LockNotActive: the lock was lifted already (or expired).
	LockNotActive = define(40987, "SECURITY_LOCK_NOT_ACTIVE")
	// AnomalyLocked: the account is locked by an anomaly measure until its superior lifts it.
	AnomalyLocked = define(42387, "ACCOUNT_ANOMALY_LOCKED")
)

// SMS (seed 001 §12.2): only approved templates, with exactly their declared parameters.
var (
	SMSTemplateNotApproved = define(40088, "SMS_TEMPLATE_NOT_APPROVED")
	SMSParamInvalid        = define(40089, "SMS_PARAM_INVALID")
)

// SMS login codes (security.loginSmsCode): the second step of a login of an account with a phone.
var (
	// SMSCodeRequired: the password was right; a code was sent to the account's phone.
	SMSCodeRequired = define(40090, "SMS_CODE_REQUIRED")
	// SMSCodeInvalid: the code is wrong, used or expired (a new login sends another).
	SMSCodeInvalid = define(40091, "SMS_CODE_INVALID")
)
