package derp

import (
	"strings"
)

// uaFamilies is the small user-agent table of §1 (family + major version), most specific
// first: Edge and Opera also say Chrome, Chrome also says Safari.
var uaFamilies = []struct{ token, family string }{
	{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"}, {"CriOS/", "Chrome"},
	{"FxiOS/", "Firefox"}, {"Version/", "Safari"}, {"curl/", "curl"}, {"Wget/", "Wget"},
	{"PowerShell/", "PowerShell"}, {"python-requests/", "python-requests"}, {"Go-http-client/", "Go"},
}

// browserOf names the client of a download ("Chrome 120", "curl 8"); "Other" when unknown.
func browserOf(ua string) string {
	for _, f := range uaFamilies {
		i := strings.Index(ua, f.token)
		if i < 0 {
			continue
		}
		if f.family == "Safari" && !strings.Contains(ua, "Safari/") {
			continue
		}
		v := ua[i+len(f.token):]
		end := 0
		for end < len(v) && end < 6 && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		if end == 0 {
			return f.family
		}
		return f.family + " " + v[:end]
	}
	if ua == "" {
		return ""
	}
	return "Other"
}
