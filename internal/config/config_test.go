package config

import (
	"context"
	"strings"
	"testing"
)

// A KAMI_* value that does not parse stops the boot and names the variable, instead of quietly
// meaning something else (KAMI_JOBS_ENABLED=yes used to switch the jobs off).
func TestBadEnvironmentValuesStopTheBoot(t *testing.T) {
	cases := []struct {
		env, value, says string
	}{
		{"KAMI_JOBS_ENABLED", "yes", "KAMI_JOBS_ENABLED"},
		{"KAMI_JOBS_ENABLED", "maybe", "true or false"},
		{"KAMI_REDIS_DB", "one", "KAMI_REDIS_DB"},
		{"KAMI_REDIS_DB", "-1", "KAMI_REDIS_DB"},
		{"KAMI_TRUSTED_PROXIES", "10.0.0.0/8,not-an-ip", "KAMI_TRUSTED_PROXIES"},
	}
	for _, c := range cases {
		t.Run(c.env+"="+c.value, func(t *testing.T) {
			t.Setenv(c.env, c.value)
			_, err := Load(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("Load with %s=%q: %v", c.env, c.value, err)
			}
		})
	}
	for env, value := range map[string]string{"KAMI_JOBS_ENABLED": "false", "KAMI_REDIS_DB": "2", "KAMI_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"} {
		t.Run("good "+env, func(t *testing.T) {
			t.Setenv(env, value)
			c, err := Load(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if env == "KAMI_JOBS_ENABLED" && c.Jobs.Enabled || env == "KAMI_REDIS_DB" && c.Redis.DB != 2 {
				t.Fatalf("%s=%s not applied: %+v", env, value, c)
			}
		})
	}
}
