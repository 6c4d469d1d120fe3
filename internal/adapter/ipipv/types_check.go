package ipipv

import "context"

// UserFlow is proxy/user/info/v2: a proxy user's flow limit and use for one product (bytes).
type UserFlow struct {
	LimitFlow int64 `json:"limitFlow"`
	UseFlow   int64 `json:"useFlow"`
}

// UserInfo calls proxy/user/info/v2 (a read: the consistency job compares the limit with ours).
func (c *Client) UserInfo(ctx context.Context, productNo, appUsername string) (UserFlow, error) {
	var out UserFlow
	return out, c.Call(ctx, Read, PathUserInfo, NewReqID(),
		map[string]any{"productNo": productNo, "appUsername": appUsername}, &out)
}
