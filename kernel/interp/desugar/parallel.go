package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 compiles a parallel assignment, `p, r := 3, []int{1}` or
// `x, y = Label{}, 3`, pair by pair, and a pair whose value it can write
// straight into its variable (a composite literal, a call, a receive) turns
// off the statement's own assignment, for every pair: the others keep their
// old or zero value (p is 0), with no error (cfg.go, the assignStmt case). Its
// parallel assignment to variables of interface types panics besides
// (reflect.Set: … not assignable): it copies the values through temporaries of
// the values' types.
//
// So such a statement puts its values in temporaries of its variables' types
// first, one statement each, in order, then the operands of the index
// expressions and indirections on its left, and assigns one variable per
// statement:
//
//	xs[i], n = f(), []int{1}   →   var __pa1 T = f()
//	                                var __pa2 []int = []int{1}
//	                                __lo3 := xs; __lo4 := i
//	                                __lo3[__lo4] = __pa1
//	                                n = __pa2
//
// (:= declares the new variables the same way, var declares each.) Go
// evaluates the left side's operands and the values before it assigns, the
// calls in order (gc all calls first), so a left side that calls a function is
// refused. In the init statement of an if or switch, the statements go before
// it, in a block; a for statement keeps the variables it declares, one per
// iteration, and only the values move out. A for statement's post statement
// and a labelled statement, where nothing can go before them, are refused.
func (d *desugarer) parallelAssigns(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			if _, labelled := c.Parent().(*ast.LabeledStmt); labelled {
				if before, _ := d.parallelValues(n.(ast.Stmt)); len(before) > 0 {
					d.errs = append(d.errs, refuse.At(d.cfg.Fset, n.Pos(), refuse.ParallelAssignment, "a labelled statement"))
				}
				return true
			}
			if c.Index() < 0 {
				return true // an init statement: see hoistInit
			}
			before, assigns := d.parallelValues(n.(ast.Stmt))
			for _, st := range append(before, assigns...) {
				c.InsertBefore(st)
			}
			if len(assigns) > 0 {
				c.Delete()
			}
			return true
		case *ast.GenDecl:
			if c.Index() < 0 || n.Tok != token.VAR {
				return true // in a DeclStmt, or not a variable
			}
			before, assigns := d.parallelValues(&ast.DeclStmt{Decl: n})
			for _, st := range append(before, assigns...) {
				c.InsertBefore(st.(*ast.DeclStmt).Decl)
			}
			if len(assigns) > 0 {
				c.Delete()
			}
			return true
		case *ast.IfStmt:
			if elif, ok := n.Else.(*ast.IfStmt); ok {
				if temps := d.hoistInit(elif); len(temps) > 0 {
					n.Else = &ast.BlockStmt{Lbrace: elif.Pos(), List: append(temps, elif), Rbrace: elif.End()}
				}
			}
		case *ast.ForStmt:
			if as, ok := n.Post.(*ast.AssignStmt); ok && d.needsTemps(as.Lhs, as.Rhs) {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, as.Pos(), refuse.ParallelAssignment,
					"the post statement of a for loop"))
			}
		}
		if st, ok := c.Node().(ast.Stmt); ok && c.Index() >= 0 {
			if temps := d.hoistInit(st); len(temps) > 0 {
				c.Replace(&ast.BlockStmt{Lbrace: st.Pos(), List: append(temps, st), Rbrace: st.End()})
			}
		}
		return true
	})
}

// hoistInit returns what goes before st (if, for, switch, labelled or not),
// in a block of their own, for the parallel assignment that is its init
// statement: the temporaries, and the assignments, which then leave st. The
// variables a for statement declares stay in it, one per iteration.
func (d *desugarer) hoistInit(st ast.Stmt) []ast.Stmt {
	if ls, ok := st.(*ast.LabeledStmt); ok {
		st = ls.Stmt
	}
	var init *ast.Stmt
	keep := false
	switch st := st.(type) {
	case *ast.IfStmt:
		init = &st.Init
	case *ast.ForStmt:
		init = &st.Init
		as, ok := st.Init.(*ast.AssignStmt)
		keep = ok && as.Tok == token.DEFINE
	case *ast.SwitchStmt:
		init = &st.Init
	case *ast.TypeSwitchStmt:
		init = &st.Init
	}
	if init == nil || *init == nil {
		return nil
	}
	if keep {
		as := (*init).(*ast.AssignStmt)
		if !d.needsTemps(as.Lhs, as.Rhs) {
			return nil
		}
		before, _ := d.valueTemps(as.Lhs, as.Rhs, nil)
		return before
	}
	before, assigns := d.parallelValues(*init)
	if len(assigns) > 0 {
		*init = nil
	}
	return append(before, assigns...)
}

