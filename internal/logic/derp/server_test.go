package derp_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// uniqueIPv4 is a random loopback address: publicIpv4 is UNIQUE across the package's tests, and
// loopback is what labs and tests register (§3).
func uniqueIPv4() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1<<24-2))
	v := n.Int64() + 1
	return fmt.Sprintf("127.%d.%d.%d", v>>16&255, v>>8&255, max(v&255, 1))
}

func serverBody(ip string) map[string]any {
	return map[string]any{"name": "sha-" + ip, "region": "sha", "regionName": "Shanghai", "publicIpv4": ip,
		"sshAuth": "password", "sshSecret": "hunter2-" + ip, "cloudAccount": "13800138000", "sshPort": 2222}
}

func createServer(t *testing.T, w world, body map[string]any) v1.ServerItem {
	t.Helper()
	var it v1.ServerItem
	w.Admin.C.Post(t, "/api/derp/servers", body).Expect(t, http.StatusOK).Decode(t, &it)
	return it
}

func serverRow(t *testing.T, id int64) *entity.DerpServers {
	t.Helper()
	var r *entity.DerpServers
	if err := dao.DerpServers.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil || r == nil {
		t.Fatalf("server row %d: %v", id, err)
	}
	return r
}

// Registration mints the cert, seals the secrets, queues a prepare and answers the §5 shape,
// without contacting the host (sshHost is a closed loopback port).
func TestServerCreate(t *testing.T) {
	w := newWorld(t)
	ip := uniqueIPv4()
	body := serverBody(ip)
	body["monthlyQuotaBytes"] = 1 << 40
	r := w.Admin.C.Post(t, "/api/derp/servers", body).Expect(t, http.StatusOK)
	if strings.Contains(string(r.Raw), "hunter2") || strings.Contains(string(r.Raw), "sshSecret") {
		t.Fatalf("the SSH secret is write-only: %s", r.Raw)
	}
	var it v1.ServerItem
	r.Decode(t, &it)
	if it.State != "active" || it.Health != "unknown" || it.HostState != "pending" || it.SshHost != ip ||
		it.SshUser != "root" || it.SshPort != 2222 || it.PortBase != 20000 || it.PortCount != 1000 || it.MaxContainers != 50 {
		t.Fatalf("defaults %+v", it)
	}
	if it.CloudAccount != "138****8000" {
		t.Fatalf("cloudAccount %q is not masked", it.CloudAccount)
	}
	if it.MonthRemainingBytes == nil || *it.MonthRemainingBytes != 1<<40 {
		t.Fatalf("monthRemainingBytes %v", it.MonthRemainingBytes)
	}
	row := serverRow(t, it.Id)
	blk, _ := pem.Decode([]byte(row.CertPem))
	if blk == nil {
		t.Fatal("no cert PEM")
	}
	cert, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.Raw)
	if want := "sha256-raw:" + hex.EncodeToString(sum[:]); it.CertPin != want || row.CertPin != want {
		t.Fatalf("certPin %q, want %q", it.CertPin, want)
	}
	pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P256() || len(cert.IPAddresses) != 1 || cert.IPAddresses[0].String() != ip {
		t.Fatalf("cert key %T, SANs %v", cert.PublicKey, cert.IPAddresses)
	}
	if life := cert.NotAfter.Sub(cert.NotBefore); life < 3649*24*time.Hour || cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature) != nil {
		t.Fatalf("a self-signed 10-year cert expected, life %v", life)
	}
	keyPEM, err := keyring.Open("derp.server.certkey", row.CertKeyEnc)
	if err != nil || strings.Contains(row.CertKeyEnc, "PRIVATE KEY") {
		t.Fatalf("cert key not sealed: %v", err)
	}
	kb, _ := pem.Decode(keyPEM)
	key, err := x509.ParseECPrivateKey(kb.Bytes)
	if err != nil || !key.PublicKey.Equal(pub) {
		t.Fatalf("sealed key does not match the cert: %v", err)
	}
	if strings.Contains(row.SshSecretEnc, "hunter2") {
		t.Fatal("ssh secret stored in plaintext")
	}
	if plain, err := keyring.Open("derp.server.ssh", row.SshSecretEnc); err != nil || string(plain) != "hunter2-"+ip {
		t.Fatalf("ssh secret does not open: %v", err)
	}
	var ops []entity.DerpHostOps
	if err := dao.DerpHostOps.Ctx(context.Background()).Where("server_id", it.Id).Scan(&ops); err != nil ||
		len(ops) != 1 || ops[0].Op != "prepare" || ops[0].State != "pending" {
		t.Fatalf("prepare op %+v %v", ops, err)
	}
	var got v1.ServerItem
	w.Admin.C.Get(t, "/api/derp/servers/"+itoa(it.Id)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.CertPin != it.CertPin || got.Name != it.Name {
		t.Fatalf("get %+v", got)
	}
	var list v1.ServerListRes
	w.Admin.C.Get(t, "/api/derp/servers/list?region=sha&pageSize=100&sortBy=id&sortOrder=desc").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total < 1 || !hasServer(list.Items, it.Id) {
		t.Fatalf("list misses %d", it.Id)
	}
	w.Admin.C.Get(t, "/api/derp/servers/999999999").Expect(t, http.StatusNotFound)
	// Key auth: an OpenSSH PEM key is accepted; a quota of 0 is unlimited (null remaining).
	_, priv, _ := genKey()
	kbody := serverBody(uniqueIPv4())
	kbody["sshAuth"], kbody["sshSecret"], kbody["state"] = "key", priv, "draining"
	k := createServer(t, w, kbody)
	if k.SshAuth != "key" || k.State != "draining" || k.MonthRemainingBytes != nil {
		t.Fatalf("key server %+v", k)
	}
}

