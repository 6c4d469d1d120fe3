package settings

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// normalize turns a Go value (a default) into the canonical value of the type.
func normalize(t Type, v any) (any, error) {
	switch t {
	case TypeBool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case TypeInt:
		switch n := v.(type) {
		case int:
			return int64(n), nil
		case int64:
			return n, nil
		}
	case TypeString:
		if s, ok := v.(string); ok {
			return s, nil
		}
	case TypeDuration:
		if d, ok := v.(time.Duration); ok {
			return d, nil
		}
	case TypeStrings:
		if v == nil {
			return []string{}, nil
		}
		if s, ok := v.([]string); ok {
			return slices.Clone(s), nil
		}
	case TypeJSON:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(b), nil
	default:
		return nil, fmt.Errorf("unknown type %q", t)
	}
	return nil, fmt.Errorf("%T is not a %s", v, t)
}

// decode reads a JSON value of the type, as written by an operator or stored.
func decode(t Type, raw json.RawMessage) (any, error) {
	switch t {
	case TypeBool:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return nil, rule("settings.rule.bool")
		}
		return b, nil
	case TypeInt:
		var n int64
		if err := json.Unmarshal(raw, &n); err != nil {
			return nil, rule("settings.rule.int")
		}
		return n, nil
	case TypeString:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, rule("settings.rule.string")
		}
		return s, nil
	case TypeDuration:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, rule("settings.rule.duration")
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return nil, rule("settings.rule.duration")
		}
		return d, nil
	case TypeStrings:
		var s []string
		if err := json.Unmarshal(raw, &s); err != nil || s == nil {
			return nil, rule("settings.rule.strings")
		}
		return s, nil
	case TypeJSON:
		if !json.Valid(raw) {
			return nil, rule("settings.rule.json")
		}
		return json.RawMessage(slices.Clone(raw)), nil
	}
	return nil, fmt.Errorf("unknown type %q", t)
}

// encode is the JSON form of a canonical value: what is stored and what the API shows.
func encode(t Type, v any) json.RawMessage {
	if t == TypeDuration {
		v = v.(time.Duration).String()
	}
	if raw, ok := v.(json.RawMessage); ok {
		return raw
	}
	b, _ := json.Marshal(v) // canonical values always marshal
	return b
}

// check applies a definition's own rules to a canonical value.
func check(d *Def, v any) error {
	var n int64
	switch d.Type {
	case TypeInt:
		n = v.(int64)
	case TypeDuration:
		n = int64(v.(time.Duration)) // Min/Max of a duration are nanoseconds
	}
	if d.Min != nil && n < *d.Min {
		return rule("settings.rule.min", bound(d, *d.Min))
	}
	if d.Max != nil && n > *d.Max {
		return rule("settings.rule.max", bound(d, *d.Max))
	}
	if len(d.Enum) > 0 && d.Type == TypeString && !slices.Contains(d.Enum, v.(string)) {
		return rule("settings.rule.enum", strings.Join(d.Enum, ", "))
	}
	if d.Validate != nil {
		return d.Validate(v)
	}
	return nil
}

func bound(d *Def, n int64) string {
	if d.Type == TypeDuration {
		return time.Duration(n).String()
	}
	return fmt.Sprint(n)
}

// equal compares two canonical values of one type.
func equal(t Type, a, b any) bool { return string(encode(t, a)) == string(encode(t, b)) }

// ruleError is a broken rule as an i18n key and its arguments, localized where it is shown.
type ruleError struct {
	key  string
	args []any
}

func rule(key string, args ...any) error { return &ruleError{key, args} }

func (e *ruleError) Error() string { return fmt.Sprintf(e.key+" %v", e.args) }
