package ipipv

import (
	"encoding/json"
	"sort"
	"time"
)

// fakeMore is the fake's state for the second step's reads: delivered instances (the
// instance/list/v2 view), assigned IPs, regions, pools, flow logs and returns.
type fakeMore struct {
	insts    map[string]*Instance // instanceNo → current state
	opened   map[string]time.Time // instanceNo → delivery time (refund window)
	assigned map[string]string    // appOrderNo → the assigned IP
	taken    map[string]bool      // IPs that cannot be bought by assign
	regions  []Region
	pools    map[string]Pool      // appUsername/productNo → pool
	flowLogs map[string][]FlowUse // appUsername/productNo → rows
	returns  []FakeReturn
}

// FakeReturn is one proxy/return/v2 the fake received.
type FakeReturn struct {
	AppUsername, ProductNo string
	FlowMB                 int64
}

func newFakeMore() fakeMore {
	return fakeMore{insts: map[string]*Instance{}, opened: map[string]time.Time{}, assigned: map[string]string{},
		taken: map[string]bool{}, pools: map[string]Pool{}, flowLogs: map[string][]FlowUse{},
		regions: []Region{{Code: "AS", Name: "亚洲", NameEn: "Asia", Children: []Region{
			{Code: "JPN", Name: "日本", NameEn: "Japan", Children: []Region{{Code: "JPN-TYO", Name: "东京", NameEn: "Tokyo"}}}}},
			{Code: "NA", Name: "北美", NameEn: "North America", Children: []Region{{Code: "USA", Name: "美国", NameEn: "United States"}}}}}
}

func (f *Fake) remember(in Instance) {
	cur, ok := f.more.insts[in.InstanceNo]
	if !ok {
		c := in
		f.more.insts[in.InstanceNo] = &c
		f.more.opened[in.InstanceNo] = f.Now()
		if in.IP != "" {
			f.more.taken[in.IP] = true
		}
		return
	}
	cur.Status = in.Status
	if in.UserExpired > 0 || in.Status == 11 {
		cur.UserExpired = in.UserExpired
	}
}

// refundable: the released instance is inside its product's refundDuration (hours).
func (f *Fake) refundable(no string) bool {
	for _, pr := range f.products {
		if pr.ProductNo == f.instProduct[no] && pr.RefundDuration > 0 {
			return f.Now().Sub(f.more.opened[no]) <= time.Duration(pr.RefundDuration)*time.Hour
		}
	}
	return false
}

func (f *Fake) handleMore(path string, params json.RawMessage) (any, int, string) {
	switch path {
	case PathUserInfo:
		return f.userInfo(params)
	case PathArea:
		return f.more.regions, 200, ""
	case PathAssignInfo:
		var p struct{ IP string }
		_ = json.Unmarshal(params, &p)
		can := 1
		if f.more.taken[p.IP] {
			can = 0
		}
		return AssignInfo{IP: p.IP, CanBuyStatus: can}, 200, ""
	case PathInstance:
		var p struct{ Instances []string }
		_ = json.Unmarshal(params, &p)
		out := []Instance{}
		for _, no := range p.Instances {
			if in, ok := f.more.insts[no]; ok {
				out = append(out, *in)
			}
		}
		return out, 200, ""
	case PathInstanceList:
		var p struct{ Page, PageSize int }
		_ = json.Unmarshal(params, &p)
		nos := make([]string, 0, len(f.more.insts))
		for no := range f.more.insts {
			nos = append(nos, no)
		}
		sort.Strings(nos)
		out := InstancePage{Total: len(nos), List: []Instance{}}
		for i := (max(p.Page, 1) - 1) * p.PageSize; i < len(nos) && len(out.List) < p.PageSize; i++ {
			out.List = append(out.List, *f.more.insts[nos[i]])
		}
		return out, 200, ""
	case PathOrderList:
		out := OrderPage{List: []Order{}}
		for _, o := range f.orders {
			out.List = append(out.List, *o)
		}
		sort.Slice(out.List, func(i, j int) bool { return out.List[i].OrderNo < out.List[j].OrderNo })
		out.Total = len(out.List)
		return out, 200, ""
	case PathProxyInfo:
		var p struct{ AppUsername, ProductNo string }
		_ = json.Unmarshal(params, &p)
		list := []Pool{}
		if pl, ok := f.more.pools[p.AppUsername+"/"+p.ProductNo]; ok {
			list = append(list, pl)
		}
		return map[string]any{"list": list}, 200, ""
	case PathFlowLog:
		var p struct{ AppUsername, ProductNo string }
		_ = json.Unmarshal(params, &p)
		rows := f.more.flowLogs[p.AppUsername+"/"+p.ProductNo]
		return FlowLogPage{List: append([]FlowUse{}, rows...), Total: len(rows)}, 200, ""
	case PathReturn:
		var p struct {
			AppUsername, ProductNo string
			FlowNum                int64
		}
		_ = json.Unmarshal(params, &p)
		f.more.returns = append(f.more.returns, FakeReturn{AppUsername: p.AppUsername, ProductNo: p.ProductNo, FlowMB: p.FlowNum})
		// Returned at cost: 1 GB (base MB) at the product's cost price.
		var amount float64
		for _, pr := range f.products {
			if pr.ProductNo == p.ProductNo {
				cost, _ := YuanToFen(pr.CostPrice)
				amount = float64(cost) * float64(p.FlowNum) / float64(FlowBase(pr.FlowConversionBase)) / 100
			}
		}
		return map[string]any{"returnAmount": amount}, 200, ""
	}
	return nil, 404, "unknown path " + path
}

// SetPool sets the pool proxy/info/v2 answers for a main account and product (MB strings).
func (f *Fake) SetPool(appUsername string, p Pool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.more.pools[appUsername+"/"+p.ProductNo] = p
}

// AddFlowLogs appends flow use rows for a main account and product.
func (f *Fake) AddFlowLogs(appUsername, productNo string, rows ...FlowUse) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.more.flowLogs[appUsername+"/"+productNo] = append(f.more.flowLogs[appUsername+"/"+productNo], rows...)
}

// Returns lists the flow returns received.
func (f *Fake) Returns() []FakeReturn {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FakeReturn(nil), f.more.returns...)
}

// SetInstance changes an instance as the upstream would on its own (drift for instance_sync).
func (f *Fake) SetInstance(no string, change func(*Instance)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if in, ok := f.more.insts[no]; ok {
		change(in)
	}
}

// TakeIP marks an IP as not buyable by assign.
func (f *Fake) TakeIP(ip string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.more.taken[ip] = true
}

// SetOrder changes the upstream's record of an order (tests of the consistency job); an
// unknown appOrderNo is added as an order placed outside Kami.
func (f *Fake) SetOrder(appOrderNo string, change func(*Order)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	o, ok := f.orders[appOrderNo]
	if !ok {
		o = &Order{OrderNo: f.nextOrderNo(), AppOrderNo: appOrderNo}
		f.orders[appOrderNo] = o
	}
	change(o)
}