func genKey() (any, string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, "", err
	}
	der, _ := x509.MarshalECPrivateKey(key)
	return key, string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der})), nil
}

func hasServer(items []v1.ServerItem, id int64) bool {
	for _, it := range items {
		if it.Id == id {
			return true
		}
	}
	return false
}

func TestServerBadInput(t *testing.T) {
	w := newWorld(t)
	taken := createServer(t, w, serverBody(uniqueIPv4()))
	cases := []struct {
		name   string
		edit   func(m map[string]any)
		status int
		reason string
	}{
		{"upper-case region", func(m map[string]any) { m["region"] = "SHA" }, 400, "INVALID_INPUT"},
		{"short region", func(m map[string]any) { m["region"] = "s" }, 400, "INVALID_INPUT"},
		{"long region", func(m map[string]any) { m["region"] = "abcdefghi" }, 400, "INVALID_INPUT"},
		{"region digits", func(m map[string]any) { m["region"] = "sh1" }, 400, "INVALID_INPUT"},
		{"bad ip", func(m map[string]any) { m["publicIpv4"] = "300.1.1.1" }, 400, "INVALID_INPUT"},
		{"v6 as v4", func(m map[string]any) { m["publicIpv4"] = "::1" }, 400, "INVALID_INPUT"},
		{"unspecified", func(m map[string]any) { m["publicIpv4"] = "0.0.0.0" }, 400, "INVALID_INPUT"},
		{"multicast", func(m map[string]any) { m["publicIpv4"] = "224.0.0.1" }, 400, "INVALID_INPUT"},
		{"broadcast", func(m map[string]any) { m["publicIpv4"] = "255.255.255.255" }, 400, "INVALID_INPUT"},
		{"bad v6", func(m map[string]any) { m["publicIpv6"] = "1.2.3.4" }, 400, "INVALID_INPUT"},
		{"no ip", func(m map[string]any) { delete(m, "publicIpv4") }, 400, "INVALID_INPUT"},
		{"bad auth", func(m map[string]any) { m["sshAuth"] = "token" }, 400, "INVALID_INPUT"},
		{"no secret", func(m map[string]any) { delete(m, "sshSecret") }, 400, "INVALID_INPUT"},
		{"key not pem", func(m map[string]any) { m["sshAuth"] = "key" }, 400, "INVALID_INPUT"},
		{"bad host key", func(m map[string]any) { m["sshHostKey"] = "MD5:aa" }, 400, "INVALID_INPUT"},
		{"port range", func(m map[string]any) { m["portBase"], m["portCount"] = 65000, 1000 }, 400, "INVALID_INPUT"},
		{"billing day", func(m map[string]any) { m["billingDay"] = 31 }, 400, "INVALID_INPUT"},
		{"bad state", func(m map[string]any) { m["state"] = "removed" }, 400, "INVALID_INPUT"},
		{"unknown field", func(m map[string]any) { m["sshPassword"] = "x" }, 400, "UNKNOWN_FIELD"},
		{"duplicate ipv4", func(m map[string]any) { m["publicIpv4"] = taken.PublicIpv4 }, 409, "DUPLICATE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := serverBody(uniqueIPv4())
			c.edit(b)
			r := w.Admin.C.Post(t, "/api/derp/servers", b).Expect(t, c.status)
			if r.Reason != c.reason {
				t.Fatalf("reason %q, want %q", r.Reason, c.reason)
			}
		})
	}
	w.Admin.C.Put(t, "/api/derp/servers/"+itoa(taken.Id), map[string]any{"region": "Bad"}).Expect(t, http.StatusBadRequest)
	other := createServer(t, w, serverBody(uniqueIPv4()))
	if r := w.Admin.C.Put(t, "/api/derp/servers/"+itoa(other.Id), map[string]any{"publicIpv4": taken.PublicIpv4}).
		Expect(t, http.StatusConflict); r.Reason != "DUPLICATE" {
		t.Fatalf("duplicate on PUT: %s", r.Reason)
	}
}

