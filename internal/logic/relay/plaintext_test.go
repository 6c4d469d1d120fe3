package relay_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gredis"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/util/gconv"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/relay"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/manifest"
)

// ptScan is one search of a place: no plaintext (by name) may be in it, and every marker (data
// known to be there) must be, or the search looked at an empty place and proved nothing.
type ptScan struct {
	secrets map[string]string
	markers []string
	found   map[string]bool
}

func ptNewScan(secrets map[string]string, markers ...string) *ptScan {
	return &ptScan{secrets: secrets, markers: markers, found: map[string]bool{}}
}

func (s *ptScan) check(t *testing.T, where string, data []byte) {
	t.Helper()
	for name, v := range s.secrets {
		if bytes.Contains(data, []byte(v)) {
			t.Errorf("%s holds the %s plaintext", where, name)
		}
	}
	for _, m := range s.markers {
		if bytes.Contains(data, []byte(m)) {
			s.found[m] = true
		}
	}
}

func (s *ptScan) sawAll() bool { return len(s.found) == len(s.markers) }

func (s *ptScan) saw(t *testing.T, place string) {
	t.Helper()
	if !s.sawAll() {
		t.Fatalf("%s: the search saw only %v of %q", place, s.found, s.markers)
	}
}

// ptBlob is an answer's headers and body as one text, for the scan.
func ptBlob(h http.Header, body []byte) []byte {
	var b bytes.Buffer
	_ = h.Write(&b)
	return append(b.Bytes(), body...)
}

// ptNode is a second server process whose whole output (stdout and stderr: the process log)
// is kept for the test, which testkit's Node does not expose.
type ptNode struct {
	base  string
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan error
	once  sync.Once
	err   error
	mu    sync.Mutex
	out   bytes.Buffer
}

func (n *ptNode) Write(p []byte) (int, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.out.Write(p)
}

func (n *ptNode) output() []byte {
	n.mu.Lock()
	defer n.mu.Unlock()
	return bytes.Clone(n.out.Bytes())
}

var ptPortLine = regexp.MustCompile(`KAMI_NODE_PORT=(\d+)\n`)

// ptStartNode re-executes the test binary as a node of the same database and Redis (as
// testkit.StartNode does) and waits until it listens. It runs in a directory of its own whose
// config.yaml is the shipped one with the process log at its most verbose and gf's access log
// on, so the log holds every request the node served.
func ptStartNode(t *testing.T) *ptNode {
	t.Helper()
	env := testkit.Current()
	dir := t.TempDir()
	cfg := strings.Replace(manifest.ConfigYAML, "server:\n", "server:\n  accessLogEnabled: true\n", 1)
	cfg = strings.Replace(cfg, "logger:\n  level: \"info\"", "logger:\n  level: \"all\"", 1)
	if cfg == manifest.ConfigYAML || !strings.Contains(cfg, `level: "all"`) {
		t.Fatal("the shipped config.yaml changed its server or logger section")
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	n := &ptNode{done: make(chan error, 1)}
	n.cmd = exec.Command(bin, "-test.run=^$")
	n.cmd.Dir = dir
	n.cmd.Env = append(os.Environ(), "KAMI_TEST_CHILD=1", "KAMI_DB_LINK="+env.DBLink, "KAMI_REDIS_ADDR="+env.RedisAddr,
		"KAMI_REDIS_PREFIX="+env.Prefix, "KAMI_SECRET_KEY="+env.Secret, "KAMI_DATA_DIR="+env.DataDir,
		"KAMI_HTTP_ADDR=127.0.0.1:0")
	n.cmd.Stdout, n.cmd.Stderr = n, n
	if n.stdin, err = n.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err = n.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { n.done <- n.cmd.Wait() }()
	t.Cleanup(func() { _ = n.stop() })
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m := ptPortLine.FindSubmatch(n.output()); m != nil {
			n.base = "http://127.0.0.1:" + string(m[1])
			return n
		}
		select {
		case err := <-n.done:
			n.done <- err
			t.Fatalf("second node exited before listening: %v\n%s", err, n.output())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("second node did not listen within 60 s:\n%s", n.output())
		}
	}
}

// stop ends the node as the parent's exit would (stdin closed: a graceful stop), killing it
// only if it has not exited within 30 s.
func (n *ptNode) stop() error {
	n.once.Do(func() {
		_ = n.stdin.Close()
		select {
		case n.err = <-n.done:
		case <-time.After(30 * time.Second):
			_ = n.cmd.Process.Kill()
			<-n.done
			n.err = fmt.Errorf("killed after 30 s")
		}
	})
	return n.err
}

