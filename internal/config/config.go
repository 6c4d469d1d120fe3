// Package config is the typed view of manifest/config/config.yaml with the KAMI_* environment
// variables of the runtime contract applied on top. It is loaded once at boot; every node reads
// the same file and environment, so nothing here is node-local business state.
package config

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gcfg"
	"github.com/gogf/gf/v2/os/gfile"

	"kami/manifest"
	"kami/utility/clientip"
)

type Redis struct {
	Addr   string `json:"addr"`
	Pass   string `json:"pass"`
	DB     int    `json:"db"`
	Prefix string `json:"prefix"`
	// The client pool (gredis.Config). Every request of a burst needs a connection at once, so
	// the pool keeps warm ones (minIdle, maxIdle) instead of dialing under load, and bounds how
	// long a request waits for one (waitTimeout) before it fails with 503.
	MaxActive       int           `json:"maxActive"`
	MinIdle         int           `json:"minIdle"`
	MaxIdle         int           `json:"maxIdle"`
	IdleTimeout     time.Duration `json:"idleTimeout"`
	MaxConnLifetime time.Duration `json:"maxConnLifetime"`
	WaitTimeout     time.Duration `json:"waitTimeout"`
	DialTimeout     time.Duration `json:"dialTimeout"`
	ReadTimeout     time.Duration `json:"readTimeout"`
	WriteTimeout    time.Duration `json:"writeTimeout"`
}

type Auth struct {
	AccessTTL    time.Duration `json:"accessTtl"`
	RefreshTTL   time.Duration `json:"refreshTtl"`
	CookieSecure bool          `json:"cookieSecure"`
	// RefreshGrace is how long the refresh secret just replaced keeps answering with the same
	// next cookie, so tabs (or nodes) refreshing at once with one cookie all succeed; a replay
	// after it is taken as a stolen copy and ends the session. (CookieSecure forces the Secure
	// flag; without it the flag follows the request's scheme and an https publicUrl.)
	RefreshGrace time.Duration `json:"refreshGrace"`
	// BcryptConcurrency bounds the password hashes computed at once (0: one per CPU); a login
	// waits at most BcryptWait for a turn, then gets 503 SERVER_BUSY with Retry-After.
	BcryptConcurrency int           `json:"bcryptConcurrency"`
	BcryptWait        time.Duration `json:"bcryptWait"`
}

type Mail struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Username string `json:"username"`
	Password string `json:"password"`
	From     string `json:"from"`
	FromName string `json:"fromName"`
	TLS      string `json:"tls"`
}

type Rbac struct {
	ReloadInterval time.Duration `json:"reloadInterval"`
}

// Jobs configures this node's scheduler. Schedules themselves live in the jobs table.
type Jobs struct {
	// Enabled false keeps this node from running scheduled jobs (it still serves the admin
	// endpoints and manual runs), e.g. to dedicate other nodes to background work.
	Enabled bool `json:"enabled"`
	// ReloadInterval is how often the node re-reads the jobs table, so edits made on any node
	// reach it within that time.
	ReloadInterval time.Duration `json:"reloadInterval"`
	// StopTimeout is how long shutdown waits for running jobs before cancelling them.
	StopTimeout time.Duration `json:"stopTimeout"`
}

// HTTP bounds how long a client may take and how hard an unauthenticated one may push.
type HTTP struct {
	// ReadHeaderTimeout is how long a client may take to send the request line and headers.
	ReadHeaderTimeout time.Duration `json:"readHeaderTimeout"`
	// ReadTimeout is how long it may take to send the body, counted from the end of the headers;
	// a body not complete by then is answered 408.
	ReadTimeout time.Duration `json:"readTimeout"`
	// WriteTimeout bounds writing the response; 0 (no limit) because streamed answers (exports,
	// relay streams) legitimately take long.
	WriteTimeout time.Duration `json:"writeTimeout"`
	// IdleTimeout is how long a keep-alive connection may wait for its next request.
	IdleTimeout time.Duration `json:"idleTimeout"`
	// UnauthenticatedPerMinute caps, per client IP, the requests refused with 401; past it they
	// are answered 429 and no longer written to the operation log one by one.
	UnauthenticatedPerMinute int `json:"unauthenticatedPerMinute"`
}

// Quota: UnitsPerYuan is how many ledger units make one yuan (100: 1 unit = 1 分). Every
// balance and price is stored in units, so the first boot records it and a later boot with
// another value refuses to start rather than silently rescale every account.
type Quota struct {
	UnitsPerYuan int64 `json:"unitsPerYuan"`
}

// CORS lists the browser origins allowed to call the API from another site. Empty allows none:
// the panel is served from the same origin.
type Config struct {
	HTTPAddr string `json:"-"`
	DataDir  string `json:"dataDir"`
	DBLink   string `json:"dbLink"`
	// DBReplicaLink is a MySQL read replica: reads of logs and statistics (relay logs, usage)
	// go to it through gf's master/slave nodes; everything else stays on DBLink.
	DBReplicaLink string `json:"dbReplicaLink"`
	Redis         Redis  `json:"redis"`
	AdminPassword string `json:"adminPassword"`
	SecretKey     string `json:"secretKey"`
	TimeZone      string `json:"timeZone"`
	Debug         bool   `json:"debug"`
	PublicURL     string `json:"publicUrl"`
	// TrustedProxies are the CIDRs whose X-Forwarded-For is believed (e.g. the load balancer).
	TrustedProxies []string `json:"trustedProxies"`
	Auth           Auth     `json:"auth"`
	Mail           Mail     `json:"mail"`
	Rbac           Rbac     `json:"rbac"`
	Jobs           Jobs     `json:"jobs"`
	HTTP           HTTP     `json:"http"`
	// LogRetention is the age after which operation, login and job-run rows are archived under
	// <dataDir>/archive and deleted; 0 keeps them forever.
	LogRetention time.Duration `json:"logRetention"`
	// ExportMaxRows caps one Excel export; a larger filtered set is refused, never cut short.
	ExportMaxRows int `json:"exportMaxRows"`
	// Quota is the ledger's unit, fixed at first boot (see the quota module).
	Quota Quota `json:"quota"`
	// Backup is where backups go and the key that seals them (internal/backup).
	Backup Backup `json:"backup"`
	// Relay holds the AI relay's restart-only limits (kami.relay.*).
	Relay Relay `json:"relay"`
	// NodeID names this process in job run logs and metrics.
	NodeID string `json:"-"`
}

