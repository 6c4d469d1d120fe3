package quota

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// The ledger's hot statements, written out rather than built by the ORM (dbx.Raw says what
// that saves): every relay request sends a Reserve and a Commit, and every card batch, order
// and renewal at least one movement. Table and column names come from the generated dao, so a
// renamed column fails the build instead of a statement.
var (
	acctCols = dao.QuotaAccounts.Columns()
	mvCols   = dao.QuotaMovements.Columns()
	enCols   = dao.QuotaEntries.Columns()
	resCols  = dao.QuotaReservations.Columns()

	sqlReplay = fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s = ?",
		mvCols.Id, mvCols.Fingerprint, mvCols.Result, dao.QuotaMovements.Table(), mvCols.IdemKey)
	// The guard: a part only goes down to the lower bound given (0 after the change, or no
	// bound for a part the movement adds to).
	sqlUpdateAccount = fmt.Sprintf("UPDATE %[1]s SET %[2]s = %[2]s + ?, %[3]s = %[3]s + ?, %[4]s = ? WHERE %[5]s = ? AND %[2]s >= ? AND %[3]s >= ?",
		dao.QuotaAccounts.Table(), acctCols.Available, acctCols.Frozen, acctCols.UpdatedAt, acctCols.UserId)
	sqlInsertMovement = dbx.InsertSQL(dao.QuotaMovements.Table(), 1, mvCols.IdemKey, mvCols.Fingerprint, mvCols.Type,
		mvCols.Ref, mvCols.OperatorId, mvCols.Amount, mvCols.Result, mvCols.CreatedAt)
	entryCols = []string{enCols.MovementId, enCols.UserId, enCols.Bucket, enCols.Amount, enCols.BalanceAfter, enCols.Type,
		enCols.CounterpartyId, enCols.OperatorId, enCols.Ref, enCols.Remark, enCols.IdemKey, enCols.CreatedAt}
	sqlInsertReservation = dbx.InsertSQL(dao.QuotaReservations.Table(), 1, resCols.UserId, resCols.Amount, resCols.Type,
		resCols.Ref, resCols.Status, resCols.Deadline, resCols.CreatedAt)
	sqlDeleteReservation = fmt.Sprintf("DELETE FROM %s WHERE %s = ?", dao.QuotaReservations.Table(), resCols.Id)
	sqlReservation       = fmt.Sprintf("SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s FROM %s WHERE %s = ?",
		resCols.Id, resCols.UserId, resCols.Amount, resCols.Collected, resCols.Type, resCols.Ref, resCols.Status,
		resCols.Deadline, resCols.CreatedAt, dao.QuotaReservations.Table(), resCols.Id)
	// A reservation with the movement an idempotency key made (NULL columns when none, or no key).
	sqlReservationAndReplay = fmt.Sprintf("SELECT r.%s, r.%s, r.%s, r.%s, r.%s, r.%s, r.%s, r.%s, r.%s, m.%s AS m_id, m.%s AS m_fp, m.%s AS m_result "+
		"FROM %s r LEFT JOIN %s m ON m.%s = ? WHERE r.%s = ?",
		resCols.Id, resCols.UserId, resCols.Amount, resCols.Collected, resCols.Type, resCols.Ref, resCols.Status,
		resCols.Deadline, resCols.CreatedAt, mvCols.Id, mvCols.Fingerprint, mvCols.Result,
		dao.QuotaReservations.Table(), dao.QuotaMovements.Table(), mvCols.IdemKey, resCols.Id)
	// The close's guard: the reservation is the one the caller means (a caller that opened it
	// names it without a read, QuotaCommit.Opened) and still open with the amount it had.
	sqlCloseReservation = fmt.Sprintf("UPDATE %s SET %s = ?, %s = ?, %s = ? WHERE %s = ? AND %s = ? AND %s = ? AND %s = ? AND %s = ? AND %s = ?",
		dao.QuotaReservations.Table(), resCols.Status, resCols.Collected, resCols.SettledAt, resCols.Id, resCols.UserId,
		resCols.Type, resCols.Ref, resCols.Status, resCols.Amount)
)

func ledgerSQL() dbx.Raw { return dbx.On(dao.QuotaAccounts.DB()) }

// noBound is the guard's lower bound for a part the movement does not take from.
const noBound = math.MinInt64

func lowerBound(d int64) int64 {
	if d < 0 {
		return -d
	}
	return noBound
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func sqlAccounts(n int) string {
	return fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s IN (%s)", acctCols.UserId, acctCols.Available, acctCols.Frozen,
		dao.QuotaAccounts.Table(), acctCols.UserId, strings.TrimSuffix(strings.Repeat("?,", n), ","))
}

// accountsOf reads the accounts of users (in the caller's transaction, after its updates).
func accountsOf(ctx context.Context, users []int64) (map[int64]entity.QuotaAccounts, error) {
	args := make([]any, len(users))
	for i, u := range users {
		args[i] = u
	}
	rows, err := ledgerSQL().All(ctx, sqlAccounts(len(users)), args...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]entity.QuotaAccounts, len(rows))
	for _, r := range rows {
		a := entity.QuotaAccounts{UserId: r[acctCols.UserId].Int64(), Available: r[acctCols.Available].Int64(),
			Frozen: r[acctCols.Frozen].Int64()}
		out[a.UserId] = a
	}
	return out, nil
}

func reservationOf(r gdb.Record) *entity.QuotaReservations {
	return &entity.QuotaReservations{Id: r[resCols.Id].Int64(), UserId: r[resCols.UserId].Int64(),
		Amount: r[resCols.Amount].Int64(), Collected: r[resCols.Collected].Int64(), Type: r[resCols.Type].String(),
		Ref: r[resCols.Ref].String(), Status: r[resCols.Status].String(), Deadline: r[resCols.Deadline].GTime(),
		CreatedAt: r[resCols.CreatedAt].GTime()}
}

// reservationAndReplay reads a reservation and, when key already made a movement, that
// movement (nil otherwise): a settlement's two reads in one statement.
func reservationAndReplay(ctx context.Context, id int64, key string) (*entity.QuotaReservations, *entity.QuotaMovements, error) {
	rec, err := ledgerSQL().One(ctx, sqlReservationAndReplay, nullable(key), id)
	if err != nil {
		return nil, nil, err
	}
	if rec.IsEmpty() {
		return nil, nil, errs.NotFound.New()
	}
	var m *entity.QuotaMovements
	if !rec["m_id"].IsNil() {
		m = &entity.QuotaMovements{Id: rec["m_id"].Int64(), Fingerprint: rec["m_fp"].String(), Result: rec["m_result"].Int64()}
	}
	return reservationOf(rec), m, nil
}

func deadlineArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}
