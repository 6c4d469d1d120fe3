package ipipv

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// handle runs one decrypted call against the fake's state: (data, code, msg).
func (f *Fake) handle(path string, params json.RawMessage) (any, int, string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch path {
	case PathInfo:
		return Info{AppName: "fake", Coin: fenString(f.coin), Credit: "0", Status: 1}, 200, ""
	case PathProducts:
		var p struct{ ProductNo string }
		_ = json.Unmarshal(params, &p)
		out := []Product{}
		for _, pr := range f.products {
			if p.ProductNo == "" || pr.ProductNo == p.ProductNo {
				out = append(out, pr)
			}
		}
		return out, 200, ""
	case PathProductAreas:
		var p struct{ ProductNo string }
		_ = json.Unmarshal(params, &p)
		out := []Area{}
		for _, a := range f.areas {
			if a.ProductNo == p.ProductNo {
				out = append(out, a)
			}
		}
		return out, 200, ""
	case PathUser, PathProxyUser:
		var p struct {
			AppUsername string `json:"appUsername"`
		}
		_ = json.Unmarshal(params, &p)
		if _, ok := f.users[p.AppUsername]; !ok {
			f.users[p.AppUsername] = -1
		}
		return Account{AppUsername: p.AppUsername, Username: "u_" + p.AppUsername, Status: 1}, 200, ""
	case PathFlowLimit:
		var p struct {
			ProductNo   string `json:"productNo"`
			AppUsername string `json:"appUsername"`
			LimitFlow   int64  `json:"limitFlow"`
		}
		_ = json.Unmarshal(params, &p)
		f.users[p.AppUsername] = p.LimitFlow
		f.limits[p.AppUsername+"/"+p.ProductNo] = p.LimitFlow
		return nil, 200, ""
	case PathOpen, PathOpenAssign:
		return f.open(path, params)
	case PathRenew, PathRelease:
		return f.hold(path, params)
	case PathWhitelistAdd, PathWhitelistDel:
		var r struct {
			AppUsername, IP, ProductNo string
		}
		_ = json.Unmarshal(params, &r)
		key, set := r.AppUsername+"/"+r.ProductNo, []string{}
		for _, ip := range f.whitelist[r.AppUsername+"/"+r.ProductNo] {
			if ip != r.IP {
				set = append(set, ip)
			}
		}
		if path == PathWhitelistAdd {
			set = append(set, r.IP)
		}
		f.whitelist[key] = set
		return map[string]any{"ipWhiteList": set}, 200, ""
	case PathDrawAPI, PathDrawPwd:
		var r DrawRequest
		if json.Unmarshal(params, &r) != nil || r.Num < 1 {
			return nil, 400, "bad params"
		}
		out := make([]Drawn, 0, r.Num)
		for i := 0; i < r.Num; i++ {
			d := Drawn{ProxyURL: fmt.Sprintf("%s:%d", "10.1.0.1", 9000+i)}
			if path == PathDrawPwd {
				d.ProxyURL = fmt.Sprintf("%s:pw@10.1.0.1:%d", r.AppUsername, 9000+i)
				d.List = []string{d.ProxyURL}
			}
			out = append(out, d)
		}
		return map[string]any{"list": out}, 200, ""
	case PathOrder:
		var p struct {
			AppOrderNo string `json:"appOrderNo"`
		}
		_ = json.Unmarshal(params, &p)
		o, ok := f.orders[p.AppOrderNo]
		if !ok {
			return nil, 404, "order not found"
		}
		return *o, 200, ""
	}
	return f.handleMore(path, params)
}

// open places an order once per appOrderNo; a repeat returns the first answer.
func (f *Fake) open(path string, params json.RawMessage) (any, int, string) {
	var productNo, appOrderNo, assignIP string
	var count, cycles int
	var flowMB int64
	if path == PathOpen {
		var r OpenRequest
		if json.Unmarshal(params, &r) != nil || len(r.Params) != 1 {
			return nil, 400, "bad params"
		}
		appOrderNo, productNo, count, cycles, flowMB = r.AppOrderNo, r.Params[0].ProductNo, r.Params[0].Count, r.Params[0].CycleTimes, r.Params[0].Flow
	} else {
		var r AssignRequest
		if json.Unmarshal(params, &r) != nil {
			return nil, 400, "bad params"
		}
		appOrderNo, productNo, count, cycles, assignIP = r.AppOrderNo, r.ProductNo, 1, r.CycleTimes, r.AssignIP
	}
	if o, ok := f.orders[appOrderNo]; ok {
		return OrderAck{OrderNo: o.OrderNo, AppOrderNo: appOrderNo, Amount: o.Amount}, 200, ""
	}
	var pr *Product
	for i := range f.products {
		if f.products[i].ProductNo == productNo {
			pr = &f.products[i]
		}
	}
	if pr == nil || pr.Enable != 1 {
		return nil, 500, "product unavailable"
	}
	cost, _ := YuanToFen(pr.CostPrice)
	var amount int64
	if pr.Dynamic() {
		gb := flowMB / FlowBase(pr.FlowConversionBase)
		amount = cost * gb
		count = int(gb)
	} else {
		amount = cost * int64(count) * int64(cycles)
	}
	if amount > f.coin {
		return nil, 500, "余额不足"
	}
	f.coin -= amount
	o := &Order{OrderNo: f.nextOrderNo(), AppOrderNo: appOrderNo, Type: 1, Status: OrderProcessing, Count: count,
		Amount: fenString(amount), Total: count}
	if assignIP != "" {
		f.more.assigned[appOrderNo] = assignIP
	}
	f.orders[appOrderNo] = o
	f.orderProduct[appOrderNo] = productNo
	return OrderAck{OrderNo: o.OrderNo, AppOrderNo: appOrderNo, Amount: o.Amount}, 200, ""
}

