package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

type SerialBatchCreateReq struct {
	g.Meta        `path:"/derp/serials/batches" method:"post" tags:"DERP" summary:"Issue a batch of serials; the plaintext codes appear only in this answer and the export"`
	PlanId        int64  `json:"planId"        v:"required|min:1"`
	Count         int    `json:"count"         v:"required|between:1,1000"`
	DistributorId *int64 `json:"distributorId" v:"min:1" dc:"absent: platform serials"`
	Remark        string `json:"remark"        v:"max-length:255"`
}

type SerialBatchCreateRes struct {
	Id            int64    `json:"id"`
	PlanId        int64    `json:"planId"`
	Count         int      `json:"count"`
	DistributorId *int64   `json:"distributorId"`
	ExpiresAt     string   `json:"expiresAt"`
	Codes         []string `json:"codes"`
}
