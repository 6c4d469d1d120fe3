package model

// MemberInput is a DERP customer account (derp.md §1) the derp module asks the user service to
// create: the role member, named by its email, under its distributor (or the platform).
type MemberInput struct {
	Email, Password, RealName, Remark string
	ParentID                          int64
	ParentPath                        string
}