// parallelValues returns, for st, a parallel assignment or variable
// declaration that needs it, the declarations of the temporaries that its
// values go in, and the statements, one per variable, that replace st.
func (d *desugarer) parallelValues(st ast.Stmt) (before, assigns []ast.Stmt) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE && st.Tok != token.ASSIGN || !d.needsTemps(st.Lhs, st.Rhs) {
			return nil, nil
		}
		return d.valueTemps(st.Lhs, st.Rhs, func(i int, l, r ast.Expr) ast.Stmt {
			tok := token.ASSIGN
			if id, ok := l.(*ast.Ident); ok && st.Tok == token.DEFINE && d.info.Defs[id] != nil {
				tok = token.DEFINE
			}
			return &ast.AssignStmt{Lhs: []ast.Expr{l}, TokPos: st.TokPos, Tok: tok, Rhs: []ast.Expr{r}}
		})
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return nil, nil
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			names := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				names[i] = n
			}
			if !d.needsTemps(names, vs.Values) {
				assigns = append(assigns, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{vs}}})
				continue
			}
			b, a := d.valueTemps(names, vs.Values, func(i int, l, r ast.Expr) ast.Stmt {
				return &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{
					&ast.ValueSpec{Names: []*ast.Ident{vs.Names[i]}, Type: vs.Type, Values: []ast.Expr{r}}}}}
			})
			before, assigns = append(before, b...), append(assigns, a...)
		}
		if len(before) == 0 {
			return nil, nil
		}
		return before, assigns
	}
	return nil, nil
}

// needsTemps reports whether assigning rhs to lhs, several of each, has a
// value yaegi writes straight into its variable, or a variable of an
// interface type, which yaegi's parallel assignment fails to convert to (it
// panics with reflect.Set: … not assignable).
func (d *desugarer) needsTemps(lhs, rhs []ast.Expr) bool {
	if len(lhs) < 2 || len(lhs) != len(rhs) {
		return false
	}
	for _, r := range rhs {
		switch r := ast.Unparen(r).(type) {
		case *ast.CompositeLit, *ast.CallExpr:
			return true
		case *ast.UnaryExpr:
			if r.Op == token.ARROW {
				return true
			}
		}
	}
	for _, l := range lhs {
		if t := d.typeOf(l); !isBlank(l) && t != nil && types.IsInterface(t) {
			return true
		}
	}
	return false
}

// valueTemps puts the values of rhs in temporaries and returns their
// declarations, and, given assign, the statements assign(i, lhs[i], value)
// that give each variable its value; or refuses the statement where lhs calls
// a function, which Go would call among the values.
//
// Given assign, every value but a constant or nil goes in a temporary of its
// variable's type, and then the operands of the left side's index
// expressions and indirections (leftOperands): Go evaluates them all before
// it assigns, and gc the calls among the values first. Without, the statement stays, and a variable or a
// function literal stays in it.
func (d *desugarer) valueTemps(lhs, rhs []ast.Expr, assign func(i int, l, r ast.Expr) ast.Stmt) (before, assigns []ast.Stmt) {
	for _, l := range lhs {
		if d.callsFunction(l) {
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, l.Pos(), refuse.ParallelAssignment,
				"an assignment whose left side calls a function"))
			return nil, nil
		}
	}
	for i, r := range rhs {
		tv, typed := d.info.Types[r]
		if typed && (tv.Value != nil || tv.IsNil()) {
			continue
		}
		switch ast.Unparen(r).(type) {
		case *ast.Ident, *ast.FuncLit:
			if assign == nil {
				continue
			}
		}
		t := tv.Type
		if assign != nil && !isBlank(lhs[i]) {
			t = d.typeOf(lhs[i])
		}
		name := d.temp("pa")
		before = append(before, d.tempDecl(r.Pos(), name, t, r)...)
		rhs[i] = ident(r.Pos(), name)
	}
	if assign != nil {
		for i, l := range lhs {
			var temps []ast.Stmt
			lhs[i], temps = d.leftOperands(l)
			before = append(before, temps...)
		}
		for i, l := range lhs {
			if !isBlank(l) {
				assigns = append(assigns, assign(i, l, rhs[i]))
			}
		}
	}
	return before, assigns
}

