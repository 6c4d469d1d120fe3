package card

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model"
)

// insertChunk is how many cards one INSERT writes: 1000 rows x 12 columns stays far below
// the placeholder limits of MySQL (65,535) and SQLite (32,766) and the default packet size,
// while a 100,000-card batch takes 100 statements instead of 100,000.
const insertChunk = 1000

// cardColumns are the columns a new card is written with, in the order of the values.
var cardColumns = []string{"project_id", "batch_id", "plan_id", "owner_id", "key_hash", "key_sealed",
	"key_mask", "status", "duration_seconds", "max_devices", "created_at", "updated_at"}

// generation writes the cards of one batch. The key source, the hasher and the cipher are
// made once per batch: what costs per card is the random bytes, one HMAC and one AES-GCM seal.
type generation struct {
	batchID, projectID, planID, owner int64
	duration                          int64
	maxDevices                        int
	now                               *gtime.Time
}

// write generates and inserts n cards in multi-row INSERTs inside tx. A key colliding with one
// of the project's (the unique index on project_id, key_hash; odds about n x cards / 2^124)
// fails the statement, and with it the whole batch: nothing is charged.
func (g generation) write(ctx context.Context, tx gdb.TX, n int) error {
	src := newKeySource()
	hasher := keyring.NewHasher(model.CardKeyPurpose)
	sealer, err := keyring.NewSealer(model.CardKeyPurpose)
	if err != nil {
		return err
	}
	table := dao.Cards.Table()
	for done := 0; done < n; {
		rows := min(insertChunk, n-done)
		args := make([]any, 0, rows*len(cardColumns))
		for i := 0; i < rows; i++ {
			key, err := src.next()
			if err != nil {
				return err
			}
			norm := model.NormalizeCardKey(key)
			sealed, err := sealer.Seal([]byte(key))
			if err != nil {
				return err
			}
			args = append(args, g.projectID, g.batchID, g.planID, g.owner, hasher.Sum(norm), sealed,
				maskKey(norm), model.CardUnused, g.duration, g.maxDevices, g.now, g.now)
		}
		if _, err := tx.Exec(insertSQL(table, rows), args...); err != nil {
			return err
		}
		done += rows
	}
	return nil
}

// insertSQL is "INSERT INTO table (cols) VALUES (?,...),(?,...)" for rows rows.
func insertSQL(table string, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cardColumns)), ",") + ")"
	var sb strings.Builder
	sb.Grow(64 + rows*(len(one)+1))
	sb.WriteString("INSERT INTO " + table + " (" + strings.Join(cardColumns, ",") + ") VALUES ")
	for i := 0; i < rows; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(one)
	}
	return sb.String()
}