// ptScanTables reads every column of every row of every table of the current database as
// text, and answers the rows read.
func ptScanTables(t *testing.T, s *ptScan) int {
	t.Helper()
	ctx := context.Background()
	db := dao.RelayLogs.DB()
	list, quote := "SELECT name AS t FROM sqlite_master WHERE type = 'table'", `"`
	if !testkit.Config().Embedded() {
		list, quote = "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", "`"
	}
	tables, err := db.GetAll(ctx, list)
	if err != nil || len(tables) == 0 {
		t.Fatalf("tables: %d (%v)", len(tables), err)
	}
	rows := 0
	for _, tr := range tables {
		name := tr["t"].String()
		res, err := db.GetAll(ctx, "SELECT * FROM "+quote+name+quote)
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		for _, rec := range res {
			rows++
			for col, v := range rec {
				s.check(t, "column "+name+"."+col, []byte(v.String()))
			}
		}
	}
	return rows
}

// ptScanFiles reads every file under dir byte for byte (the embedded database with its
// -wal/-shm/-journal files, and whatever else the node keeps there) and answers their sizes.
func ptScanFiles(t *testing.T, dir string, s *ptScan) map[string]int {
	t.Helper()
	files := map[string]int{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(path)
		files[filepath.Base(path)] = len(b)
		s.check(t, "file "+path, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ptScanRedis reads every key under the binary's prefix, whatever its type, and answers how
// many there were.
func ptScanRedis(t *testing.T, s *ptScan) int {
	t.Helper()
	addrs := strings.Split(testkit.Current().RedisAddr, ",")
	if len(addrs) < 2 {
		return ptScanRedisNode(t, s, g.Redis())
	}
	// A Redis Cluster: SCAN answers for one node only, so each node is scanned on its own.
	n := 0
	for _, addr := range addrs {
		r, err := gredis.New(&gredis.Config{Address: strings.TrimSpace(addr)})
		if err != nil {
			t.Fatal(err)
		}
		n += ptScanRedisNode(t, s, r)
		_ = r.Close(context.Background())
	}
	return n
}

func ptScanRedisNode(t *testing.T, s *ptScan, r *gredis.Redis) int {
	t.Helper()
	ctx := context.Background()
	n, cursor := 0, "0"
	for {
		v, err := r.Do(ctx, "SCAN", cursor, "MATCH", testkit.Current().Prefix+"*", "COUNT", 1000)
		arr := v.Array()
		if err != nil || len(arr) != 2 {
			t.Fatalf("SCAN answered %v (%v)", arr, err)
		}
		cursor = gconv.String(arr[0])
		for _, key := range gconv.Strings(arr[1]) {
			n++
			typ, _ := r.Do(ctx, "TYPE", key)
			read := map[string][]any{"string": {"GET", key}, "hash": {"HGETALL", key}, "list": {"LRANGE", key, 0, -1},
				"set": {"SMEMBERS", key}, "zset": {"ZRANGE", key, 0, -1, "WITHSCORES"}, "stream": {"XRANGE", key, "-", "+"}}[typ.String()]
			text := key
			if read != nil {
				if val, err := r.Do(ctx, read[0].(string), read[1:]...); err == nil && val != nil {
					text += " " + val.String()
				}
			}
			s.check(t, "redis key "+key, []byte(text))
		}
		if cursor == "0" {
			return n
		}
	}
}

// A channel key and a relay token, created over the admin API and used on two nodes (including
// upstream errors that echo the channel key), never show in plaintext: not in an admin answer,
// not in a /v1 answer (body or header), not in the database (rows, and on the embedded backend
// the database files' bytes), not in Redis, not in a node's process log. Each place is first
// shown to hold the request's data: searching an empty place proves nothing.
func TestKeyPlaintextsNowhere(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	host := strings.TrimPrefix(strings.TrimSuffix(fake.URL(), "/v1"), "http://")
	m := testkit.UniqueName("gpt-pt-")
	seedPrice(t, m, "1", "1")
	random, _, _, err := relay.NewTokenKey()
	if err != nil {
		t.Fatal(err)
	}
	chanKey := "sk-plain-" + random[3:]
	ch := createChannel(t, admin, map[string]any{"name": "pt-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{chanKey}})
	owner := testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t))
	if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: owner.ID, Amount: 1_000_000,
		Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
	var tk tokenView
	admin.Post(t, "/api/relay/tokens", map[string]any{"userId": owner.ID, "name": "pt-" + m}).Expect(t, 200).Decode(t, &tk)
	if !strings.HasPrefix(tk.Key, "sk-") || len(tk.Key) != 51 {
		t.Fatalf("created token %+v", tk)
	}
	secrets := map[string]string{"channel key": chanKey, "relay token": tk.Key}

	// The stored forms: the channel key AES-256-GCM sealed (nonce 12 ‖ ciphertext ‖ tag 16,
	// bound to its purpose), the token as its keyed hash.
	var keyRow entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", ch.ID).Scan(&keyRow); err != nil || keyRow.Id == 0 {
		t.Fatalf("channel key row: %+v (%v)", keyRow, err)
	}
	sealed, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(keyRow.Secret, "v1:"))
	if !strings.HasPrefix(keyRow.Secret, "v1:") || err != nil || len(sealed) != 12+len(chanKey)+16 {
		t.Fatalf("stored secret %q (%d bytes, %v)", keyRow.Secret, len(sealed), err)
	}
	if plain, err := keyring.Open("relay/channel-key", keyRow.Secret); err != nil || string(plain) != chanKey {
		t.Fatalf("the sealed key does not open to the plaintext: %v", err)
	}
	if _, err = keyring.Open("relay/other", keyRow.Secret); err == nil {
		t.Fatal("the sealed key opens under another purpose")
	}
	var tokRow entity.RelayTokens
	if err := dao.RelayTokens.Ctx(ctx).WherePri(tk.ID).Scan(&tokRow); err != nil {
		t.Fatal(err)
	}
	plainHash := sha256.Sum256([]byte(tk.Key))
	if tokRow.KeyHash != relay.HashTokenKey(tk.Key) || len(tokRow.KeyHash) != 64 || tokRow.KeyHash == hex.EncodeToString(plainHash[:]) ||
		tokRow.KeyHint != tk.Key[:7]+"…"+tk.Key[len(tk.Key)-4:] {
		t.Fatalf("stored token hash %q hint %q", tokRow.KeyHash, tokRow.KeyHint)
	}

	// /v1 traffic on this node and on a second one; every answer is kept for the scan.
	var v1 [][]byte
	chat := `{"model":"` + m + `","messages":[{"role":"user","content":"hi"}]}`
	echo := func(base string) {
		t.Helper()
		fake.Push(openaicompat.Behaviour{Status: 400, ErrType: "invalid_request_error", ErrCode: "invalid_value",
			Message: "upstream " + host + " says key " + chanKey + " is malformed"})
		resp, raw := adDo(t, adRequest{base: base, auth: "Bearer " + tk.Key, body: chat})
		v1 = append(v1, ptBlob(resp.Header, raw))
		if got := adError(t, resp, raw, 400, "invalid_request_error", "invalid_value", nil); got != "upstream  says key sk-*** is malformed" {
			t.Fatalf("sanitized message %q", got)
		}
	}
	ok := func(base, method, path, body, want string) {
		t.Helper()
		resp, raw := adDo(t, adRequest{base: base, method: method, path: path, auth: "Bearer " + tk.Key, body: body})
		v1 = append(v1, ptBlob(resp.Header, raw))
		if resp.StatusCode != 200 || !strings.Contains(string(raw), want) {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, raw)
		}
	}
	ok(env.BaseURL, http.MethodPost, "/v1/chat/completions", chat, `"Hello!"`)
	ok(env.BaseURL, http.MethodPost, "/v1/chat/completions", strings.Replace(chat, "{", `{"stream":true,`, 1), "data: [DONE]")
	ok(env.BaseURL, http.MethodPost, "/v1/embeddings", `{"model":"`+m+`","input":"hi"}`, `"embedding"`)
	ok(env.BaseURL, http.MethodGet, "/v1/models", "", `"`+m+`"`)
	ok(env.BaseURL, http.MethodGet, "/v1/models/"+m, "", `"`+m+`"`)
	echo(env.BaseURL)

	node := ptStartNode(t)
	ok(node.base, http.MethodPost, "/v1/chat/completions", chat, `"Hello!"`)
	echo(node.base)
	// A 401 that echoes the key is fatal (§4): the key is auto-disabled and the client gets
	// the generic 502, with neither the key nor the upstream's words.
	fake.Push(openaicompat.Behaviour{Status: 401, ErrType: "invalid_request_error", ErrCode: "invalid_api_key",
		Message: "Incorrect API key provided: " + chanKey})
	resp, raw := adDo(t, adRequest{base: node.base, auth: "Bearer " + tk.Key, body: chat})
	v1 = append(v1, ptBlob(resp.Header, raw))
	if got := adError(t, resp, raw, 502, "upstream_error", "upstream_unavailable", nil); got != "No upstream channel could serve the request." {
		t.Fatalf("fatal answer %q", got)
	}
	if err := node.stop(); err != nil {
		t.Fatalf("second node: %v\n%s", err, node.output())
	}
	waitSettled(t, owner.ID)
	if n := len(fake.Requests()); n != 7 {
		t.Fatalf("the upstream received %d requests, want 7", n)
	}
	for i, r := range fake.Requests() {
		if r.Authorization != "Bearer "+chanKey {
			t.Fatalf("upstream request %d authorized as %q", i, r.Authorization)
		}
		ptNewScan(map[string]string{"relay token": tk.Key}).check(t, fmt.Sprintf("upstream request %d", i), ptBlob(r.Header, r.Body))
	}
	scan := ptNewScan(secrets, "sk-***", `"Hello!"`, "X-Request-Id")
	for i, b := range v1 {
		scan.check(t, fmt.Sprintf("/v1 answer %d", i), b)
	}
	scan.saw(t, "the /v1 answers")

	// (a) Admin answers: the channel (its key now auto-disabled, with a reason), its events,
	// the token (admin and owner), the request log, notices, the system and operation logs.
	var got channelView
	admin.Get(t, fmt.Sprintf("/api/relay/channels/%d", ch.ID)).Expect(t, 200).Decode(t, &got)
	if len(got.Keys) != 1 || got.Keys[0].Status != 2 || got.Keys[0].Hint == "" {
		t.Fatalf("channel after the fatal answer: %+v", got)
	}
	ownerC := env.Login(t, owner)
	answers := map[string]*testkit.Resp{}
	for _, p := range []string{fmt.Sprintf("/api/relay/channels/%d", ch.ID), "/api/relay/channels/list?model=" + m,
		fmt.Sprintf("/api/relay/channels/%d/events", ch.ID), fmt.Sprintf("/api/relay/tokens/list?userId=%d", owner.ID),
		fmt.Sprintf("/api/relay/tokens/%d", tk.ID), fmt.Sprintf("/api/relay/logs/list?pageSize=100&userId=%d", owner.ID),
		"/api/notifications/list?pageSize=100", "/api/system/log/system/list?pageSize=100",
		"/api/system/log/operation/list?pageSize=100"} {
		answers["admin "+p] = admin.Get(t, p).Expect(t, 200)
	}
	for _, p := range []string{"/api/relay/tokens/list", fmt.Sprintf("/api/relay/tokens/%d", tk.ID), "/api/relay/logs/list"} {
		answers["owner "+p] = ownerC.Get(t, p).Expect(t, 200)
	}
	if !strings.Contains(string(answers["owner /api/relay/logs/list"].Raw), `"total":7`) {
		t.Fatalf("the owner's log list lacks the requests: %s", answers["owner /api/relay/logs/list"].Raw)
	}
	scan = ptNewScan(secrets, tokRow.KeyHint, "invalid_api_key", `"uncollected"`)
	for where, r := range answers {
		scan.check(t, where, ptBlob(r.Header, r.Raw))
	}
	scan.saw(t, "the admin answers")

	// (c) The database: every row of every table, and on the embedded backend its files. The
	// files are read one after the other while the database writes: a checkpoint between two
	// reads can move a marker out of the file not yet read, so a miss is looked at again.
	scan = ptNewScan(secrets, keyRow.Secret, tokRow.KeyHash, "invalid_api_key")
	rows := ptScanTables(t, scan)
	scan.saw(t, fmt.Sprintf("the table scan (%d rows)", rows))
	for try := 1; testkit.Config().Embedded(); try++ {
		scan = ptNewScan(secrets, keyRow.Secret, tokRow.KeyHash)
		if files := ptScanFiles(t, env.DataDir, scan); scan.sawAll() || try == 3 {
			scan.saw(t, fmt.Sprintf("the database files %v", files))
			break
		}
	}
	// The token's counter key is always there after its requests; its L2 entry may not be (a
	// fill that raced any invalidation on the node is deleted again, by design).
	scan = ptNewScan(secrets, fmt.Sprintf("relay:tc:{%d}:", tk.ID))
	n := ptScanRedis(t, scan)
	scan.saw(t, fmt.Sprintf("Redis (%d keys)", n))

	// (d) The second node's process log, whole: it served the requests above, one access line
	// each.
	out := node.output()
	if n := strings.Count(string(out), "/v1/chat/completions"); n != 3 {
		t.Fatalf("the second node's log has %d lines of its 3 requests:\n%s", n, out)
	}
	// relay.md §7's access log: one JSON line per settled request, on the logger "relay".
	if n := strings.Count(string(out), `{"rid":"`); n != 3 {
		t.Fatalf("the second node's log has %d relay access lines, want 3:\n%s", n, out)
	}
	ptNewScan(secrets).check(t, "the second node's log", out)
	audit(t, owner.ID)
}
