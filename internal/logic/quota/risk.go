package quota

import "context"

// hold is an operation a risk rule stopped, to be filed for review with its amount frozen.
type heldOp struct {
	kind             string // transfer or withdrawal
	userID, toUserID int64
	withdrawalID     int64
	amount           int64
	remark           string
	rules            []string
}

// riskRules lists the rules (settings quota.risk*) an operation of kind by userID for amount
// breaks; empty: it may go through. It runs under the user's account lock, so counting recent
// operations cannot race with another of the same user's.
// TODO(review helper): single / frequency / afterIncoming rules.
func (s *sQuota) riskRules(ctx context.Context, kind string, userID, amount int64) ([]string, error) {
	return nil, nil
}

// hold freezes h's amount (a reservation) and files the review, in ctx's transaction, and
// tells the requester and the reviewers.
// TODO(review helper).
func (s *sQuota) hold(ctx context.Context, h heldOp) (int64, error) {
	return 0, nil
}
