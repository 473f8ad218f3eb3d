package interp

import (
	"go/ast"
	"go/token"
)

// splitGenericVarInit rewrites, at a cell's top level, `var x T = f[A](…)`, a
// variable declared with a type and set from a call of an instantiated generic
// function, as `var x T; x = f[A](…)`. yaegi v0.16.1 leaves such a session
// variable at its zero value (an empty slice from slices.Clone), with no error;
// an assignment sets it. (`x := f[A](…)` and `var x = f[A](…)` fail to compile
// in yaegi: "not a generic type"; the front end, which knows T, writes the
// typed form.)
func splitGenericVarInit(list []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	for _, st := range list {
		ds, ok := st.(*ast.DeclStmt)
		g, isGen := func() (*ast.GenDecl, bool) {
			if !ok {
				return nil, false
			}
			g, ok := ds.Decl.(*ast.GenDecl)
			return g, ok && g.Tok == token.VAR
		}()
		if !isGen {
			out = append(out, st)
			continue
		}
		for _, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			decl := &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: g.TokPos, Tok: token.VAR, Specs: []ast.Spec{vs}}}
			if vs.Type == nil || len(vs.Values) != len(vs.Names) || !anyGenericCall(vs.Values) {
				out = append(out, decl)
				continue
			}
			values := vs.Values
			vs.Values = nil
			out = append(out, decl)
			for i, name := range vs.Names {
				if name.Name == "_" {
					out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, TokPos: name.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{values[i]}})
					continue
				}
				out = append(out, &ast.AssignStmt{
					Lhs: []ast.Expr{&ast.Ident{NamePos: name.Pos(), Name: name.Name}}, TokPos: name.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{values[i]},
				})
			}
		}
	}
	return out
}

// anyGenericCall reports whether one of values is a call of an instantiated
// function, f[A](…) or f[A, B](…).
func anyGenericCall(values []ast.Expr) bool {
	for _, v := range values {
		if c, ok := ast.Unparen(v).(*ast.CallExpr); ok {
			switch c.Fun.(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				return true
			}
		}
	}
	return false
}
