package user

// WaitBackground blocks until the background pool has run every task queued so far, for tests
// that must show a mail was not sent without sleeping.
func WaitBackground() { backgroundPending.Wait() }
