// Package v1 is the caller's own menu API, read by Vben's access module after login.
package v1

import "github.com/gogf/gf/v2/frame/g"

type AllReq struct {
	g.Meta `path:"/menu/all" method:"get" tags:"Auth" summary:"The caller's route and menu tree" auth:"login"`
}

// AllRes is a bare array: Vben's access module takes the envelope's data as the route list
// itself, so wrapping it in an object would need a patched request layer.
type AllRes []*MenuItem

// MenuItem is one Vben route record. Titles are already localized for the request language;
// Vben's $t returns a string that is not one of its own keys unchanged.
type MenuItem struct {
	Name      string      `json:"name"                dc:"unique route name"`
	Path      string      `json:"path"                dc:"absolute route path"`
	Component string      `json:"component,omitempty" dc:"view path under src/views; empty for a catalog"`
	Redirect  string      `json:"redirect,omitempty"`
	Meta      MenuMeta    `json:"meta"`
	Children  []*MenuItem `json:"children,omitempty"`
}

type MenuMeta struct {
	Title      string `json:"title"`
	Icon       string `json:"icon"`
	Order      int    `json:"order"`
	HideInMenu bool   `json:"hideInMenu,omitempty"`
}
