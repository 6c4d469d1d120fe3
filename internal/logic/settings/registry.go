package settings

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Type is how a setting's value is read, validated and shown.
type Type string

const (
	TypeBool     Type = "bool"     // JSON true/false
	TypeInt      Type = "int"      // JSON integer (int64)
	TypeString   Type = "string"   // JSON string
	TypeDuration Type = "duration" // JSON string in Go syntax: "15m", "1h30m"
	TypeStrings  Type = "strings"  // JSON array of strings
	TypeJSON     Type = "json"     // any JSON value, checked by Validate
)

// Def declares one setting. Modules call Define from their init; the registry is fixed once
// the service starts.
type Def struct {
	Key   string // "<module>.<key>", e.g. "auth.lockAfterFailures"
	Group string // the panel groups by it; its title is the i18n key "settings.group.<group>"
	Type  Type
	// Default is the value while none is stored, as the Go value of the type: bool, int64 (or
	// int), string, time.Duration, []string, or for TypeJSON anything encoding/json accepts.
	Default any
	// Secret values are stored sealed and shown masked; a masked value written back keeps it.
	Secret bool
	// RestartRequired tells the operator the value is read at boot only.
	RestartRequired bool
	// Min and Max bound an int (and a duration, in its own unit) when non-nil.
	Min, Max *int64
	// Enum lists the allowed values of a string setting when non-empty.
	Enum []string
	// Validate checks a parsed value further; its error text is shown to the operator.
	Validate func(v any) error
}

// Bound returns a pointer for Def.Min and Def.Max.
func Bound(n int64) *int64 { return &n }

var (
	regMu    sync.Mutex
	registry = map[string]*Def{}
	sealed   bool
	// The module part may hold an underscore: camel-oil.md names its keys camel_oil.<name>.
	keyRule    = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*\.[a-z][a-zA-Z0-9.]*$`)
	secretName = regexp.MustCompile(`(?i)(password|secret|token|key)`)
	// reserved keys are rows of the settings table owned by something else.
	reserved = map[string]bool{"rbac.version": true, versionKey: true}
)

// Define registers a setting. A malformed or duplicate definition, or one made after boot, is
// a programming error found at startup, so it panics.
func Define(d Def) {
	regMu.Lock()
	defer regMu.Unlock()
	if sealed {
		panic(fmt.Sprintf("settings.Define(%q) after the service started", d.Key))
	}
	if !keyRule.MatchString(d.Key) || len(d.Key) > 64 || reserved[d.Key] {
		panic(fmt.Sprintf("settings.Define: bad key %q (want <module>.<key>)", d.Key))
	}
	if d.Secret && !secretName.MatchString(d.Key) {
		// The operation log redacts request fields by name; a secret named otherwise would be
		// written there in clear when an operator sets it.
		panic(fmt.Sprintf("settings.Define: secret %q must be named like one (password, secret, token, key)", d.Key))
	}
	if _, dup := registry[d.Key]; dup {
		panic(fmt.Sprintf("settings.Define: %q defined twice", d.Key))
	}
	if d.Group == "" {
		d.Group, _, _ = strings.Cut(d.Key, ".") // the module
	}
	def, err := normalize(d.Type, d.Default)
	if err != nil {
		panic(fmt.Sprintf("settings.Define(%q): default: %v", d.Key, err))
	}
	d.Default = def
	if err = check(&d, def); err != nil {
		panic(fmt.Sprintf("settings.Define(%q): default fails its own rules: %v", d.Key, err))
	}
	registry[d.Key] = &d
}

// seal fixes the registry; Start calls it.
func seal() {
	regMu.Lock()
	sealed = true
	regMu.Unlock()
}

func lookup(key string) (*Def, bool) {
	regMu.Lock()
	defer regMu.Unlock()
	d, ok := registry[key]
	return d, ok
}

// defs lists every setting by group, then key.
func defs() []*Def {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]*Def, 0, len(registry))
	for _, d := range registry {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Key < out[j].Key
	})
	return out
}
