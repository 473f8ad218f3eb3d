package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 builds the value of an assignment `x = <-ch` (x of any type)
// or `x = T{…}` (T a struct type) straight in x's slot of the frame, a new
// value in place of the old, where Go writes into x (cfg.go, the assignStmt
// case). Pointers to x, method values with x as pointer receiver, and
// closures over x keep the old one: `q := &v; v = P{6}` left q.N 5, and a
// closure over v read it as before; a session's variable likewise. Assigned
// through a field or a pointer, `s.f = <-ch` and `*p = <-ch`, the value is
// lost; `return <-ch` panics (reflect: reflect.Value.Set using unaddressable
// value). Put in parentheses, the value is built apart and then copied, as
// any other, so reassignments parenthesizes it, in every single assignment
// whatever its left side, and in return statements: it costs one copy.
//
// A range statement that assigns, `for k, v = range xs`, over a slice, an
// array, a map or a channel, gives the body the values of k and v but leaves
// the variables themselves as they were (k was 0 after ranging over two
// elements); a select case that assigns, `case v = <-ch:`, panics
// (reflect.Select: invalid Dir). Each becomes one that declares temporaries,
// and its body assigns them to the variables first:
//
//	for __rk1, __rv2 := range xs { k, v = __rk1, __rv2; {…} }
//	case __sv3, __sok4 := <-ch: v, ok = __sv3, __sok4; …
//
// The other ranges (over integers, strings, pointers to arrays and functions)
// are rewritten whole by statements.
func (d *desugarer) reassignments(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 || isBlank(n.Lhs[0]) {
				return true
			}
			switch r := n.Rhs[0].(type) {
			case *ast.UnaryExpr:
				if r.Op != token.ARROW {
					return true
				}
			case *ast.CompositeLit:
			default:
				return true
			}
			n.Rhs[0] = d.parenthesized(n.Rhs[0])
		case *ast.ReturnStmt:
			for i, r := range n.Results {
				if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					n.Results[i] = d.parenthesized(r)
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				d.rangeAssign(n)
			}
		case *ast.CommClause:
			d.selectAssign(n)
		}
		return true
	})
}

// parenthesized returns (e), typed as e.
func (d *desugarer) parenthesized(e ast.Expr) ast.Expr {
	p := &ast.ParenExpr{Lparen: e.Pos(), X: e, Rparen: e.End()}
	if tv, ok := d.info.Types[e]; ok {
		d.info.Types[p] = tv
	}
	return p
}

// rangeAssign turns st, a range statement that assigns, over a slice, an
// array, a map or a channel, into one that declares temporaries and assigns
// them to st's variables first in the body.
func (d *desugarer) rangeAssign(st *ast.RangeStmt) {
	var kt, vt types.Type
	switch u := d.coreOf(d.typeOf(st.X)).(type) {
	case *types.Slice:
		kt, vt = types.Typ[types.Int], u.Elem()
	case *types.Array:
		kt, vt = types.Typ[types.Int], u.Elem()
	case *types.Map:
		kt, vt = u.Key(), u.Elem()
	case *types.Chan:
		kt = u.Elem()
	default:
		return
	}
	set := &ast.AssignStmt{TokPos: st.TokPos, Tok: token.ASSIGN}
	st.Key = d.assignedTemp(set, st.Key, "rk", kt)
	st.Value = d.assignedTemp(set, st.Value, "rv", vt)
	if len(set.Lhs) == 0 {
		return
	}
	st.Tok = token.DEFINE
	st.Body = &ast.BlockStmt{Lbrace: st.Body.Lbrace, List: []ast.Stmt{set, st.Body}, Rbrace: st.Body.Rbrace}
}

// selectAssign turns cc, a select case that receives into variables, `case
// v, ok = <-ch:`, into one that declares temporaries and assigns them to the
// variables first in its body.
func (d *desugarer) selectAssign(cc *ast.CommClause) {
	as, ok := cc.Comm.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
		return
	}
	recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return
	}
	ch, ok := d.coreOf(d.typeOf(recv.X)).(*types.Chan)
	if !ok {
		return
	}
	set := &ast.AssignStmt{TokPos: as.TokPos, Tok: token.ASSIGN}
	as.Lhs[0] = d.assignedTemp(set, as.Lhs[0], "sv", ch.Elem())
	if len(as.Lhs) == 2 {
		as.Lhs[1] = d.assignedTemp(set, as.Lhs[1], "sok", types.Typ[types.Bool])
	}
	if len(set.Lhs) == 0 {
		return
	}
	as.Tok = token.DEFINE
	as.Rhs[0] = recv
	cc.Body = append([]ast.Stmt{set}, cc.Body...)
}

// assignedTemp returns a new temporary of type t, typed for the passes after,
// to stand for e, the variable a statement assigns, and adds e = temporary to
// set; or e itself if it is blank or missing.
func (d *desugarer) assignedTemp(set *ast.AssignStmt, e ast.Expr, what string, t types.Type) ast.Expr {
	if e == nil || isBlank(e) {
		return e
	}
	name := d.temp(what)
	v := types.NewVar(e.Pos(), d.unit.Pkg, name, t)
	def, use := ident(e.Pos(), name), ident(e.Pos(), name)
	d.info.Defs[def] = v
	d.info.Uses[use] = v
	set.Lhs = append(set.Lhs, e)
	set.Rhs = append(set.Rhs, use)
	return def
}

// coreOf returns t's underlying type, or a type parameter's core type; nil
// for nil or a type parameter without one.
func (d *desugarer) coreOf(t types.Type) types.Type {
	if tp, ok := t.(*types.TypeParam); ok {
		core, err := coreType(tp)
		if err != nil {
			return nil
		}
		return core.Underlying()
	}
	if t == nil {
		return nil
	}
	return t.Underlying()
}
