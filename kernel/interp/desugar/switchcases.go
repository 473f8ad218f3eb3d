package desugar

import (
	"go/ast"
	"go/token"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 compiles a case clause of an expression switch with a tag by
// wiring the code of its first expression only (cfg.go, the switchStmt case:
// c.start = c.child[0].start): an expression after the first that needs code
// of its own (a call, an arithmetic expression, an index, a field, a composite
// literal) is never evaluated, and the clause compares the tag with its zero
// value. `switch cmd { case strings.ToUpper("exit"), strings.ToUpper("quit"): … }`
// with cmd "QUIT" went to default, with no error. Constants and plain variables
// need no code, and are compared right.
//
// So such a switch becomes one without a tag, on a temporary holding the tag,
// each case list one condition (comparisons does the rewrite, the same as for
// a switch comparing interface values):
//
//	switch init; tag { case a, f(x): … }  →  { init; switch __sw1 := tag; { case __sw1 == a || __sw1 == f(x): … } }
//
// Go evaluates the tag once, then the case expressions left to right, top to
// bottom, until one is equal; || does the same within a list, and the clauses,
// fallthrough, break and the switch's label stay as they are. The temporary has
// the tag's type (an untyped constant tag is converted to its default type),
// and a comparison of interface values goes through __rt.Equal.
//
// lateCaseCode reports whether sw has such a case list.
func (d *desugarer) lateCaseCode(sw *ast.SwitchStmt) bool {
	if sw.Tag == nil {
		return false // joinConditions
	}
	for _, cl := range sw.Body.List {
		list := cl.(*ast.CaseClause).List
		for i := 1; i < len(list); i++ {
			if !d.plainCase(list[i]) {
				return true
			}
		}
	}
	return false
}

// plainCase reports whether e, a case expression, is one the interpreter
// compares without code of its own: a constant or a plain name.
func (d *desugarer) plainCase(e ast.Expr) bool {
	if tv, ok := d.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	_, ok := e.(*ast.Ident)
	return ok
}

// defaultsLast moves the default clause of each switch (and type switch) to
// the end, and refuses a fallthrough into or out of a default clause that is
// not the last:
//
//	switch { default: D; case a: A; case b: B }  →  switch { case a: A; case b: B; default: D }
//
// yaegi v0.16.1 swaps a default clause that is not the last with the last
// clause (cfg.go, the switchStmt case: c[i], c[l] = c[l], c[i]), so the cases
// after it were tried out of order, the last first (`switch { default: …; case
// x > 0: A; case x > 1: B }` ran B for x = 2), and fallthrough followed the
// swapped order (`case 1: …; fallthrough; default: …; fallthrough; case 3: …`
// ran case 3 after case 1, and nothing after default), with no error. Where
// default is in a switch matters only to fallthrough, which cannot leave the
// last clause: with default last, the other clauses keep their order and their
// fallthroughs, and the interpreter swaps nothing. A fallthrough into or out
// of default could only go right by writing clauses twice: refused.
func (d *desugarer) defaultsLast(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.SwitchStmt:
			body = n.Body
		case *ast.TypeSwitchStmt:
			body = n.Body
		default:
			return true
		}
		clauses := body.List
		for i, cl := range clauses {
			if cl.(*ast.CaseClause).List != nil || i == len(clauses)-1 {
				continue // not default, or the last clause
			}
			refused := false
			if i > 0 {
				if ft := endingFallthrough(clauses[i-1].(*ast.CaseClause)); ft != nil {
					d.errs = append(d.errs, refuse.At(d.cfg.Fset, ft.Pos(), refuse.FallthroughDefault, "into"))
					refused = true
				}
			}
			if ft := endingFallthrough(cl.(*ast.CaseClause)); ft != nil {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, ft.Pos(), refuse.FallthroughDefault, "out of"))
				refused = true
			}
			if !refused {
				moved := append(append(clauses[:i:i], clauses[i+1:]...), cl)
				body.List = moved
			}
			break // one default per switch
		}
		return true
	})
}

// endingFallthrough returns the fallthrough statement cc ends with, or nil.
func endingFallthrough(cc *ast.CaseClause) *ast.BranchStmt {
	if len(cc.Body) == 0 {
		return nil
	}
	if br, ok := cc.Body[len(cc.Body)-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
		return br
	}
	return nil
}