// hold places a renew (cost × cycles per instance) or a release (free) once per appOrderNo.
func (f *Fake) hold(path string, params json.RawMessage) (any, int, string) {
	var appOrderNo string
	items := map[string]int{}
	if path == PathRenew {
		var r RenewRequest
		if json.Unmarshal(params, &r) != nil || len(r.Instances) == 0 {
			return nil, 400, "bad params"
		}
		appOrderNo = r.AppOrderNo
		for _, it := range r.Instances {
			items[it.InstanceNo] = it.CycleTimes
		}
	} else {
		var r ReleaseRequest
		if json.Unmarshal(params, &r) != nil || len(r.Instances) == 0 {
			return nil, 400, "bad params"
		}
		appOrderNo = r.AppOrderNo
		for _, no := range r.Instances {
			items[no] = 0
		}
	}
	if o, ok := f.orders[appOrderNo]; ok {
		return OrderAck{OrderNo: o.OrderNo, AppOrderNo: appOrderNo, Amount: o.Amount}, 200, ""
	}
	var amount int64
	for no, cycles := range items {
		pn, ok := f.instProduct[no]
		if !ok {
			return nil, 500, "instance not found"
		}
		for _, pr := range f.products {
			if pr.ProductNo == pn {
				cost, _ := YuanToFen(pr.CostPrice)
				amount += cost * int64(cycles)
			}
		}
	}
	if amount > f.coin {
		return nil, 500, "余额不足"
	}
	f.coin -= amount
	typ := 2
	if path == PathRelease {
		typ = 3
	}
	o := &Order{OrderNo: f.nextOrderNo(), AppOrderNo: appOrderNo, Type: typ, Status: OrderProcessing, Count: len(items),
		Amount: fenString(amount), Total: len(items)}
	f.orders[appOrderNo] = o
	f.held[appOrderNo] = items
	return OrderAck{OrderNo: o.OrderNo, AppOrderNo: appOrderNo, Amount: o.Amount}, 200, ""
}

// settle applies the scripted outcome (by appOrderNo, else productNo, else Success).
func (f *Fake) settle(o *Order) {
	out, ok := f.outcomes[o.AppOrderNo]
	if !ok {
		if out, ok = f.outcomes[f.orderProduct[o.AppOrderNo]]; !ok {
			out = Success
		}
	}
	amount, _ := YuanToFen(o.Amount)
	switch out.kind {
	case "hang":
		return
	case "fail":
		o.Status = OrderFailed
		f.coin += amount
	case "partial":
		o.Status = OrderPartial
		f.coin += amount - amount*int64(out.k)/int64(max(o.Count, 1))
		o.Instances = f.instances(o, out.k)
	default:
		o.Status = OrderSuccess
		if items, ok := f.held[o.AppOrderNo]; ok {
			o.Instances = f.heldInstances(o, items)
			return
		}
		o.Instances = f.instances(o, o.Count)
	}
}

// heldInstances answers a renewed (30 days a cycle from now) or released (status 11) set.
func (f *Fake) heldInstances(o *Order, items map[string]int) []Instance {
	out := make([]Instance, 0, len(items))
	for no, cycles := range items {
		in := Instance{InstanceNo: no, ProductNo: f.instProduct[no], Status: 3,
			UserExpired: f.Now().Add(time.Duration(cycles) * 30 * 24 * time.Hour).Unix()}
		if o.Type == 3 {
			in.Status, in.UserExpired = 11, 0
			if f.refundable(no) {
				o.Refund = 1
			}
		}
		f.remember(in)
		out = append(out, in)
	}
	return out
}

func (f *Fake) instances(o *Order, n int) []Instance {
	out := make([]Instance, 0, n)
	for i := 0; i < n; i++ {
		f.instProduct[fmt.Sprintf("%s-%d", o.OrderNo, i)] = f.orderProduct[o.AppOrderNo]
		in := Instance{InstanceNo: fmt.Sprintf("%s-%d", o.OrderNo, i), IP: "10.0.0." + strconv.Itoa(i+1),
			Port: 8000 + i, Username: fmt.Sprintf("u%d", i), Pwd: fmt.Sprintf("pw%s%d", o.OrderNo, i), Protocol: "socks5",
			Status: 3, UserExpired: f.Now().Add(30 * 24 * 3600e9).Unix(), ProductNo: f.orderProduct[o.AppOrderNo]}
		if ip, ok := f.more.assigned[o.AppOrderNo]; ok {
			in.IP = ip
		}
		f.remember(in)
		out = append(out, in)
	}
	return out
}

func fenString(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }
