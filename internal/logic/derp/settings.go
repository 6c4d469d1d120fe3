package derp

import (
	"encoding/json"
	"fmt"
	"net/url"

	v1 "kami/api/derp/v1"

	"kami/internal/logic/settings"
)

// The derp.* settings (derp.md §3, §5, §8). Contract-fixed numbers (the 30-day serial life, the
// 10 failed claims per hour) are constants, not settings: outside clients are written to them.
const (
	keyRegisterEnabled = "derp.register.enabled"
	keyRequireInvite   = "derp.register.requireInvite"
	keyPayment         = "derp.payment"
	keyAdmitBaseURL    = "derp.admitBaseUrl"
)

// Payment is the derp.payment value: the public answer's own shape, so what S stores is what
// buyers see.
type Payment = v1.PublicPaymentRes

func init() {
	settings.Define(settings.Def{Key: keyRegisterEnabled, Group: "derp", Type: settings.TypeBool, Default: true})
	settings.Define(settings.Def{Key: keyRequireInvite, Group: "derp", Type: settings.TypeBool, Default: false})
	settings.Define(settings.Def{Key: keyPayment, Group: "derp", Type: settings.TypeJSON, Default: Payment{},
		Validate: func(v any) error {
			raw, err := json.Marshal(v)
			if err != nil {
				return err
			}
			var p Payment
			return json.Unmarshal(raw, &p)
		}})
	settings.Define(settings.Def{Key: keyAdmitBaseURL, Group: "derp", Type: settings.TypeString, Default: "",
		Validate: func(v any) error {
			s := v.(string)
			if s == "" {
				return nil
			}
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("an http(s) URL the DERP hosts can reach")
			}
			return nil
		}})
}