// drain/undrain are guarded transitions; PUT re-mints on a new address; confirm-host-key and
// prepare queue host work; DELETE is soft and final.
func TestServerLifecycle(t *testing.T) {
	w := newWorld(t)
	it := createServer(t, w, serverBody(uniqueIPv4()))
	path := "/api/derp/servers/" + itoa(it.Id)
	var got v1.ServerItem
	w.Admin.C.Post(t, path+"/drain", nil).Expect(t, http.StatusOK).Decode(t, &got)
	if got.State != "draining" {
		t.Fatalf("drain: %s", got.State)
	}
	if r := w.Admin.C.Post(t, path+"/drain", nil).Expect(t, http.StatusConflict); r.Reason != "DERP_INVALID_STATE" {
		t.Fatalf("second drain: %s", r.Reason)
	}
	w.Admin.C.Post(t, path+"/undrain", nil).Expect(t, http.StatusOK).Decode(t, &got)
	if got.State != "active" {
		t.Fatalf("undrain: %s", got.State)
	}
	w.Admin.C.Post(t, path+"/undrain", nil).Expect(t, http.StatusConflict)
	w.Admin.C.Post(t, "/api/derp/servers/999999999/drain", nil).Expect(t, http.StatusNotFound)

	newIP := uniqueIPv4()
	w.Admin.C.Put(t, path, map[string]any{"name": "renamed", "publicIpv4": newIP, "maxContainers": 5}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.Name != "renamed" || got.PublicIpv4 != newIP || got.MaxContainers != 5 || got.CertPin == it.CertPin ||
		got.SshHost != it.SshHost {
		t.Fatalf("update %+v", got)
	}
	var op, again v1.HostOpItem
	w.Admin.C.Post(t, path+"/prepare", nil).Expect(t, http.StatusOK).Decode(t, &op)
	w.Admin.C.Post(t, path+"/prepare", nil).Expect(t, http.StatusOK).Decode(t, &again)
	if op.Op != "prepare" || op.State != "pending" || op.ServerId != it.Id || again.Id != op.Id {
		t.Fatalf("prepare ops %+v %+v", op, again)
	}
	var rec, rec2 v1.HostOpItem
	w.Admin.C.Post(t, path+"/reconcile", nil).Expect(t, http.StatusOK).Decode(t, &rec)
	w.Admin.C.Post(t, path+"/reconcile", nil).Expect(t, http.StatusOK).Decode(t, &rec2)
	if rec.Op != "reconcile" || rec.State != "pending" || rec2.Id != rec.Id || rec.Id == op.Id {
		t.Fatalf("reconcile ops %+v %+v", rec, rec2)
	}
	if r := w.Admin.C.Post(t, path+"/confirm-host-key", nil).Expect(t, http.StatusConflict); r.Reason != "DERP_INVALID_STATE" {
		t.Fatalf("confirm with nothing learned: %s", r.Reason)
	}
	// The worker learned a key on first use; S confirms it.
	learned := "SHA256:" + strings.Repeat("A", 43)
	if _, err := dao.DerpServers.Ctx(context.Background()).Data(do.DerpServers{SshHostkeySha256: learned, HostkeyTofu: 1}).
		WherePri(it.Id).Update(); err != nil {
		t.Fatal(err)
	}
	w.Admin.C.Get(t, path).Expect(t, http.StatusOK).Decode(t, &got)
	if !got.HostKeyTofu || got.HostKeySha256 != learned {
		t.Fatalf("tofu %+v", got)
	}
	w.Admin.C.Post(t, path+"/confirm-host-key", nil).Expect(t, http.StatusOK).Decode(t, &got)
	if got.HostKeyTofu || got.HostKeySha256 != learned {
		t.Fatalf("confirmed %+v", got)
	}
	// A mismatch put the host in error; S accepts the new key and the host is prepared again.
	if _, err := dao.DerpServers.Ctx(context.Background()).Data(do.DerpServers{HostState: "error", LastError: "HOSTKEY_MISMATCH"}).
		WherePri(it.Id).Update(); err != nil {
		t.Fatal(err)
	}
	rotated := "SHA256:" + strings.Repeat("B", 43)
	w.Admin.C.Post(t, path+"/confirm-host-key", map[string]any{"hostKeySha256": rotated}).Expect(t, http.StatusOK).Decode(t, &got)
	if got.HostKeySha256 != rotated || got.HostState != "pending" || got.LastError != "" {
		t.Fatalf("accepted key %+v", got)
	}
	// A new SSH endpoint forgets the learned key.
	w.Admin.C.Put(t, path, map[string]any{"sshHost": "127.0.0.1", "sshPort": 2200}).Expect(t, http.StatusOK).Decode(t, &got)
	if got.HostKeySha256 != "" || got.SshPort != 2200 {
		t.Fatalf("endpoint change kept the key: %+v", got)
	}

	// A live container keeps the server removing until it is re-placed; force abandons it.
	cid, err := dao.DerpContainers.Ctx(context.Background()).Data(do.DerpContainers{RentalId: 0, ServerId: it.Id, HaIndex: 1,
		Port: 20000, Desired: "running", State: "running"}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	w.Admin.C.Delete(t, path).Expect(t, http.StatusOK).Decode(t, &got)
	if got.State != "removing" {
		t.Fatalf("delete with a container: %s", got.State)
	}
	w.Admin.C.Post(t, path+"/undrain", nil).Expect(t, http.StatusConflict)
	w.Admin.C.Put(t, path, map[string]any{"name": "x"}).Expect(t, http.StatusConflict)
	w.Admin.C.Post(t, path+"/prepare", nil).Expect(t, http.StatusConflict)
	w.Admin.C.Delete(t, path+"?force=true").Expect(t, http.StatusOK).Decode(t, &got)
	var c *entity.DerpContainers
	_ = dao.DerpContainers.Ctx(context.Background()).WherePri(cid).Scan(&c)
	if got.State != "removed" || c == nil || c.State != "abandoned" {
		t.Fatalf("forced delete: server %s, container %+v", got.State, c)
	}
	w.Admin.C.Delete(t, path).Expect(t, http.StatusConflict)
	var list v1.ServerListRes
	w.Admin.C.Get(t, "/api/derp/servers/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
	if hasServer(list.Items, it.Id) {
		t.Fatal("a removed server is listed by default")
	}
	w.Admin.C.Get(t, "/api/derp/servers/list?state=removed&pageSize=100").Expect(t, http.StatusOK).Decode(t, &list)
	if !hasServer(list.Items, it.Id) {
		t.Fatal("state=removed does not list it")
	}
	// Without containers DELETE removes at once.
	empty := createServer(t, w, serverBody(uniqueIPv4()))
	w.Admin.C.Delete(t, "/api/derp/servers/"+itoa(empty.Id)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.State != "removed" {
		t.Fatalf("empty server delete: %s", got.State)
	}
}

// Servers are S only (§2): AA, A and members get 403, anonymous 401.
func TestServerAccessMatrix(t *testing.T) {
	w := newWorld(t)
	it := createServer(t, w, serverBody(uniqueIPv4()))
	id := itoa(it.Id)
	const ok, bad, unauth, forbid = http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden
	cases := []struct {
		method, path string
		body         any
		want         int // for S; the rest are forbidden / unauthorized
	}{
		{"GET", "/api/derp/servers/list", nil, ok},
		{"GET", "/api/derp/servers/" + id, nil, ok},
		{"POST", "/api/derp/servers", map[string]any{"region": "X"}, bad},
		{"PUT", "/api/derp/servers/" + id, map[string]any{"region": "X"}, bad},
		{"DELETE", "/api/derp/servers/0", nil, bad},
		{"POST", "/api/derp/servers/0/prepare", nil, bad},
		{"POST", "/api/derp/servers/0/drain", nil, bad},
		{"POST", "/api/derp/servers/0/undrain", nil, bad},
		{"POST", "/api/derp/servers/0/reconcile", nil, bad},
		{"POST", "/api/derp/servers/" + id + "/confirm-host-key", map[string]any{"hostKeySha256": "x"}, bad},
	}
	callers := w.callers()
	for _, c := range cases {
		want := [5]int{c.want, forbid, forbid, forbid, unauth}
		for i, who := range callers {
			r := who.C.Do(t, c.method, c.path, c.body)
			if r.Status != want[i] {
				t.Errorf("%s %s as %s = %d %s, want %d", c.method, c.path, who.Name, r.Status, r.Reason, want[i])
			}
		}
	}
}

// The operation log never holds the SSH secret (§5 redaction).
func TestServerOpLogRedaction(t *testing.T) {
	w := newWorld(t)
	ip := uniqueIPv4()
	it := createServer(t, w, serverBody(ip))
	var p struct {
		Items []struct {
			Path    string `json:"path"`
			Request string `json:"request"`
		} `json:"items"`
	}
	w.Admin.C.Get(t, "/api/system/log/operation/list?module=derp&method=POST&pageSize=100&userId="+itoa(w.Admin.ID)).
		Expect(t, http.StatusOK).Decode(t, &p)
	found := false
	for _, e := range p.Items {
		if strings.Contains(e.Request, ip) {
			found = true
			if strings.Contains(e.Request, "hunter2") || !strings.Contains(e.Request, `"sshSecret":"***"`) {
				t.Fatalf("op log request not redacted: %s", e.Request)
			}
		}
	}
	if !found || it.Id == 0 {
		t.Fatalf("no op log row for the registration of %s", ip)
	}
}
