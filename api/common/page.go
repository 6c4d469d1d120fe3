// Package common holds request and response pieces shared by every api/<domain>/v1 package.
package common

// PageReq is the paging and sorting query of every list endpoint (admin-api.md "Lists"); the
// sorting rules are internal/listq's, the same on every list.
type PageReq struct {
	Page      int    `json:"page"      d:"1"  v:"min:1"          dc:"page number, from 1"`
	PageSize  int    `json:"pageSize"  d:"20" v:"between:1,100"  dc:"rows per page, 1..100"`
	SortBy    string `json:"sortBy"    v:"max-length:32"         dc:"a field the list can sort by; absent: its id. Any other value is 400 SORT_FIELD_INVALID"`
	SortOrder string `json:"sortOrder" v:"in:asc,desc,"          dc:"asc or desc; absent: the field's natural order, A to Z for text, newest or largest first for times, ids and numbers"`
}
