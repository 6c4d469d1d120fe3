// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
)

type (
	IGeo interface {
		// Locate names where ip is: "country region city" in Chinese where the database has Chinese
		// names (the ops panel's first language), else in English; LAN or Unknown otherwise.
		Locate(ctx context.Context, ip string) string
	}
)

var (
	localGeo IGeo
)

func Geo() IGeo {
	if localGeo == nil {
		panic("implement not found for interface IGeo, forgot register?")
	}
	return localGeo
}

func RegisterGeo(i IGeo) {
	localGeo = i
}
