package rbac

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/config"
	"kami/internal/infra/db"
	"kami/internal/infra/i18n"
	_ "kami/internal/logic/middleware" // SetRoleMenus writes its audit row through it
	"kami/internal/migrate"
)

// node is this process's RBAC instance in the tests; other instances stand in for other nodes.
var node *sRbac

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rbac tests:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "kami-rbac-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	cfg := &config.Config{DataDir: dir, Rbac: config.Rbac{ReloadInterval: 200 * time.Millisecond}}
	if os.Getenv("KAMI_TEST_BACKEND") == "real" {
		link, drop, err := freshMySQL(ctx, os.Getenv("KAMI_TEST_MYSQL"))
		if err != nil {
			return 0, err
		}
		defer drop()
		cfg.DBLink = link
	}
	config.Set(cfg)
	if err = i18n.Load(); err != nil {
		return 0, err
	}
	conn, err := db.Open(ctx, cfg)
	if err != nil {
		return 0, err
	}
	if _, err = migrate.Up(ctx, conn, db.Dialect()); err != nil {
		return 0, err
	}
	node = New()
	node.Configure(func() *config.Config { return cfg })
	if err = node.Sync(ctx); err != nil {
		return 0, err
	}
	if err = node.Start(ctx); err != nil {
		return 0, err
	}
	defer node.Stop()
	return m.Run(), nil
}

var dbNameInLink = regexp.MustCompile(`\)/([^?]*)`)

// freshMySQL creates a database with a random name on the server of link and returns a link to
// it, so runs sharing one server (or an aborted earlier run) never see each other's rows.
func freshMySQL(ctx context.Context, link string) (string, func(), error) {
	if link == "" || !dbNameInLink.MatchString(link) {
		return "", nil, fmt.Errorf("KAMI_TEST_BACKEND=real needs KAMI_TEST_MYSQL, a gf mysql link like mysql:root:@tcp(127.0.0.1:3306)/test")
	}
	admin, err := gdb.New(gdb.ConfigNode{Link: link})
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "kami_rbac_" + hex.EncodeToString(b)
	if _, err = admin.Exec(ctx, "CREATE DATABASE `"+name+"` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		_ = admin.Close(ctx)
		return "", nil, err
	}
	drop := func() {
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS `"+name+"`"); err != nil {
			fmt.Fprintln(os.Stderr, "dropping test database:", err)
		}
		_ = admin.Close(ctx)
	}
	return dbNameInLink.ReplaceAllString(link, ")/"+name), drop, nil
}
