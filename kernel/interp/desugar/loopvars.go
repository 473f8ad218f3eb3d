package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Since Go 1.22 each iteration of a loop has its own loop variables
// (https://go.dev/ref/spec#For_statements). yaegi v0.16.1 shares one variable
// across iterations, so what a body keeps of one beyond its iteration, a
// closure using it or a pointer to it (&v, v.M() with a pointer receiver, v[:]
// of an array), saw only the last value: `for _, x := range xs { ps =
// append(ps, &x) }` gave pointers to the last element. A variable declared in
// the body with := is a new one each time in yaegi too, so perIteration
// declares the loop's variables again at the start of the body, where the body
// may keep them:
//
//	for k, v := range xs { … }   →   for k, v := range xs { k := k; v := v; … }
//
// A three-clause loop's variable carries the body's changes to the next
// iteration, whose copy the post statement changes; so the loop runs on a
// hidden variable, copied in at the start of the body and back at its end and
// before each continue that goes on with the loop:
//
//	for i := 0; i < n; i++ { … }   →   for __i := 0; __i < n; __i++ { i := __i; …; __i = i }

// escapingLoopVars records the variables of the loops under root whose address
// the body takes, explicitly or by calling a method with a pointer receiver, or
// by slicing an array: found while root is typed, for perIteration, which runs
// after the passes that add statements (and closures) of their own.
func (d *desugarer) escapingLoopVars(root ast.Node) {
	loopVars := map[types.Object]*ast.Ident{}
	ast.Inspect(root, func(n ast.Node) bool {
		for _, id := range loopVarIdents(n) {
			if obj := d.info.Defs[id]; obj != nil {
				loopVars[obj] = id
			}
		}
		return true
	})
	if len(loopVars) == 0 {
		return
	}
	addressed := func(e ast.Expr) {
		if id := d.addressedVar(e); id != nil {
			if def, ok := loopVars[d.info.Uses[id]]; ok {
				d.escaping[def] = true
			}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				addressed(n.X)
			}
		case *ast.SliceExpr:
			if _, ok := d.underlying(n.X).(*types.Array); ok {
				addressed(n.X)
			}
		case *ast.SelectorExpr:
			sel := d.info.Selections[n]
			if sel != nil && sel.Kind() == types.MethodVal {
				_, ptrRecv := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
				if _, ptr := d.underlying(n.X).(*types.Pointer); ptrRecv && !ptr {
					addressed(n.X)
				}
			}
		}
		return true
	})
}

// addressedVar returns the variable whose storage &e points into: e itself, or
// the variable e is a field or an array element of; or nil.
func (d *desugarer) addressedVar(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			sel := d.info.Selections[x]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			if _, ok := d.underlying(x.X).(*types.Array); !ok {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// loopVarIdents returns the variables loop n declares, if it is a loop.
func loopVarIdents(n ast.Node) []*ast.Ident {
	var decl []ast.Expr
	switch n := n.(type) {
	case *ast.ForStmt:
		if a, ok := n.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			decl = a.Lhs
		}
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			decl = []ast.Expr{n.Key, n.Value}
		}
	}
	var ids []*ast.Ident
	for _, e := range decl {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			ids = append(ids, id)
		}
	}
	return ids
}

// perIteration gives each loop under root its variables per iteration (see the
// top of the file) where its body may keep them: escaping holds those whose
// address the body takes (escapingLoopVars); a function literal in the body
// uses the others.
func perIteration(root ast.Node, escaping map[*ast.Ident]bool, cfg Config) {
	labels := map[ast.Stmt]string{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LabeledStmt:
			labels[n.Stmt] = n.Label.Name
		case *ast.RangeStmt:
			if vars := kept(n, n.Body, escaping); len(vars) > 0 {
				n.Body.List = append([]ast.Stmt{define(n.Body.Lbrace, names(vars), names(vars))}, n.Body.List...)
			}
		case *ast.ForStmt:
			if vars := kept(n, n.Body, escaping); len(vars) > 0 {
				hiddenLoop(n, vars, labels[n], cfg)
			}
		}
		return true
	})
}

