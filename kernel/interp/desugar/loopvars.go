package desugar

import (
	"go/ast"
	"go/token"
)

// perIteration gives each iteration of a loop its own loop variables, as Go 1.22
// does, where a function literal in the body uses them: yaegi v0.16.1 shares one
// variable across iterations, so closures (goroutines, callbacks) made in a loop
// all saw its last value. The body starts with `v := v` for each such variable.
// A loop whose body assigns to its variable is left alone: in Go 1.22 that
// assignment carries over to the next iteration, which a copy would lose.
// (A loop at a cell's top level runs in a function literal: see topLevel.)
func perIteration(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		vars, body := loopCopies(n)
		if len(vars) == 0 {
			return true
		}
		pos := body.Lbrace
		copies := make([]ast.Stmt, len(vars))
		for i, v := range vars {
			copies[i] = &ast.AssignStmt{
				Lhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: v}}, TokPos: pos, Tok: token.DEFINE,
				Rhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: v}},
			}
		}
		body.List = append(copies, body.List...)
		return true
	})
}

// loopCopies returns the variables of loop n that need a copy per iteration,
// and its body.
func loopCopies(n ast.Node) ([]string, *ast.BlockStmt) {
	var vars []*ast.Ident
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.ForStmt:
		if a, ok := n.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					vars = append(vars, id)
				}
			}
		}
		body = n.Body
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					vars = append(vars, id)
				}
			}
		}
		body = n.Body
	}
	if body == nil || len(vars) == 0 {
		return nil, nil
	}
	captured := map[string]bool{}
	assigned := map[string]bool{}
	ast.Inspect(body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			ast.Inspect(m.Body, func(k ast.Node) bool {
				if id, ok := k.(*ast.Ident); ok {
					captured[id.Name] = true
				}
				return true
			})
		case *ast.AssignStmt:
			if m.Tok != token.DEFINE {
				for _, l := range m.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						assigned[id.Name] = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := m.X.(*ast.Ident); ok {
				assigned[id.Name] = true
			}
		}
		return true
	})
	var names []string
	for _, v := range vars {
		if v.Name != "_" && captured[v.Name] && !assigned[v.Name] {
			names = append(names, v.Name)
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	return names, body
}

func isCompound(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		return true
	}
	return false
}

// callAtOnce returns `func() { st }()`.
func callAtOnce(st ast.Stmt) ast.Stmt {
	pos, end := st.Pos(), st.End()
	return &ast.ExprStmt{X: &ast.CallExpr{
		Fun: &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{Opening: pos, Closing: pos}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{st}, Rbrace: end},
		},
		Lparen: end,
		Rparen: end,
	}}
}
