package ipipv

import (
	"encoding/json"
	"fmt"
	"strconv"
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
	return nil, 404, "unknown path " + path
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
	_ = assignIP
	f.orders[appOrderNo] = o
	f.orderProduct[appOrderNo] = productNo
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
		o.Instances = f.instances(o, o.Count)
	}
}

func (f *Fake) instances(o *Order, n int) []Instance {
	out := make([]Instance, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, Instance{InstanceNo: fmt.Sprintf("%s-%d", o.OrderNo, i), IP: "10.0.0." + strconv.Itoa(i+1),
			Port: 8000 + i, Status: 3, UserExpired: f.Now().Add(30 * 24 * 3600e9).Unix()})
	}
	return out
}

func fenString(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }
