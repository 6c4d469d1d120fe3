package testkit

import (
	"context"
	"regexp"

	"github.com/gogf/gf/v2/database/gdb"
)

var dbNameInLink = regexp.MustCompile(`\)/([^?]*)`)

// FreshDatabase creates a database of its own next to the one KAMI_TEST_MYSQL names, so test
// binaries running in parallel never share tables, and returns its link and a drop function.
func FreshDatabase(ctx context.Context, link string) (string, func(), error) {
	admin, err := gdb.New(gdb.ConfigNode{Link: link})
	if err != nil {
		return "", nil, err
	}
	name := "kami_t_" + randHex(6)
	if _, err = admin.Exec(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		return "", nil, err
	}
	newLink := dbNameInLink.ReplaceAllString(link, ")/"+name)
	drop := func() {
		_, _ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name)
		_ = admin.Close(context.Background())
	}
	return newLink, drop, nil
}
