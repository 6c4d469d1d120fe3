// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package card

import (
	"context"

	"kami/api/card/v1"
)

type ICardV1 interface {
	BatchCreate(ctx context.Context, req *v1.BatchCreateReq) (res *v1.BatchCreateRes, err error)
	BatchList(ctx context.Context, req *v1.BatchListReq) (res *v1.BatchListRes, err error)
	BatchGet(ctx context.Context, req *v1.BatchGetReq) (res *v1.BatchGetRes, err error)
	BatchExport(ctx context.Context, req *v1.BatchExportReq) (res *v1.BatchExportRes, err error)
	BatchDisable(ctx context.Context, req *v1.BatchDisableReq) (res *v1.BatchDisableRes, err error)
	BatchEnable(ctx context.Context, req *v1.BatchEnableReq) (res *v1.BatchEnableRes, err error)
	CardList(ctx context.Context, req *v1.CardListReq) (res *v1.CardListRes, err error)
	CardGet(ctx context.Context, req *v1.CardGetReq) (res *v1.CardGetRes, err error)
	CardStatus(ctx context.Context, req *v1.CardStatusReq) (res *v1.CardStatusRes, err error)
	CardsStatus(ctx context.Context, req *v1.CardsStatusReq) (res *v1.CardsStatusRes, err error)
	CardUnbind(ctx context.Context, req *v1.CardUnbindReq) (res *v1.CardUnbindRes, err error)
}
