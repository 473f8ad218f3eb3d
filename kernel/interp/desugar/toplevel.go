package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 compiles a cell's top level in the session's global scope, where
// it gets several things wrong that topLevel works around:
//
//   - a multi-value assignment, `a, err := f()` or `v, ok := m[k]`, either fails
//     to compile ("nil type") or stores the variables so that a function reading
//     them from a closure reads another's slot. The values go through typed
//     temporaries assigned all at once, then one by one:
//
//     var __mv1 int; var __mv2 error; __mv1, __mv2 = f(); a := __mv1; err := __mv2
//
//   - `_` is a variable there: `_ = f()` assigns to whatever `_` last held, and
//     fails when its type differs. `_ = x` and `var _ = x` become __discard(x),
//     `var _ T` goes, and multi-value assignments never assign to `_`;
//
//   - `x := g(…)` or `var x = g(…)`, where g is generic, fails ("constant
//     definition loop", or a reflect panic when run): x is declared with its type
//     first, `var x T; x = g(…)`;
//
//   - the variables of compound statements (loops, if, switch, select, blocks)
//     are session globals to it: `v, err := f()` inside a top-level if leaves v
//     undefined, sibling loops' same-named variables of different types share one
//     slot, and closures made in a loop share its variable. Such a statement runs
//     in a function literal called at once, `func() { for … }()`, where yaegi
//     compiles it as any function's body; its variables are scoped to it in Go, so
//     nothing visible changes. A statement that is the target of a goto from
//     another, or holds a goto to outside it, stays (see movable).
func (d *desugarer) topLevel(body *ast.BlockStmt) {
	// A goto to a labelled statement would run it without its mark, leaving the
	// last one standing: such a cell's top level is not marked.
	d.redeclaredReads(body)
	marked := !slices.ContainsFunc(body.List, func(st ast.Stmt) bool { _, ok := st.(*ast.LabeledStmt); return ok })
	var out []ast.Stmt
	for _, st := range body.List {
		if marked {
			out = append(out, d.statementMark(st))
		}
		out = append(out, d.topStmt(st)...)
	}
	body.List = out
	gotos := gotoTargets(body)
	for i, st := range body.List {
		if isCompound(st) && movable(st, gotos) {
			body.List[i] = callAtOnce(st)
		}
	}
}

// statementMark returns the call __rt.Statement(line, column) that records, before
// st runs, that the cell's top level is at st (its line and column in the cell):
// yaegi reports a panic's frame in the top level where the top level starts,
// so the session tells which statement ran from the last mark. It costs one
// compiled call per top-level statement run; statements in loops and functions
// are not marked.
func (d *desugarer) statementMark(st ast.Stmt) ast.Stmt {
	pos := st.Pos()
	at := d.cfg.Fset.Position(pos)
	lit := func(n int) ast.Expr { return &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.Itoa(n)} }
	return &ast.ExprStmt{X: d.rtCall(pos, "Statement", lit(at.Line), lit(at.Column))}
}

// topStmt returns what replaces st, a statement at a cell's top level.
func (d *desugarer) topStmt(st ast.Stmt) []ast.Stmt {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE && st.Tok != token.ASSIGN {
			return []ast.Stmt{st}
		}
		if len(st.Lhs) > 1 && len(st.Rhs) == 1 {
			return d.multiValue(st.Pos(), st.Lhs, st.Rhs[0], st.Tok, nil)
		}
		if len(st.Lhs) == 1 && isBlank(st.Lhs[0]) {
			return []ast.Stmt{discard(st.Rhs[0])}
		}
		if len(st.Lhs) > 1 && hasBlank(st.Lhs) {
			return d.parallel(st.Pos(), st.Lhs, st.Rhs, st.Tok, nil)
		}
		if st.Tok == token.DEFINE && d.callsGeneric(st.Rhs...) {
			return d.declareFirst(st.Pos(), st.Lhs, st.Rhs)
		}
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if ok && gd.Tok == token.CONST {
			d.nameBlankConsts(gd)
		}
		if !ok || gd.Tok != token.VAR {
			break
		}
		var out []ast.Stmt
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			names := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				names[i] = n
			}
			switch {
			case len(vs.Names) > 1 && len(vs.Values) == 1:
				out = append(out, d.multiValue(vs.Pos(), names, vs.Values[0], token.VAR, vs.Type)...)
			case len(vs.Values) == 0 && hasBlank(names):
				spec := *vs
				spec.Names = nil
				for _, n := range vs.Names {
					if n.Name != "_" {
						spec.Names = append(spec.Names, n)
					}
				}
				if len(spec.Names) > 0 {
					out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{&spec}}})
				}
			case len(vs.Names) == 1 && vs.Names[0].Name == "_":
				out = append(out, discard(vs.Values[0]))
			case hasBlank(names):
				out = append(out, d.parallel(vs.Pos(), names, vs.Values, token.VAR, vs.Type)...)
			case len(vs.Values) > 0 && d.callsGeneric(vs.Values...):
				out = append(out, d.declareFirst(vs.Pos(), names, vs.Values)...)
			default:
				out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{vs}}})
			}
		}
		return out
	}
	return []ast.Stmt{st}
}

