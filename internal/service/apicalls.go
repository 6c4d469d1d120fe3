// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/apicalls/v1"
	"kami/internal/clock"
	"kami/internal/model"
)

type (
	IApiCalls interface {
		// SetClock hands the service its clock: the day a call is counted on is the clock's date in
		// the display zone. Boot calls it; tests pass a fake one.
		SetClock(c clock.Clock)
		// Count records one call of a project's endpoint ("verify", "query", "unbind", "keys") with
		// its result: a verification result (VALID, EXPIRED, ...), an unbind result, "OK", or the
		// machine code of a refused call (SIGNATURE_INVALID, RATE_LIMITED, ...). It is on the path of
		// every OpenAPI request: memory only, no I/O, no allocation once the key was seen this second,
		// safe from any number of goroutines.
		Count(projectID int64, endpoint string, result string)
		// Fail records a refused call for the project's troubleshooting log. It is buffered in memory:
		// of one project's refusals between two flushes only the newest openapi.failureLog are kept, so
		// a flood of bad requests never becomes a flood of writes.
		Fail(f model.ApiFailure)
		// Start starts this node's flush loop; while it runs it does nothing. After Stop it starts
		// again.
		Start(ctx context.Context) error
		// Stop ends the flush loop and writes what is buffered, so a graceful restart loses no count
		// and no refusal. Calls counted after Stop wait for the next Start (or Flush).
		Stop()
		// Flush writes what this node has buffered now: the counts into Redis, the refusals into
		// openapi_failures. The loop calls it every second and Stop once more; what fails stays
		// buffered for the next one.
		Flush(ctx context.Context) error
		// Drain is one run of the openapi.calls job: each member's hash is taken (takeScript), its
		// counts added to openapi_calls in one transaction with the batch id, then dropped from Redis.
		// A run that fails at any step leaves the draining hash; the next run adds it only if the
		// table does not hold its batch id yet, so a count is never lost nor added twice. It answers
		// how many (endpoint, result) counts it added.
		Drain(ctx context.Context) (int, error)
		// Calls answers a project's calls per day, endpoint and result over a range of days: the
		// table's rows plus what Redis holds not yet drained, so today is current to the last flush.
		Calls(ctx context.Context, req *v1.CallListReq) (*v1.CallListRes, error)
		// Failures pages through a project's last refused calls, newest first.
		Failures(ctx context.Context, req *v1.FailureListReq) (*v1.FailureListRes, error)
	}
)

var (
	localApiCalls IApiCalls
)

func ApiCalls() IApiCalls {
	if localApiCalls == nil {
		panic("implement not found for interface IApiCalls, forgot register?")
	}
	return localApiCalls
}

func RegisterApiCalls(i IApiCalls) {
	localApiCalls = i
}
