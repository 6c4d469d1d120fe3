package camel

import (
	"context"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/service"
)

var phonePattern = regexp.MustCompile(`^1\d{10}$`)

// ImportAccounts adds the rows of an uploaded .xlsx or .csv to the pool in pending_login, each
// row on its own: a phone already in the pool (or earlier in the file) is a duplicate, a bad
// row is reported by its row number, and neither stops the rest.
func (s *sCamel) ImportAccounts(ctx context.Context, req *v1.AccountImportReq) (*v1.AccountImportRes, error) {
	if req.File.Size > maxImportBytes {
		return nil, errs.CamelImportTooLarge.New()
	}
	f, err := req.File.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxImportBytes {
		return nil, errs.CamelImportTooLarge.New()
	}
	rows, err := readImportFile(req.File.Filename, data)
	if err != nil {
		return nil, err
	}
	res := &v1.AccountImportRes{Errors: []v1.ImportError{}}
	seen := make(map[string]bool, len(rows))
	for _, row := range rows {
		phone, password, limit, remark, reason := s.importFields(ctx, row)
		if reason != "" {
			res.Failed++
			res.Errors = append(res.Errors, v1.ImportError{Row: row.num, Reason: reason})
			continue
		}
		if seen[phone] {
			res.Duplicates++
			continue
		}
		seen[phone] = true
		err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			_, err := s.insertAccount(ctx, tx, phone, password, limit, remark)
			return err
		})
		switch {
		case errs.Is(err, errs.CamelPhoneExists):
			res.Duplicates++
		case err != nil:
			return nil, err
		default:
			res.Created++
		}
	}
	// One operation-log entry for the whole file; the rows above are committed on their own.
	if err := service.Middleware().AuditInTx(ctx, nil); err != nil {
		return nil, err
	}
	return res, nil
}

// importFields checks one row as POST /accounts would; reason is the first problem, translated.
func (s *sCamel) importFields(ctx context.Context, row importRow) (phone, password string, limit int, remark, reason string) {
	phone, password, remark = row.fields["phone"], row.fields["password"], row.fields["remark"]
	limit = int(settingInt(SettingDefaultDailyLimit))
	switch {
	case !phonePattern.MatchString(phone):
		return "", "", 0, "", gi18n.T(ctx, "camelOil.import.badPhone")
	case utf8.RuneCountInString(password) > 128:
		return "", "", 0, "", gi18n.T(ctx, "camelOil.import.badPassword")
	case utf8.RuneCountInString(remark) > 255:
		return "", "", 0, "", gi18n.T(ctx, "camelOil.import.badRemark")
	}
	if v := row.fields["dailyLimit"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return "", "", 0, "", gi18n.T(ctx, "camelOil.import.badDailyLimit")
		}
		limit = n
	}
	return phone, password, limit, remark, ""
}
