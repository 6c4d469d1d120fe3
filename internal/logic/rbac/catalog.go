package rbac

import (
	"fmt"
	"strings"
	"sync"

	"kami/internal/consts"
)

// Menu row types. A catalog groups menus, a menu is a routed page, a button is a permission
// inside a page; all three may carry APIs, and all three can be granted.
const (
	TypeCatalog = "catalog"
	TypeMenu    = "menu"
	TypeButton  = "button"
)

// Node is one entry of the built-in menu catalog. The catalog is code, not data an admin
// edits: Sync makes the menus table match it at every boot, and admins only choose which
// roles hold which rows.
type Node struct {
	Type string
	// Name is the unique key a row is matched by across boots (and Vben's route name), so
	// renaming a node creates a new row and retires the old one. Buttons default to AuthCode.
	Name string
	// Parent attaches a top-level node to a node registered elsewhere (another module's
	// catalog); nodes nested in Children get their parent from the nesting.
	Parent    string
	Path      string
	Component string
	Redirect  string
	// Title is an i18n key, localized per request so one row serves every language.
	Title      string
	Icon       string
	Sort       int
	AuthCode   string
	HideInMenu bool
	// APIs are "METHOD /api/route" with the route pattern exactly as gf registers it, since
	// the RBAC middleware enforces on the matched pattern, not on the concrete URL.
	APIs []string
	// Roles receive the node when its row is first inserted, never again: a later boot must
	// not undo an admin's revocation. Empty means the enclosing node's roles. The
	// super-admin holds every row without grants.
	Roles    []string
	Children []Node
}

var (
	catalogMu sync.Mutex
	catalog   []Node // flattened, Children emptied, Parent filled in
	names     = map[string]bool{}
)

// Register adds nodes to the catalog; modules call it from init so their menus appear
// without editing this package. Mistakes here are programming errors found by any test
// run, so they panic instead of surfacing at boot on a production node.
func Register(nodes ...Node) {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	for _, n := range nodes {
		if err := flatten(n, n.Parent, nil); err != nil {
			panic("rbac.Register: " + err.Error())
		}
	}
}

func flatten(n Node, parent string, inherited []string) error {
	if n.Type == TypeButton && n.Name == "" {
		n.Name = n.AuthCode
	}
	if err := validate(n); err != nil {
		return err
	}
	if names[n.Name] {
		return fmt.Errorf("menu %q registered twice", n.Name)
	}
	if len(n.Roles) == 0 {
		n.Roles = inherited
	}
	children := n.Children
	n.Parent, n.Children = parent, nil
	names[n.Name] = true
	catalog = append(catalog, n)
	for _, c := range children {
		if err := flatten(c, n.Name, n.Roles); err != nil {
			return err
		}
	}
	return nil
}

func validate(n Node) error {
	switch n.Type {
	case TypeCatalog, TypeMenu:
		if n.Path == "" {
			return fmt.Errorf("menu %q needs a path", n.Name)
		}
	case TypeButton:
		if n.AuthCode == "" {
			return fmt.Errorf("button %q needs an authCode", n.Name)
		}
		if len(n.Children) > 0 {
			return fmt.Errorf("button %q cannot have children", n.Name)
		}
	default:
		return fmt.Errorf("menu %q has unknown type %q", n.Name, n.Type)
	}
	if n.Name == "" {
		return fmt.Errorf("a %s node needs a name", n.Type)
	}
	for _, api := range n.APIs {
		if _, _, err := splitAPI(api); err != nil {
			return fmt.Errorf("menu %q: %w", n.Name, err)
		}
	}
	for _, r := range n.Roles {
		if consts.RoleLevel(r) < 0 {
			return fmt.Errorf("menu %q: unknown role %q", n.Name, r)
		}
	}
	return nil
}

var methods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "*": true}

// splitAPI parses "METHOD /route" into the casbin object and action.
func splitAPI(api string) (route, method string, err error) {
	f := strings.Fields(api)
	if len(f) != 2 || !methods[strings.ToUpper(f[0])] || !strings.HasPrefix(f[1], "/") {
		return "", "", fmt.Errorf("api %q is not \"METHOD /route\"", api)
	}
	return f[1], strings.ToUpper(f[0]), nil
}

// ordered returns the catalog with every parent before its children. Parents may be
// registered by another package in any init order, so they are resolved only now.
func ordered() ([]Node, error) {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	byName := make(map[string]Node, len(catalog))
	for _, n := range catalog {
		byName[n.Name] = n
	}
	depth := make(map[string]int, len(catalog))
	var depthOf func(name string, seen int) (int, error)
	depthOf = func(name string, seen int) (int, error) {
		if d, ok := depth[name]; ok {
			return d, nil
		}
		n := byName[name]
		if n.Parent == "" {
			return 0, nil
		}
		p, ok := byName[n.Parent]
		if !ok {
			return 0, fmt.Errorf("menu %q: parent %q is not registered", name, n.Parent)
		}
		if p.Type == TypeButton || seen > len(catalog) {
			return 0, fmt.Errorf("menu %q: parent %q cannot hold it", name, n.Parent)
		}
		d, err := depthOf(n.Parent, seen+1)
		depth[name] = d + 1
		return d + 1, err
	}
	levels := [][]Node{}
	for _, n := range catalog {
		d, err := depthOf(n.Name, 0)
		if err != nil {
			return nil, err
		}
		for len(levels) <= d {
			levels = append(levels, nil)
		}
		levels[d] = append(levels[d], n)
	}
	out := make([]Node, 0, len(catalog))
	for _, l := range levels {
		out = append(out, l...)
	}
	return out, nil
}
