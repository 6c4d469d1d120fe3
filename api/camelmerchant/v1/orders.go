// Package v1 is the merchant API of camel oil (camel-oil.md §4), under /merchant/v1/camel-oil:
// called from merchants' servers, signed exactly like the OpenAPI (openapi.md "Request
// signing") with the merchant's appKey, answered in the OpenAPI's envelope {code, message,
// error, data} (error the machine code). Responses are not Ed25519-signed in v1.
package v1

import "github.com/gogf/gf/v2/frame/g"

// Order is an order as its merchant sees it.
type Order struct {
	OrderNo         string  `json:"orderNo"         dc:"Kami's order number: CO + 18 digits"`
	MerchantOrderNo string  `json:"merchantOrderNo"`
	Amount          int64   `json:"amount"          dc:"fen"`
	Status          string  `json:"status"          dc:"pending_pay, paid or expired"`
	PayUrl          string  `json:"payUrl"`
	ExpireAt        *string `json:"expireAt"        dc:"RFC 3339"`
	PaidAt          *string `json:"paidAt"          dc:"RFC 3339, null until paid"`
	CreatedAt       string  `json:"createdAt"       dc:"RFC 3339"`
	Attach          string  `json:"attach"          dc:"echoed in the callback"`
}

type SubmitReq struct {
	g.Meta          `path:"/orders" method:"post" tags:"骆驼加油 Merchant API" summary:"Submit a payment order: it goes to an account with room today and answers the pay URL" maintenance:"exempt" envelope:"openapi" answers:"unsigned"`
	MerchantOrderNo string `json:"merchantOrderNo" v:"required|regex:^[A-Za-z0-9_-]{1,64}$#merchantOrderNo is required|merchantOrderNo: 1-64 of A-Z a-z 0-9 _ -"`
	Amount          int64  `json:"amount"          v:"required|min:1#amount is required|amount must be positive" dc:"fen"`
	Attach          string `json:"attach"          v:"max-length:255#attach: at most 255 characters"`
}

type SubmitRes struct {
	*Order
}

type QueryReq struct {
	g.Meta          `path:"/orders/query" method:"post" tags:"骆驼加油 Merchant API" summary:"An order of the calling merchant, by merchantOrderNo or orderNo; changes nothing" maintenance:"exempt" envelope:"openapi" answers:"unsigned"`
	MerchantOrderNo string `json:"merchantOrderNo" v:"max-length:64#merchantOrderNo: at most 64 characters"`
	OrderNo         string `json:"orderNo"         v:"required-without:MerchantOrderNo|max-length:32#merchantOrderNo or orderNo is required|orderNo: at most 32 characters"`
}

type QueryRes struct {
	*Order
}
