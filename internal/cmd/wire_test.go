package cmd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wire() is a list kept by hand; a service left out of it runs on the system clock and the
// boot config without anyone noticing (the relay did). Every generated service interface with
// one of the methods wire() calls must be in that list.
func TestWireCoversEveryConfigurableService(t *testing.T) {
	fset := token.NewFileSet()
	boot, err := parser.ParseFile(fset, "boot.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	wired := map[string]bool{}
	for _, d := range boot.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "wire" {
			continue
		}
		ast.Inspect(fn, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "service" {
					wired[sel.Sel.Name] = true
				}
			}
			return true
		})
	}
	if len(wired) == 0 {
		t.Fatal("found no service in wire()")
	}
	files, _ := filepath.Glob("../service/*.go")
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			it, ok := ts.Type.(*ast.InterfaceType)
			if !ok || !strings.HasPrefix(ts.Name.Name, "I") {
				return true
			}
			for _, m := range it.Methods.List {
				for _, name := range m.Names {
					switch name.Name {
					case "SetClock", "Configure", "SetMailer":
						if svc := strings.TrimPrefix(ts.Name.Name, "I"); !wired[svc] {
							t.Errorf("service.%s() has %s but is not in wire() (internal/cmd/boot.go)", svc, name.Name)
						}
					}
				}
			}
			return false
		})
	}
}