// Backup configures the logical backups. Key is its own 32 bytes (64 hex digits or base64),
// never the master key: whoever holds backups and this key can read them, nothing else.
type Backup struct {
	Key string `json:"key"`
	// Dir holds the backup files; empty: <dataDir>/backups.
	Dir string `json:"dir"`
}

var current atomic.Pointer[Config]

// Get returns the loaded configuration. Load must have run (boot does it first thing).
func Get() *Config {
	if c := current.Load(); c != nil {
		return c
	}
	panic("config.Get called before config.Load") // programming error at boot, not control flow
}

// Set replaces the configuration; tests use it to shorten windows.
func Set(c *Config) { current.Store(c) }

// Load reads config.yaml (the file on disk when present, else the embedded default) and applies
// the environment. It also points g.Cfg() at the same content so gf's own sections
// (server, logger) read it.
func Load(ctx context.Context) (*Config, error) {
	if !gfile.Exists("manifest/config/config.yaml") && !gfile.Exists("config.yaml") {
		if a, ok := g.Cfg().GetAdapter().(*gcfg.AdapterFile); ok {
			a.SetContent(manifest.ConfigYAML)
		}
	}
	c := &Config{}
	v, err := g.Cfg().Get(ctx, "kami")
	if err != nil {
		return nil, err
	}
	if err = v.Scan(c); err != nil {
		return nil, err
	}
	addr, err := g.Cfg().Get(ctx, "server.address", ":8000")
	if err != nil {
		return nil, err
	}
	c.HTTPAddr = addr.String()
	if err = applyEnv(c); err != nil {
		return nil, err
	}
	applyDefaults(c)
	if c.NodeID == "" {
		host, _ := os.Hostname()
		c.NodeID = host + "-" + strconv.Itoa(os.Getpid())
	}
	current.Store(c)
	return c, nil
}

// applyEnv applies the KAMI_* variables. A value that does not parse stops the boot with its
// name: KAMI_JOBS_ENABLED=yes silently meaning false would put a node's jobs quietly off.
func applyEnv(c *Config) error {
	str := func(name string, dst *string) {
		if v, ok := os.LookupEnv(name); ok {
			*dst = strings.TrimSpace(v)
		}
	}
	str("KAMI_HTTP_ADDR", &c.HTTPAddr)
	str("KAMI_DATA_DIR", &c.DataDir)
	str("KAMI_DB_LINK", &c.DBLink)
	str("KAMI_DB_REPLICA_LINK", &c.DBReplicaLink)
	str("KAMI_REDIS_ADDR", &c.Redis.Addr)
	str("KAMI_REDIS_PASS", &c.Redis.Pass)
	str("KAMI_REDIS_PREFIX", &c.Redis.Prefix)
	str("KAMI_ADMIN_PASSWORD", &c.AdminPassword)
	str("KAMI_SECRET_KEY", &c.SecretKey)
	str("KAMI_BACKUP_KEY", &c.Backup.Key)
	str("KAMI_BACKUP_DIR", &c.Backup.Dir)
	str("KAMI_NODE_ID", &c.NodeID)
	str("KAMI_PUBLIC_URL", &c.PublicURL)
	if v := os.Getenv("KAMI_TRUSTED_PROXIES"); v != "" {
		c.TrustedProxies = strings.Split(v, ",")
	}
	if _, err := clientip.New(c.TrustedProxies); err != nil {
		return fmt.Errorf("trusted proxies (KAMI_TRUSTED_PROXIES / kami.trustedProxies): %v", err)
	}
	if v := strings.TrimSpace(os.Getenv("KAMI_JOBS_ENABLED")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("KAMI_JOBS_ENABLED=%q: want true or false", v)
		}
		c.Jobs.Enabled = b
	}
	if v := strings.TrimSpace(os.Getenv("KAMI_REDIS_DB")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("KAMI_REDIS_DB=%q: want a database index (0, 1, ...)", v)
		}
		c.Redis.DB = n
	}
	if c.DataDir == "" {
		c.DataDir = "./data"
	}
	return nil
}

// applyDefaults fills limits a config file from an older release lacks: a zero there would
// mean "no limit", which is never what an operator who did not mention the key meant.
func applyDefaults(c *Config) {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.HTTP.ReadHeaderTimeout, 10*time.Second)
	def(&c.HTTP.ReadTimeout, 30*time.Second)
	def(&c.HTTP.IdleTimeout, 60*time.Second)
	if c.Quota.UnitsPerYuan <= 0 {
		c.Quota.UnitsPerYuan = 100
	}
	if c.HTTP.UnauthenticatedPerMinute <= 0 {
		c.HTTP.UnauthenticatedPerMinute = 60
	}
	relayDefaults(&c.Relay)
}

// Embedded reports whether this node runs on the embedded SQLite database.
func (c *Config) Embedded() bool { return c.DBLink == "" || strings.HasPrefix(c.DBLink, "sqlite:") }
