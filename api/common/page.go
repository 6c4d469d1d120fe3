// Package common holds request and response pieces shared by every api/<domain>/v1 package.
package common

// PageReq is the paging and sorting query of every list endpoint (admin-api.md "Lists").
type PageReq struct {
	Page      int    `json:"page"      d:"1"  v:"min:1#page must be at least 1"       dc:"page number, from 1"`
	PageSize  int    `json:"pageSize"  d:"20" v:"between:1,100"                      dc:"rows per page, 1..100"`
	SortBy    string `json:"sortBy"    v:"max-length:32|regex:^[A-Za-z_]*$"          dc:"field to sort by"`
	SortOrder string `json:"sortOrder" v:"in:asc,desc,"                               dc:"asc or desc"`
}
