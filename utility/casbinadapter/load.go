package casbinadapter

import (
	"context"
	"fmt"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"
)

// LoadPolicy loads all rules. The Casbin interface carries no ctx, so this
// never joins a transaction; use LoadPolicyCtx for that.
func (a *Adapter) LoadPolicy(m model.Model) error {
	return a.LoadPolicyCtx(context.Background(), m)
}

// LoadPolicyCtx loads all rules using ctx (and its transaction, if any, so
// uncommitted changes of that transaction are visible).
func (a *Adapter) LoadPolicyCtx(ctx context.Context, m model.Model) error {
	fields := append([]string{"ptype"}, valueColumns[:]...)
	// Ordering by id keeps insertion order, which matters for models whose
	// effect depends on rule order (priority / first-match).
	res, err := a.query(ctx).Fields(fields).OrderAsc("id").All()
	if err != nil {
		return err
	}
	for _, rec := range res {
		line := make([]string, 0, len(fields))
		for _, f := range fields {
			line = append(line, rec[f].String())
		}
		line = trimTrailingEmpty(line)
		if line[0] == "" {
			continue // a row without ptype cannot belong to any section.
		}
		line = padToTokens(m, line)
		if err := persist.LoadPolicyArray(line, m); err != nil {
			return fmt.Errorf("casbinadapter: loading %v: %w", line, err)
		}
	}
	return nil
}

// trimTrailingEmpty drops the ” placeholders of unused v* columns, keeping
// at least the ptype. Inner empty fields are kept: they are real values.
func trimTrailingEmpty(line []string) []string {
	n := len(line)
	for n > 1 && line[n-1] == "" {
		n--
	}
	return line[:n]
}

// padToTokens restores trailing fields that were legitimately empty (e.g.
// a rule whose last value is ”), which trimming cannot tell apart from
// unused columns; Casbin rejects p rules whose length differs from the
// model's token count. Unknown ptypes are left alone so LoadPolicyArray
// reports them.
func padToTokens(m model.Model, line []string) []string {
	ptype := line[0]
	ast, err := m.GetAssertion(ptype[:1], ptype)
	if err != nil {
		return line
	}
	for len(line)-1 < len(ast.Tokens) {
		line = append(line, "")
	}
	return line
}