// multiValue assigns the values of one multi-value expression rhs to lhs (tok:
// :=, = or var with type typ) through typed temporaries.
func (d *desugarer) multiValue(pos token.Pos, lhs []ast.Expr, rhs ast.Expr, tok token.Token, typ ast.Expr) []ast.Stmt {
	tuple, ok := d.typeOf(rhs).(*types.Tuple)
	if !ok || tuple.Len() != len(lhs) {
		return []ast.Stmt{&ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: tok, Rhs: []ast.Expr{rhs}}}
	}
	var out []ast.Stmt
	temps := make([]ast.Expr, len(lhs))
	for i := range lhs {
		name := d.temp("mv")
		te, err := d.typeExpr(tuple.At(i).Type(), pos)
		if err != nil {
			d.fail(pos, "a multi-value assignment", err)
			return nil
		}
		out = append(out, varDecl(pos, name, te))
		temps[i] = ident(pos, name)
	}
	out = append(out, &ast.AssignStmt{Lhs: temps, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{rhs}})
	return append(out, d.assignEach(pos, lhs, temps, tok, typ)...)
}

// parallel assigns rhs to lhs (as many), some of them _: each _ becomes a
// temporary, declared with its value's type when the statement only assigns.
func (d *desugarer) parallel(pos token.Pos, lhs, rhs []ast.Expr, tok token.Token, typ ast.Expr) []ast.Stmt {
	if len(lhs) != len(rhs) {
		return nil
	}
	var out []ast.Stmt
	names := make([]*ast.Ident, len(lhs))
	for i, l := range lhs {
		names[i], _ = l.(*ast.Ident)
		if !isBlank(l) {
			continue
		}
		names[i] = ident(l.Pos(), d.temp("pv"))
		lhs[i] = names[i]
		if tok == token.ASSIGN {
			t := d.typeOf(rhs[i])
			if t == nil {
				return nil
			}
			te, err := d.typeExpr(types.Default(t), pos)
			if err != nil {
				d.fail(pos, "an assignment to _", err)
				return nil
			}
			out = append(out, varDecl(pos, names[i].Name, te))
		}
	}
	if tok == token.VAR {
		return append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: names, Type: typ, Values: rhs},
		}}})
	}
	return append(out, &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: tok, Rhs: rhs})
}

// nameBlankConsts gives the _ of a constant declaration fresh names: the
// values of the specs after them depend on iota, so the specs must stay.
func (d *desugarer) nameBlankConsts(gd *ast.GenDecl) {
	for _, sp := range gd.Specs {
		for _, n := range sp.(*ast.ValueSpec).Names {
			if n.Name == "_" {
				n.Name = d.temp("blank")
			}
		}
	}
}

// callsGeneric reports whether any of exprs calls a generic function (outside
// function literals), or a builtin that becomes one (new(expr), min, max).
func (d *desugarer) callsGeneric(exprs ...ast.Expr) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				if inst, ok := d.info.Instances[n]; ok {
					_, isFunc := inst.Type.(*types.Signature)
					found = found || isFunc
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					if b, ok := d.info.Uses[id].(*types.Builtin); ok && (b.Name() == "new" || b.Name() == "min" || b.Name() == "max") {
						found = found || d.info.Types[n].Value == nil
					}
				}
			}
			return !found
		})
	}
	return found
}

