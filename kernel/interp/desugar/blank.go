package desugar

import (
	"go/ast"

	"golang.org/x/tools/go/ast/astutil"
)

// blankVars drops the blank names of var declarations without values, which
// declare nothing (`var _ T`, `var _, b int` → `var b int`): yaegi v0.16.1 fails
// to compile them in a function ("cannot use _ as value"). A declaration left with
// no names goes. (A cell's top level is rewritten by topLevel, which does the same.)
func blankVars(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		ds, ok := c.Node().(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok {
			return true
		}
		specs := gd.Specs[:0]
		for _, sp := range gd.Specs {
			vs, ok := sp.(*ast.ValueSpec)
			if !ok || len(vs.Values) > 0 {
				specs = append(specs, sp)
				continue
			}
			names := vs.Names[:0]
			for _, n := range vs.Names {
				if n.Name != "_" {
					names = append(names, n)
				}
			}
			if vs.Names = names; len(names) > 0 {
				specs = append(specs, vs)
			}
		}
		if gd.Specs = specs; len(specs) == 0 {
			c.Replace(&ast.EmptyStmt{Semicolon: ds.Pos(), Implicit: true})
		}
		return true
	})
}
