package testkit

import (
	"os"
	"os/exec"
	"testing"

	"github.com/gogf/gf/v2/os/gctx"

	"kami/internal/cmd"
)

// commandChild, as childEnv's value, makes the re-executed test binary run the kami command
// line (cmd.Main) with its arguments instead of serving: `kami unlock USER` and the like, with
// the real argument parsing and boot configuration from the environment.
const commandChild = "command"

// RunCommand runs `kami args...` in a process of its own against this test's database, Redis
// and data dir, and returns what it printed (stdout and stderr) and its exit error.
func (e *Env) RunCommand(t testing.TB, args ...string) (string, error) {
	t.Helper()
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), childEnv+"="+commandChild,
		"KAMI_DB_LINK="+e.DBLink, "KAMI_REDIS_ADDR="+e.RedisAddr, "KAMI_REDIS_PREFIX="+e.Prefix,
		"KAMI_SECRET_KEY="+e.Secret, "KAMI_DATA_DIR="+e.DataDir, "KAMI_JOBS_ENABLED=false")
	if e.sharedClock {
		c.Env = append(c.Env, sharedClockEnv+"=1")
	}
	out, err := c.CombinedOutput()
	return string(out), err
}

// runCommand is the child side of RunCommand: os.Args is [binary, args...], which cmd.Main
// parses as the kami binary would (the test flags are parsed only by m.Run, never reached).
func runCommand() int {
	if err := cmd.Main.RunWithError(gctx.New()); err != nil {
		os.Stderr.WriteString("kami: " + err.Error() + "\n")
		return 1
	}
	return 0
}
