package camel_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type importResult struct {
	Created    int `json:"created"`
	Duplicates int `json:"duplicates"`
	Failed     int `json:"failed"`
	Errors     []struct {
		Row    int    `json:"row"`
		Reason string `json:"reason"`
	} `json:"errors"`
}

// uploadImport posts data as the multipart file of POST /accounts/import.
func uploadImport(t *testing.T, c *testkit.Client, name string, data []byte) *testkit.Resp {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = part.Write(data)
	_ = mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.Base+"/api/camel-oil/accounts/import", &body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out := &testkit.Resp{Status: res.StatusCode, Header: res.Header}
	if out.Raw, err = io.ReadAll(res.Body); err != nil {
		t.Fatal(err)
	}
	if len(out.Raw) > 0 && out.Raw[0] == '{' {
		_ = json.Unmarshal(out.Raw, out)
	}
	return out
}

// xlsxOf is a workbook whose first sheet holds rows.
func xlsxOf(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func findByPhone(t *testing.T, c *testkit.Client, phone string) []account {
	t.Helper()
	var res struct {
		Items []account `json:"items"`
	}
	c.Get(t, "/api/camel-oil/accounts/list?keyword="+phone).Expect(t, http.StatusOK).Decode(t, &res)
	return res.Items
}

func TestImportXlsxChineseHeaders(t *testing.T) {
	c := admin(t)
	existing := createAccount(t, c, map[string]any{"phone": newPhone()}).Phone
	p1, p2 := newPhone(), newPhone()
	data := xlsxOf(t, [][]any{
		{"手机号", "密码", "每日上限", "备注"},
		{p1, "secret", 7, "第一"},
		{existing, "", "", ""},
		{"12345", "", "", ""},
		{},
		{p2, "", "abc", ""},
		{p1, "", "", "again in the file"},
	})
	var res importResult
	uploadImport(t, c, "accounts.xlsx", data).Expect(t, http.StatusOK).Decode(t, &res)
	if res.Created != 1 || res.Duplicates != 2 || res.Failed != 2 || len(res.Errors) != 2 {
		t.Fatalf("import = %+v", res)
	}
	if res.Errors[0].Row != 4 || res.Errors[1].Row != 6 || res.Errors[0].Reason == "" {
		t.Fatalf("errors = %+v, want rows 4 and 6", res.Errors)
	}
	got := findByPhone(t, c, p1)
	if len(got) != 1 || got[0].Status != "pending_login" || got[0].DailyLimit != 7 || got[0].Remark != "第一" {
		t.Fatalf("imported = %+v", got)
	}
	if len(findByPhone(t, c, p2)) != 0 {
		t.Fatal("a row with a bad dailyLimit was imported")
	}
}

func TestImportCsvEnglishHeaders(t *testing.T) {
	c := admin(t)
	p1, p2 := newPhone(), newPhone()
	csv := "\xef\xbb\xbfremark,Phone,dailyLimit\nhello,\"" + p1 + "\",\n,\"" + p2 + "\",2000\n"
	var res importResult
	uploadImport(t, c, "a.CSV", []byte(csv)).Expect(t, http.StatusOK).Decode(t, &res)
	if res.Created != 1 || res.Failed != 1 || len(res.Errors) != 1 || res.Errors[0].Row != 3 {
		t.Fatalf("import = %+v", res)
	}
	got := findByPhone(t, c, p1)
	if len(got) != 1 || got[0].Remark != "hello" || got[0].Status != "pending_login" {
		t.Fatalf("imported = %+v", got)
	}
}

func TestImportRefusesWholeFile(t *testing.T) {
	c := admin(t)
	var many strings.Builder
	many.WriteString("phone\n")
	for i := 0; i < 5001; i++ {
		fmt.Fprintf(&many, "1%010d\n", i)
	}
	cases := []struct {
		name, file string
		data       []byte
		status     int
		code       string
	}{
		{"too many rows", "a.csv", []byte(many.String()), http.StatusBadRequest, "CAMEL_OIL_IMPORT_TOO_MANY_ROWS"},
		{"file over 2 MB", "a.csv", append([]byte("phone\n"), bytes.Repeat([]byte(" \n"), 1<<20+1)...), http.StatusRequestEntityTooLarge, "CAMEL_OIL_IMPORT_TOO_LARGE"},
		{"body over the cap", "a.csv", bytes.Repeat([]byte("x"), 4<<20), http.StatusRequestEntityTooLarge, "BODY_TOO_LARGE"},
		{"no phone column", "a.csv", []byte("password\nx\n"), http.StatusBadRequest, "CAMEL_OIL_IMPORT_BAD_FILE"},
		{"not utf-8", "a.csv", []byte("phone,remark\n13900000000,\xff\xfe\n"), http.StatusBadRequest, "CAMEL_OIL_IMPORT_BAD_FILE"},
		{"not a workbook", "a.xlsx", []byte("phone\n"), http.StatusBadRequest, "CAMEL_OIL_IMPORT_BAD_FILE"},
		{"other type", "a.txt", []byte("phone\n"), http.StatusBadRequest, "CAMEL_OIL_IMPORT_BAD_FILE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := uploadImport(t, c, tc.file, tc.data).Expect(t, tc.status)
			if r.ErrorCode() != tc.code {
				t.Fatalf("code = %q, want %s: %s", r.ErrorCode(), tc.code, r.Raw)
			}
		})
	}
	if len(findByPhone(t, c, "10000000000")) != 0 {
		t.Fatal("a refused file imported rows")
	}
}

func TestImportExportForbiddenToOthers(t *testing.T) {
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	agent := testkit.SeedUser(t, consts.RoleAgent, boss)
	phone := newPhone()
	for _, u := range []testkit.SeededUser{boss, agent} {
		cl := testkit.Current().Login(t, u)
		uploadImport(t, cl, "a.csv", []byte("phone\n"+phone+"\n")).Expect(t, http.StatusForbidden)
		cl.Get(t, "/api/camel-oil/accounts/export").Expect(t, http.StatusForbidden)
	}
	uploadImport(t, testkit.Current().Client(), "a.csv", []byte("phone\n"+phone+"\n")).Expect(t, http.StatusUnauthorized)
	if len(findByPhone(t, admin(t), phone)) != 0 {
		t.Fatal("a refused import created the account")
	}
}

func TestExportAccountsXlsx(t *testing.T) {
	c := admin(t)
	a := createAccount(t, c, map[string]any{"phone": newPhone(), "password": "hunter2", "remark": "exported"})
	r := c.Get(t, "/api/camel-oil/accounts/export?format=xlsx").Expect(t, http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if strings.Contains(strings.Join(row, "|"), "hunter2") {
			t.Fatalf("the export holds a password: %v", row)
		}
		if len(row) > 0 && row[0] == a.Phone {
			found = row[len(row)-2] == "exported" && row[1] == "pending_login"
		}
	}
	if !found || len(rows[0]) != 10 {
		t.Fatalf("account %s not exported as expected: %v", a.Phone, rows)
	}
	c.Get(t, "/api/camel-oil/accounts/export?format=csv").Expect(t, http.StatusOK)
}
