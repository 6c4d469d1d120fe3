package quota

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

const metaUnits = "unitsPerYuan"

// Start records the ledger's unit on first boot and refuses to run when the configuration
// now says otherwise: every stored amount means units of the first boot.
func (s *sQuota) Start(ctx context.Context) error {
	want := s.config().Quota.UnitsPerYuan
	if _, err := dao.QuotaMeta.Ctx(ctx).Data(do.QuotaMeta{K: metaUnits, V: want, CreatedAt: gtime.NewFromTime(s.now())}).InsertIgnore(); err != nil {
		return err
	}
	var m entity.QuotaMeta
	if err := dao.QuotaMeta.Ctx(ctx).Where(dao.QuotaMeta.Columns().K, metaUnits).Scan(&m); err != nil {
		return err
	}
	if m.V != want {
		return fmt.Errorf("kami.quota.unitsPerYuan is %d, but this ledger was started with %d: every balance is in those units; set it back", want, m.V)
	}
	s.units.Store(m.V)
	return nil
}

// yuan writes an amount of units as yuan for people (notifications, exports): 1234 units at
// 100 per yuan is "12.34". Integer arithmetic only; a unit that is not a power of ten is shown
// as units.
func (s *sQuota) yuan(amount int64) string {
	u := s.units.Load()
	digits := len(strconv.FormatInt(u, 10)) - 1
	if u <= 0 || strings.TrimRight(strconv.FormatInt(u, 10), "0") != "1" {
		return strconv.FormatInt(amount, 10)
	}
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	if digits == 0 {
		return sign + strconv.FormatInt(amount, 10)
	}
	return fmt.Sprintf("%s%d.%0*d", sign, amount/u, digits, amount%u)
}
