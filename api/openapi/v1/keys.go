package v1

import "github.com/gogf/gf/v2/frame/g"

type KeysReq struct {
	g.Meta `path:"/keys" method:"get" tags:"OpenAPI" summary:"The project's response-signing public keys (no signature needed)" auth:"public" maintenance:"exempt" envelope:"openapi"`
	AppKey string `json:"appKey" v:"required|length:1,64#appKey is required|appKey is too long"`
}

type KeysRes struct {
	Keys []PublicKey `json:"keys"`
}

type PublicKey struct {
	Kid       string `json:"kid"`
	Alg       string `json:"alg"       dc:"Ed25519"`
	PublicKey string `json:"publicKey" dc:"standard base64 of the 32-byte key"`
	Status    string `json:"status"    dc:"active (signs now) or retiring (still valid for answers signed before a rotation)"`
}
