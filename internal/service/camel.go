// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/camel/v1"
	mv1 "kami/api/camelmerchant/v1"
	"kami/internal/clock"
	"kami/internal/model"

	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	ICamel interface {
		// ExportAccounts writes the pool, oldest first, through the shared StreamWriter export; the
		// password and token columns are never read.
		ExportAccounts(ctx context.Context, req *v1.AccountExportReq) (*model.Download, error)
		// ListAccounts pages through the pool; never a password or a token.
		ListAccounts(ctx context.Context, req *v1.AccountListReq) (*v1.AccountListRes, error)
		GetAccount(ctx context.Context, req *v1.AccountGetReq) (*v1.AccountGetRes, error)
		// CreateAccount adds a phone to the pool in pending_login; the password is sealed.
		CreateAccount(ctx context.Context, req *v1.AccountCreateReq) (*v1.AccountCreateRes, error)
		// UpdateAccount changes the limit, remark or password. A lower limit takes effect at the next
		// dispatch: the guarded UPDATE compares against the column, so no account goes over it.
		UpdateAccount(ctx context.Context, req *v1.AccountUpdateReq) (*v1.AccountUpdateRes, error)
		// SetAccountStatus is the admin's disable (from any status) or enable (disabled or invalid →
		// pending_login); 409 INVALID_STATE for anything else or when a racing change won.
		SetAccountStatus(ctx context.Context, req *v1.AccountStatusReq) (*v1.AccountStatusRes, error)
		// DeleteAccount soft-deletes an account with no pending_pay order; phone_key is cleared so the
		// phone can be added again. The order check and the delete share a transaction; a dispatch that
		// picks the account meanwhile is refused by its status guard once deleted_at is set.
		DeleteAccount(ctx context.Context, req *v1.AccountDeleteReq) (*v1.AccountDeleteRes, error)
		// AccountHistory pages through an account's status changes, newest first.
		AccountHistory(ctx context.Context, req *v1.AccountHistoryReq) (*v1.AccountHistoryRes, error)
		// AcquireAccounts takes count numbers from the SMS-code platform and adds each as a new
		// pending_login account. Every number is released again at once: the login occupies the
		// account's own number when it runs, so none is held (and paid for) while the account waits.
		// A number already in the pool is skipped; the first platform failure ends the run with what
		// was created so far, or 503 when nothing was.
		AcquireAccounts(ctx context.Context, req *v1.AccountAcquireReq) (*v1.AccountAcquireRes, error)
		// SetClock is how boot (or a test) hands the service its clock: the daily counters' date and
		// every timestamp come from it.
		SetClock(c clock.Clock)
		// ImportAccounts adds the rows of an uploaded .xlsx or .csv to the pool in pending_login, each
		// row on its own: a phone already in the pool (or earlier in the file) is a duplicate, a bad
		// row is reported by its row number, and neither stops the rest.
		ImportAccounts(ctx context.Context, req *v1.AccountImportReq) (*v1.AccountImportRes, error)
		// LoginAccount is POST /accounts/{id}/login: pending_login → logging_in now (guarded, 409
		// INVALID_STATE otherwise), the SMS round trip in the background.
		LoginAccount(ctx context.Context, req *v1.AccountLoginReq) (*v1.AccountLoginRes, error)
		// CheckAccount is POST /accounts/{id}/check: platform.CheckToken; a rejected token sends the
		// account to pending_login.
		CheckAccount(ctx context.Context, req *v1.AccountCheckReq) (*v1.AccountCheckRes, error)
		// LoginRun is one run of camel_oil.login: stuck logins back to pending_login, then — when the
		// online accounts' room today is under capacityFloor — up to loginsAtOnce logins, oldest first.
		LoginRun(ctx context.Context) (int, error)
		// TokenCheckRun is one run of camel_oil.token_check: online accounts whose token expires
		// within the hour go to pending_login and log in again.
		TokenCheckRun(ctx context.Context) (int, error)
		// MerchantMiddleware runs every route of /merchant/v1/camel-oil (camel-oil.md §4): the
		// OpenAPI's signed-request check (internal/logic/openapi/signed) with the merchants as its key
		// space, the merchant's status and IP allow-list, its GCRA rate limit and the nonce, then the
		// handler, and the answer in the OpenAPI's envelope. No admin middleware runs here.
		MerchantMiddleware(r *ghttp.Request)
		ListMerchants(ctx context.Context, req *v1.MerchantListReq) (*v1.MerchantListRes, error)
		// CreateMerchant issues the merchant's appKey, appSecret and webhookSecret; the secrets are
		// stored sealed (HMAC needs them back in the clear) and answered only here.
		CreateMerchant(ctx context.Context, req *v1.MerchantCreateReq) (*v1.MerchantCreateRes, error)
		UpdateMerchant(ctx context.Context, req *v1.MerchantUpdateReq) (*v1.MerchantUpdateRes, error)
		SetMerchantStatus(ctx context.Context, req *v1.MerchantStatusReq) (*v1.MerchantStatusRes, error)
		// RotateMerchantSecret issues a new appSecret; the current one becomes the previous secret,
		// verifying for secretGrace, and a previous one still in its grace is dropped, so at most two
		// verify at any time.
		RotateMerchantSecret(ctx context.Context, req *v1.MerchantRotateReq) (*v1.MerchantRotateRes, error)
		ListOrders(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error)
		GetOrder(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error)
		OrderHistory(ctx context.Context, req *v1.OrderHistoryReq) (*v1.OrderHistoryRes, error)
		// RefreshOrder asks the platform about one order now, as the payment poll would; a paid or
		// late-window-over order is answered as it stands.
		RefreshOrder(ctx context.Context, req *v1.OrderRefreshReq) (*v1.OrderRefreshRes, error)
		// NotifyOrder redelivers a paid order's callback through the outbox (a fresh attempt budget).
		NotifyOrder(ctx context.Context, req *v1.OrderNotifyReq) (*v1.OrderNotifyRes, error)
		// ExportOrders writes the filtered orders, newest first, through the shared StreamWriter export.
		ExportOrders(ctx context.Context, req *v1.OrderExportReq) (*model.Download, error)
		// PaymentPoll is one run of camel_oil.payment_poll: the due pending_pay and expired orders
		// (a batch, a few at a time) asked of the platform. The job runs once per tick across nodes,
		// and every transition is guarded, so even pollers racing on several nodes make one change
		// and one callback.
		PaymentPoll(ctx context.Context) (int, error)
		// DailyReset is one run: every paused_daily account whose daily_date is before today goes back
		// online when its token is still valid, else to pending_login, each with its history row. The
		// counters need no write: a date that is not today reads as 0. Only past dates qualify and each
		// move is guarded on paused_daily, so a run mid-day or on two nodes at once changes nothing twice.
		DailyReset(ctx context.Context) (int, error)
		GetSettings(context.Context, *v1.SettingsGetReq) (*v1.SettingsGetRes, error)
		// UpdateSettings writes the given subset through the core settings (validated, audited, live on
		// every node within 2 s), all or nothing; minAmount may not exceed maxAmount afterwards.
		UpdateSettings(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error)
		// Statistics reads the pool and the orders. The account figures come from one read of the live
		// accounts' counters (a pool is thousands of rows, not millions); orders are counted per day by
		// their creation (orders) and payment (paid) in the Asia/Shanghai day.
		Statistics(ctx context.Context, _ *v1.StatisticsReq) (*v1.StatisticsRes, error)
		// SubmitOrder is POST /merchant/v1/camel-oil/orders (camel-oil.md §2): one merchantOrderNo is
		// submitted once at a time (Redis lock, else 409 ORDER_IN_PROGRESS); a known number answers
		// its order as it stands (same amount) or 409 DUPLICATE_ORDER_NO; otherwise a slot is
		// reserved on an account and the platform is asked for a pay URL outside every lock.
		SubmitOrder(ctx context.Context, req *mv1.SubmitReq) (*mv1.SubmitRes, error)
		// QueryMerchantOrder is POST /merchant/v1/camel-oil/orders/query: the calling merchant's order
		// by its number or Kami's; another merchant's order is not found.
		QueryMerchantOrder(ctx context.Context, req *mv1.QueryReq) (*mv1.QueryRes, error)
	}
)

var (
	localCamel ICamel
)

func Camel() ICamel {
	if localCamel == nil {
		panic("implement not found for interface ICamel, forgot register?")
	}
	return localCamel
}

func RegisterCamel(i ICamel) {
	localCamel = i
}