// tempDecl returns var name T = x, or var name = x where T cannot be written;
// or, where x calls a generic function (or min, max, new(expr), which become
// one), var name T; name = x: yaegi compiles the instance such a call makes in
// a function's variable declaration without ever generating its body's code,
// so the call does nothing and name stays zero (`p, q = max(p, 1.5), max(q,
// 2.5)` left p and q unchanged), and at a cell's top level declareFirst would
// drop the declaration of a temporary, which the checker did not declare
// (`undefined: __pa1`).
func (d *desugarer) tempDecl(pos token.Pos, name string, t types.Type, x ast.Expr) []ast.Stmt {
	var te ast.Expr
	if t != nil {
		// Typed as its variable needs it: 1 << s assigned to an int64 is one.
		te, _ = d.typeExpr(t, pos)
	}
	if te != nil && d.callsGeneric(x) {
		return []ast.Stmt{
			varDecl(pos, name, te),
			&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, name)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{x}},
		}
	}
	return []ast.Stmt{&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{ident(pos, name)}, Type: te, Values: []ast.Expr{x}}}}}}
}

// leftOperands returns l, a variable assigned in a parallel assignment, with
// what Go evaluates before assigning (the operands of index expressions and
// pointer indirections) in temporaries, and their declarations: x[k] becomes
// __lo1[__lo2] (__lo1 := &x for an array x), p.f becomes __lo1.f (__lo1 := &s
// for a struct s), *p becomes *__lo1.
func (d *desugarer) leftOperands(l ast.Expr) (ast.Expr, []ast.Stmt) {
	var out []ast.Stmt
	capture := func(x ast.Expr, addr bool) ast.Expr {
		tv, ok := d.info.Types[x]
		if ok && (tv.Value != nil || tv.IsType()) {
			return x
		}
		name := d.temp("lo")
		if addr {
			x = &ast.UnaryExpr{OpPos: x.Pos(), Op: token.AND, X: x}
		}
		out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{ident(x.Pos(), name)}, TokPos: x.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{x}})
		return ident(x.Pos(), name)
	}
	switch e := ast.Unparen(l).(type) {
	case *ast.IndexExpr:
		_, isArray := d.typeOf(e.X).Underlying().(*types.Array)
		x := capture(e.X, isArray)
		return &ast.IndexExpr{X: x, Lbrack: e.Lbrack, Index: capture(e.Index, false), Rbrack: e.Rbrack}, out
	case *ast.SelectorExpr:
		if _, qualified := d.info.Uses[e.Sel].(*types.Var); qualified && d.info.Selections[e] == nil {
			return l, nil // pkg.Var
		}
		_, isPointer := d.typeOf(e.X).Underlying().(*types.Pointer)
		return &ast.SelectorExpr{X: capture(e.X, !isPointer), Sel: e.Sel}, out
	case *ast.StarExpr:
		return &ast.StarExpr{Star: e.Star, X: capture(e.X, false)}, out
	}
	return l, nil
}

// callsFunction reports whether e calls a function (a conversion, a builtin
// and a bounds check are no such calls).
func (d *desugarer) callsFunction(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			// Calls an earlier pass wrote (bounds checks) are not typed.
			if tv, ok := d.info.Types[call.Fun]; ok && !tv.IsType() && !tv.IsBuiltin() {
				found = true
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !found && !lit
	})
	return found
}