// declareFirst declares each new variable of lhs with its type, then assigns
// rhs: `var x T; x = rhs`.
func (d *desugarer) declareFirst(pos token.Pos, lhs, rhs []ast.Expr) []ast.Stmt {
	var out []ast.Stmt
	for _, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" || d.info.Defs[id] == nil {
			continue
		}
		te, err := d.typeExpr(d.info.Defs[id].Type(), pos)
		if err != nil {
			d.fail(pos, "a variable set by a generic function", err)
			return nil
		}
		out = append(out, varDecl(id.Pos(), id.Name, te))
	}
	return append(out, &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.ASSIGN, Rhs: rhs})
}

// assignEach assigns temps[i] to each lhs[i] but _, one statement each.
func (d *desugarer) assignEach(pos token.Pos, lhs, temps []ast.Expr, tok token.Token, typ ast.Expr) []ast.Stmt {
	var out []ast.Stmt
	for i, l := range lhs {
		if isBlank(l) {
			continue
		}
		if tok == token.VAR {
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Names: []*ast.Ident{l.(*ast.Ident)}, Type: typ, Values: []ast.Expr{temps[i]}},
			}}})
			continue
		}
		out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{l}, TokPos: pos, Tok: tok, Rhs: []ast.Expr{temps[i]}})
	}
	return out
}

// gotoTargets returns the labels goto statements in body jump to, outside
// function literals.
func gotoTargets(body *ast.BlockStmt) map[string]bool {
	targets := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				targets[n.Label.Name] = true
			}
		}
		return true
	})
	return targets
}

// movable reports whether st, a top-level statement, may run in a function
// literal: no goto crosses its bounds.
func movable(st ast.Stmt, gotos map[string]bool) bool {
	if ls, ok := st.(*ast.LabeledStmt); ok && gotos[ls.Label.Name] {
		return false
	}
	inside := labelsIn(&ast.BlockStmt{List: []ast.Stmt{st}})
	ok := true
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && !inside[n.Label.Name] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// discard returns __discard(x): x evaluated, its value dropped.
func discard(x ast.Expr) ast.Stmt {
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: ident(x.Pos(), "__discard"), Lparen: x.Pos(), Args: []ast.Expr{x}, Rparen: x.End()}}
}

func hasBlank(list []ast.Expr) bool {
	for _, e := range list {
		if isBlank(e) {
			return true
		}
	}
	return false
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

// redeclaredReads refuses the reads yaegi gets wrong at a cell's top level
// (body): where the cell declares again with := or var a variable an earlier
// cell declared, every read of the old one in the cell reads the new one, zero
// until set (`q := q + 1` made q 1); and a := assigns an existing variable
// before its other values are read (`a, c := b, a` gave c the new a).
func (d *desugarer) redeclaredReads(body *ast.BlockStmt) {
	declared := map[string]bool{}
	for _, st := range body.List {
		var ids []*ast.Ident
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				continue
			}
			if len(st.Lhs) > 1 && len(st.Lhs) == len(st.Rhs) {
				d.assignedReads(st)
			}
			for _, l := range st.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		case *ast.DeclStmt:
			ids = check.DeclaredNames(st.Decl)
		}
		for _, id := range ids {
			if id.Name != "_" && d.info.Defs[id] != nil {
				declared[id.Name] = true
			}
		}
	}
	if len(declared) == 0 {
		return
	}
	f := d.unit.File
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && declared[id.Name] {
			// An earlier cell's variable: the checker holds those in another
			// package named main, outside this cell's file.
			v, ok := d.info.Uses[id].(*types.Var)
			if ok && !v.IsField() && v.Pkg() != nil && v.Pkg().Path() == d.unit.Pkg.Path() && (v.Pos() < f.Pos() || v.Pos() >= f.End()) {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, id.Pos(), refuse.TopLevelRedeclaredRead, "the cell", id.Name))
			}
		}
		return len(d.errs) == 0
	})
}

// assignedReads refuses st, a parallel := at a cell's top level, where a value
// reads a variable st assigns without declaring it.
func (d *desugarer) assignedReads(st *ast.AssignStmt) {
	assigned := map[types.Object]bool{}
	for _, l := range st.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" && d.info.Defs[id] == nil {
			assigned[d.info.Uses[id]] = true
		}
	}
	for _, r := range st.Rhs {
		ast.Inspect(r, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && assigned[d.info.Uses[id]] && len(d.errs) == 0 {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, id.Pos(), refuse.TopLevelRedeclaredRead, "this statement", id.Name))
			}
			return true
		})
	}
}