// hiddenLoop makes loop run on hidden variables in place of vars, the loop's
// own, which the body declares again from them and copies back to them at its
// end and at each continue of the loop (see the top of the file). At a
// continue a variable of the body may hide the loop's, so the copy back goes
// through pointers to them, taken at the start.
func hiddenLoop(loop *ast.ForStmt, vars []*ast.Ident, label string, cfg Config) {
	own := names(vars)
	hidden := make([]string, len(vars))
	ptrs := make([]string, len(vars))
	for i, v := range vars {
		hidden[i] = "__" + v.Name + strconv.Itoa(cfg.Unique())
		ptrs[i] = "__p" + strconv.Itoa(cfg.Unique())
		renameIn(loop.Cond, v.Name, hidden[i])
		renameIn(loop.Post, v.Name, hidden[i])
		v.Name = hidden[i] // in the init
	}
	body := loop.Body
	continued := replaceContinues(body, label, func(c *ast.BranchStmt) ast.Stmt {
		derefs := make([]ast.Expr, len(ptrs))
		for i, p := range ptrs {
			derefs[i] = &ast.StarExpr{Star: c.Pos(), X: ident(c.Pos(), p)}
		}
		back := &ast.AssignStmt{Lhs: idents(c.Pos(), hidden), TokPos: c.Pos(), Tok: token.ASSIGN, Rhs: derefs}
		return &ast.BlockStmt{Lbrace: c.Pos(), List: []ast.Stmt{back, c}, Rbrace: c.End()}
	})
	start, end := body.Lbrace, body.Rbrace
	list := []ast.Stmt{define(start, own, hidden)}
	if continued {
		addrs := make([]ast.Expr, len(own))
		for i, v := range own {
			addrs[i] = &ast.UnaryExpr{OpPos: start, Op: token.AND, X: ident(start, v)}
		}
		list = append(list, &ast.AssignStmt{Lhs: idents(start, ptrs), TokPos: start, Tok: token.DEFINE, Rhs: addrs})
	}
	list = append(list, body.List...)
	body.List = append(list, &ast.AssignStmt{Lhs: idents(end, hidden), TokPos: end, Tok: token.ASSIGN, Rhs: idents(end, own)})
}

// replaceContinues replaces each continue statement in body that goes on with
// the loop body is of, labelled label, by what replace returns for it, and
// reports whether there was one.
func replaceContinues(body *ast.BlockStmt, label string, replace func(*ast.BranchStmt) ast.Stmt) bool {
	replaced := false
	inner := 0 // loops around the node inside body
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			inner++
		case *ast.BranchStmt:
			if n.Tok == token.CONTINUE && (n.Label == nil && inner == 0 || n.Label != nil && n.Label.Name == label) {
				c.Replace(replace(n))
				replaced = true
				return false
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inner--
		}
		return true
	})
	return replaced
}

// renameIn renames the variable old to new in n (not fields or methods of that
// name).
func renameIn(n ast.Node, old, new string) {
	if n == nil {
		return
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.SelectorExpr:
			renameIn(m.X, old, new)
			return false
		case *ast.KeyValueExpr:
			if _, ok := m.Key.(*ast.Ident); ok {
				renameIn(m.Value, old, new) // a field's name, or a map key, which cannot be told apart here
				return false
			}
		case *ast.Ident:
			if m.Name == old {
				m.Name = new
			}
		}
		return true
	})
}

// kept returns the variables loop declares that its body may keep beyond the
// iteration: escaping ones, and those a function literal in the body uses.
func kept(loop ast.Node, body *ast.BlockStmt, escaping map[*ast.Ident]bool) []*ast.Ident {
	vars := loopVarIdents(loop)
	if len(vars) == 0 {
		return nil
	}
	captured := map[string]bool{}
	ast.Inspect(body, func(m ast.Node) bool {
		if lit, ok := m.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(k ast.Node) bool {
				if id, ok := k.(*ast.Ident); ok {
					captured[id.Name] = true
				}
				return true
			})
			return false
		}
		return true
	})
	var out []*ast.Ident
	for _, v := range vars {
		if escaping[v] || captured[v.Name] {
			out = append(out, v)
		}
	}
	return out
}

// define returns `lhs… := rhs…`.
func define(pos token.Pos, lhs, rhs []string) ast.Stmt {
	return &ast.AssignStmt{Lhs: idents(pos, lhs), TokPos: pos, Tok: token.DEFINE, Rhs: idents(pos, rhs)}
}

func idents(pos token.Pos, names []string) []ast.Expr {
	ids := make([]ast.Expr, len(names))
	for i, n := range names {
		ids[i] = ident(pos, n)
	}
	return ids
}

func names(ids []*ast.Ident) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.Name
	}
	return out
}
