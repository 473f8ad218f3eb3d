package desugar

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// selectBreaks labels each select statement with an unlabelled break inside a
// block (an if, a block…) of one of its clauses, and gives such breaks the
// label:
//
//	select {                          {
//	case v := <-ch:                   __sel1:
//		if v == 2 {                       select {
//			break                         case v := <-ch:
//		}                        →            if v == 2 {
//		…                                         break __sel1
//	}                                             }
//	                                              …
//	                                          }
//	                                  }
//
// yaegi v0.16.1 sends such a break to the innermost loop or switch around the
// select (cfg.go, the breakStmt case: n.tnext = sc.loop), where Go's leaves
// the select: `for n < 3 { select { case v := <-ch: n++; if v == 2 { break };
// … } }` left the loop at the second value, with no error. A break that is a
// statement of the clause itself, and a labelled break, go where Go's go. The
// breaks of a for, switch or select inside the clause, or of a function
// literal, are theirs, and stay. A select that has a label already keeps it
// and its breaks take it; a new label goes, with its select, in a block of
// their own, so that a cell's top level gets no labelled statement (toplevel.go).
func (d *desugarer) selectBreaks(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		sel, ok := c.Node().(*ast.SelectStmt)
		if !ok {
			return true
		}
		var breaks []*ast.BranchStmt
		for _, cl := range sel.Body.List {
			for _, st := range cl.(*ast.CommClause).Body {
				if _, direct := st.(*ast.BranchStmt); !direct {
					breaks = append(breaks, ownBreaks(st)...)
				}
			}
		}
		if len(breaks) == 0 {
			return true
		}
		ls, labelled := c.Parent().(*ast.LabeledStmt)
		var name string
		if labelled {
			name = ls.Label.Name
		} else {
			name = d.temp("sel")
		}
		for _, br := range breaks {
			br.Label = ident(br.TokPos, name)
		}
		if !labelled {
			pos := sel.Select
			c.Replace(&ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
				&ast.LabeledStmt{Label: ident(pos, name), Colon: pos, Stmt: sel}}})
		}
		return true
	})
}

// ownBreaks returns the unlabelled breaks in st that leave the statement st is
// in: those not in a for, switch or select inside st, or in a function literal.
func ownBreaks(st ast.Stmt) []*ast.BranchStmt {
	var breaks []*ast.BranchStmt
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && n.Label == nil {
				breaks = append(breaks, n)
			}
		}
		return true
	})
	return breaks
}
