package proxy_test

import (
	"fmt"
	"net/http"
	"testing"
)

type instance struct {
	InstanceNo string  `json:"instanceNo"`
	Ip         string  `json:"ip"`
	Status     string  `json:"status"`
	AutoRenew  bool    `json:"autoRenew"`
	UserId     int64   `json:"userId"`
	Remark     string  `json:"remark"`
	ExpiresAt  *string `json:"expiresAt"`
	Password   *string `json:"password"`
}

func TestInstancesViewAndEdit(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 10_000)
	other := login(t, testkitSeedAgent(t))

	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 2, "cycleTimes": 1}).
		Expect(t, http.StatusOK).Decode(t, &o)
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if len(o.Instances) != 2 {
		t.Fatalf("order %+v", o)
	}
	var list struct {
		Items []instance `json:"items"`
		Total int        `json:"total"`
	}
	w.Agent.C.Get(t, "/api/proxy/instances/list").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 2 || list.Items[0].Status != "running" || list.Items[0].Password != nil || list.Items[0].ExpiresAt == nil {
		t.Fatalf("list %+v", list)
	}
	w.Boss.C.Get(t, "/api/proxy/instances/list").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 2 {
		t.Fatalf("the agent-admin sees its subtree: %+v", list)
	}
	other.C.Get(t, "/api/proxy/instances/list").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 0 {
		t.Fatalf("another agent sees none: %+v", list)
	}
	path := "/api/proxy/instances/" + o.Instances[0]
	var in instance
	w.Agent.C.Get(t, path).Expect(t, http.StatusOK).Decode(t, &in)
	if in.Password == nil || *in.Password == "" {
		t.Fatalf("the detail shows the sealed password: %+v", in)
	}
	other.C.Get(t, path).Expect(t, http.StatusNotFound)
	other.C.Put(t, path, map[string]any{"remark": "x"}).Expect(t, http.StatusNotFound)

	var u proxyUser
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": "inst01"}).Expect(t, http.StatusOK).Decode(t, &u)
	var foreign proxyUser
	other.C.Post(t, "/api/proxy/users", map[string]any{"username": "inst02"}).Expect(t, http.StatusOK).Decode(t, &foreign)
	w.Agent.C.Put(t, path, map[string]any{"autoRenew": true, "userId": u.Id, "remark": "main"}).
		Expect(t, http.StatusOK).Decode(t, &in)
	if !in.AutoRenew || in.UserId != u.Id || in.Remark != "main" {
		t.Fatalf("updated %+v", in)
	}
	w.Agent.C.Put(t, path, map[string]any{"userId": foreign.Id}).Expect(t, http.StatusNotFound)
	w.Agent.C.Put(t, path, map[string]any{"remark": string(make([]byte, 101))}).Expect(t, http.StatusBadRequest)
}
