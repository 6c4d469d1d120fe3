package relay

import (
	"encoding/json"
	"net/http"
	"sort"

	"github.com/gogf/gf/v2/net/ghttp"
)

type modelObject struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

// visibleModels is what a token may call: priced and enabled, served by an enabled channel of
// its owner's group, and in its allow-list (empty = all), sorted by id.
func visibleModels(sn *snapshot, tk *token) []modelObject {
	var out []modelObject
	for m, tiers := range sn.route[tk.Group] {
		p, ok := sn.prices[m]
		if !ok || len(tiers) == 0 || (len(tk.AllowedModels) > 0 && !tk.AllowedModels[m]) {
			continue
		}
		out = append(out, modelObject{ID: m, Object: "model", Created: p.Created, OwnedBy: p.OwnedBy})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Models serves GET /v1/models and GET /v1/models/{model}.
func (s *sRelay) Models(r *ghttp.Request) {
	rid := s.begin(r)
	tk, aerr := s.authenticate(r)
	if aerr != nil {
		aerr.write(r, rid)
		return
	}
	sn, err := s.current(r.Context())
	if err != nil {
		newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.").write(r, rid)
		return
	}
	list := visibleModels(sn, tk)
	var body any = map[string]any{"object": "list", "data": append([]modelObject{}, list...)}
	if id := r.GetRouter("model").String(); id != "" {
		body = nil
		for _, m := range list {
			if m.ID == id {
				body = m
			}
		}
		if body == nil {
			newAPIError(http.StatusNotFound, "model_not_found", "The model "+id+" does not exist or you do not have access to it.").withArg(id).withParam("model").write(r, rid)
			return
		}
	}
	data, _ := json.Marshal(body)
	r.Response.Header().Set("Content-Type", "application/json")
	r.Response.Write(data)
}
