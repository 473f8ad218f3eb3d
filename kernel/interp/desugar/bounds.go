package desugar

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Go's bounds errors give the index and the length: "index out of range [5]
// with length 3", "slice bounds out of range [:5] with capacity 3". yaegi
// v0.16.1 indexes through package reflect, whose panic ("reflect: slice index
// out of range") gives neither, so the session could only report "index out of
// range". bounds checks the indexes and slice expressions of slices, arrays,
// pointers to arrays and strings itself, before the interpreter does, and
// panics with Go's run-time error (__rt.Bounds(code, x, y), code being the
// runtime's boundsErrorCode):
//
//	x := s[i]  →  if i < 0 || i >= len(s) { __rt.Bounds(0, i, len(s)) }; x := s[i]
//
// A check costs an interpreted if statement per index, so it is left out where
// the index is provably in range: a constant index of an array (go/types
// rejects one out of range), s[i] in `for i := range s` and in
// `for i := 0; i < len(s); i++`, where the loop's body changes neither s nor i.
//
// The check goes before the statement only where that is where Go would panic:
// its operands can be evaluated again with the same value (variables, fields,
// constants, arithmetic, conversions, len, indexes themselves checked first),
// and nothing the statement evaluates before the index may call, receive or
// panic (an index on an assignment's left side comes after its right side), nor
// is the index evaluated only sometimes (the right operand of && and ||).
// Where it cannot go before the statement (a for loop's condition, a case
// expression, after a call), an index of an operand that can be read again is
// checked in place, s[__rt.Index(i, len(s))], which costs a compiled call; the
// rest (a slice expression there, an operand with a call) is left to the
// interpreter, whose panic says "index out of range" without the numbers.
// Indexes of maps and of operands of a type parameter's type are not touched.
//
// The checks are collected while the expressions are the checked ones, and put
// in at the end of the pass: before the statement in its block, or, for an
// `else if`, by making the else a block.
func (d *desugarer) bounds(root ast.Node) {
	if d.shadowsBuiltins(root) {
		return // the checks could not call Go's len
	}
	b := &bounder{d: d, before: map[ast.Stmt][]ast.Stmt{}, proven: map[[2]types.Object]bool{}, replace: map[ast.Stmt]*ast.BlockStmt{}}
	b.escaping = d.escapingVars(root)
	b.gotoLabels = map[string]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && br.Tok == token.GOTO && br.Label != nil {
			b.gotoLabels[br.Label.Name] = true
		}
		return true
	})
	switch r := root.(type) {
	case *ast.BlockStmt:
		if body := d.unit.Body(); body == r {
			b.top = map[ast.Stmt]bool{}
			for _, st := range r.List {
				b.top[st] = true
			}
		}
		b.stmts(r.List)
	case *ast.File:
		for _, decl := range r.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Body != nil {
					b.function(decl.Body)
				}
			case *ast.GenDecl:
				q := &evalSeq{b: b}
				for _, spec := range decl.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok {
						for _, v := range vs.Values {
							q.expr(v)
						}
					}
				}
			}
		}
	}
	if len(b.before) == 0 && len(b.replace) == 0 {
		return
	}
	insertBefore(root, b.before, b.replace)
}

// The runtime's boundsErrorCode: what Bounds's code means.
const (
	boundsIndex = iota
	boundsSliceAlen
	boundsSliceAcap
	boundsSliceB
	boundsSlice3Alen
	boundsSlice3Acap
	boundsSlice3B
	boundsSlice3C
)

// bounder collects the checks of one unit.
type bounder struct {
	d      *desugarer
	before map[ast.Stmt][]ast.Stmt // the checks to put before a statement
	// proven holds the pairs (s, i) of the loops the walk is in for which s[i]
	// is in range.
	proven map[[2]types.Object]bool
	// escaping holds the variables of the unit that a function literal assigns
	// or whose address is taken: a call may change them.
	escaping   map[types.Object]bool
	gotoLabels map[string]bool
	// replace holds the blocks that replace assignments (lateIndex).
	replace map[ast.Stmt]*ast.BlockStmt
	// top holds the statements of a cell's top level, which run once: their
	// checks are compiled calls, __rt.BoundsIf(cond, code, x, y), since an if
	// statement there would run in a function literal of its own (toplevel.go)
	// and the panic would be reported there rather than at the statement.
	top map[ast.Stmt]bool
}

// function walks the body of a function: no loop of the enclosing function
// proves anything in it, since it may run after the loop.
func (b *bounder) function(body *ast.BlockStmt) {
	saved := b.proven
	b.proven = map[[2]types.Object]bool{}
	b.stmts(body.List)
	b.proven = saved
}

func (b *bounder) stmts(list []ast.Stmt) {
	for _, st := range list {
		b.stmt(st, st)
	}
}

// stmt walks st, whose checks go before at (nil: they cannot be hoisted).
func (b *bounder) stmt(st, at ast.Stmt) {
	q := &evalSeq{b: b, at: at}
	switch s := st.(type) {
	case *ast.ExprStmt:
		q.expr(s.X)
	case *ast.IncDecStmt:
		q.expr(s.X)
	case *ast.SendStmt:
		q.expr(s.Chan)
		q.expr(s.Value)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			q.expr(r)
		}
	case *ast.GoStmt:
		q.expr(s.Call)
	case *ast.DeferStmt:
		q.expr(s.Call)
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					for _, v := range vs.Values {
						q.expr(v)
					}
				}
			}
		}
	case *ast.AssignStmt:
		// The operands of the left side's indexes are evaluated first, the
		// right side next, and the left side's indexing last.
		var lhs []*ast.IndexExpr
		for _, l := range s.Lhs {
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && s.Tok != token.DEFINE {
				q.expr(ix.X)
				q.expr(ix.Index)
				lhs = append(lhs, ix)
				continue
			}
			q.expr(l)
		}
		for _, r := range s.Rhs {
			q.expr(r)
		}
		for _, ix := range lhs {
			if len(s.Lhs) == 1 && len(s.Rhs) == 1 && at == st && q.tainted && b.lateIndex(s, ix) {
				continue
			}
			q.index(ix)
		}
	case *ast.BlockStmt:
		b.stmts(s.List)
	case *ast.LabeledStmt:
		if b.gotoLabels[s.Label.Name] {
			at = nil // a goto to the label would skip the checks
		}
		b.stmt(s.Stmt, at)
	case *ast.IfStmt:
		if s.Init != nil {
			b.stmt(s.Init, at)
			q.at = nil // the checks of the condition would come before the init
		}
		q.expr(s.Cond)
		b.stmts(s.Body.List)
		switch e := s.Else.(type) {
		case *ast.BlockStmt:
			b.stmts(e.List)
		case *ast.IfStmt:
			b.stmt(e, e) // made a block if it gets checks
		}
	case *ast.ForStmt:
		if s.Init != nil {
			b.stmt(s.Init, at)
		}
		// The condition and post statement run each iteration.
		(&evalSeq{b: b}).expr(s.Cond)
		if s.Post != nil {
			b.stmt(s.Post, nil)
		}
		b.loop(s.Body, b.countingLoop(s))
	case *ast.RangeStmt:
		q.expr(s.X)
		if s.Tok == token.ASSIGN {
			nq := &evalSeq{b: b}
			nq.expr(s.Key)
			nq.expr(s.Value)
		}
		b.loop(s.Body, b.rangeLoop(s))
	case *ast.SwitchStmt:
		if s.Init != nil {
			b.stmt(s.Init, at)
			q.at = nil
		}
		q.expr(s.Tag)
		b.clauses(s.Body)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			b.stmt(s.Init, at)
			at = nil
		}
		b.stmt(s.Assign, at)
		b.clauses(s.Body)
	case *ast.SelectStmt:
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CommClause)
			if cc.Comm != nil {
				b.stmt(cc.Comm, nil)
			}
			b.stmts(cc.Body)
		}
	}
}

// lateIndex rewrites as, `x[i] = v` or `x[i] op= v` whose v may call, so that
// the check of x[i] comes after v, as in Go, where x and i are evaluated first:
//
//	{ __x := x; __i := i; __v := v; if i < 0 || … { __rt.Bounds(…) }; __x[__i] = __v }
//
// (an array's x is the variable itself). It reports false where it cannot.
func (b *bounder) lateIndex(as *ast.AssignStmt, ix *ast.IndexExpr) bool {
	d := b.d
	q := &evalSeq{b: b, at: as}
	if tv, ok := d.info.Types[ix.X]; !ok || !tv.IsValue() {
		return false
	}
	op := q.operand(ix.X)
	idx, hasIdx := d.info.Types[ix.Index]
	rhs, hasRHS := d.info.Types[as.Rhs[0]]
	if !op.ok || !hasIdx || !hasRHS || rhs.Type == nil || !b.pure(ix.X) || !b.pure(ix.Index) {
		return false
	}
	if basic, ok := rhs.Type.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		return false
	}
	if idx.Value != nil && op.arrLen >= 0 {
		return true // go/types checked it
	}
	if xid, ok := ast.Unparen(ix.X).(*ast.Ident); ok {
		if iid, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && b.proven[[2]types.Object{d.info.Uses[xid], d.info.Uses[iid]}] {
			return true
		}
	}
	pos := ix.Lbrack
	var list []ast.Stmt
	define := func(what string, v ast.Expr) *ast.Ident {
		name := d.temp(what)
		list = append(list, &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, name)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{v}})
		return ident(pos, name)
	}
	x, i := ix.X, ix.Index
	if op.arrLen < 0 || op.ptr {
		x = define("bx", ix.X)
		op.operand = x
	}
	if idx.Value == nil {
		i = define("bi", ix.Index)
	}
	v := define("bv", as.Rhs[0])
	list = append(list, b.checkStmt(as, pos, op, q.compare(i, idx, q.lenExpr(op, pos, false), nil, pos, token.GEQ), boundsIndex, i, q.lenExpr(op, pos, false)))
	list = append(list, &ast.AssignStmt{Lhs: []ast.Expr{&ast.IndexExpr{X: b.clone(x, pos), Lbrack: pos, Index: b.clone(i, pos), Rbrack: ix.Rbrack}},
		TokPos: as.TokPos, Tok: as.Tok, Rhs: []ast.Expr{b.clone(v, pos)}})
	b.replace[as] = &ast.BlockStmt{Lbrace: as.Pos(), List: list, Rbrace: as.End()}
	return true
}

// clauses walks a switch's case clauses: their expressions are evaluated one
// by one until one matches, so their checks stay in place.
func (b *bounder) clauses(body *ast.BlockStmt) {
	for _, cl := range body.List {
		cc := cl.(*ast.CaseClause)
		q := &evalSeq{b: b}
		for _, e := range cc.List {
			q.expr(e)
		}
		b.stmts(cc.Body)
	}
}

// loop walks a loop's body, where pair (if not nil) is proven in range.
func (b *bounder) loop(body *ast.BlockStmt, pair *[2]types.Object) {
	if pair != nil && !b.proven[*pair] {
		b.proven[*pair] = true
		defer delete(b.proven, *pair)
	}
	b.stmts(body.List)
}

// rangeLoop returns (s, i) for `for i := range s` (or i, v) over a slice,
// array, pointer to array or string s, a variable, whose body changes neither.
func (b *bounder) rangeLoop(s *ast.RangeStmt) *[2]types.Object {
	key, ok := s.Key.(*ast.Ident)
	if !ok || s.Tok != token.DEFINE || key.Name == "_" {
		return nil
	}
	x, ok := ast.Unparen(s.X).(*ast.Ident)
	if !ok {
		return nil
	}
	sObj, iObj := b.d.info.Uses[x], b.d.info.Defs[key]
	if sObj == nil || iObj == nil {
		return nil
	}
	return b.unchanged(s.Body, sObj, iObj)
}

// countingLoop returns (s, i) for `for i := c; i < len(s); i++` (c a constant
// not below 0; i += 1 too), s a variable, whose body changes neither.
func (b *bounder) countingLoop(s *ast.ForStmt) *[2]types.Object {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil
	}
	key, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	iObj := b.d.info.Defs[key]
	if tv, ok := b.d.info.Types[init.Rhs[0]]; !ok || tv.Value == nil || constant.Sign(tv.Value) < 0 {
		return nil
	}
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS {
		return nil
	}
	if id, ok := ast.Unparen(cond.X).(*ast.Ident); !ok || iObj == nil || b.d.info.Uses[id] != iObj {
		return nil
	}
	x := b.lenOf(cond.Y)
	if x == nil {
		return nil
	}
	switch post := s.Post.(type) {
	case *ast.IncDecStmt:
		if post.Tok != token.INC || !b.isObj(post.X, iObj) {
			return nil
		}
	case *ast.AssignStmt:
		if post.Tok != token.ADD_ASSIGN || len(post.Lhs) != 1 || !b.isObj(post.Lhs[0], iObj) {
			return nil
		}
		if tv, ok := b.d.info.Types[post.Rhs[0]]; !ok || tv.Value == nil || constant.Compare(tv.Value, token.NEQ, constant.MakeInt64(1)) {
			return nil
		}
	default:
		return nil
	}
	return b.unchanged(s.Body, b.d.info.Uses[x], iObj)
}

// lenOf returns s for len(s), s an identifier.
func (b *bounder) lenOf(e ast.Expr) *ast.Ident {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !b.isBuiltin(call.Fun, "len") {
		return nil
	}
	id, _ := ast.Unparen(call.Args[0]).(*ast.Ident)
	return id
}

func (b *bounder) isObj(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && b.d.info.Uses[id] == obj
}

func (b *bounder) isBuiltin(fun ast.Expr, names ...string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	bi, ok := b.d.info.Uses[id].(*types.Builtin)
	if !ok {
		return false
	}
	for _, n := range names {
		if bi.Name() == n {
			return true
		}
	}
	return false
}

// unchanged returns (s, i) if body (with the function literals in it) cannot
// change the variable s's length nor the variable i.
func (b *bounder) unchanged(body *ast.BlockStmt, s, i types.Object) *[2]types.Object {
	sv, ok := s.(*types.Var)
	if !ok || i == nil {
		return nil
	}
	fixedLen := false // an array's length is its type's
	switch u := sv.Type().Underlying().(type) {
	case *types.Array:
		fixedLen = true
	case *types.Pointer:
		_, fixedLen = u.Elem().Underlying().(*types.Array)
		if !fixedLen {
			return nil
		}
	case *types.Slice:
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return nil
		}
	default:
		return nil
	}
	changed := false
	assigned := func(e ast.Expr) {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			if obj := b.d.info.Uses[id]; obj == i || (obj == s && !fixedLen) {
				changed = true
			}
			return
		}
		// *p = … could be s, if its address was taken.
		if star, ok := e.(*ast.StarExpr); ok && !fixedLen && b.escaping[s] {
			if t := b.d.typeOf(star); t == nil || types.Identical(t, s.Type()) {
				changed = true
			}
		}
	}
	calls := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				assigned(l)
			}
		case *ast.IncDecStmt:
			assigned(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				assigned(n.Key)
				if n.Value != nil {
					assigned(n.Value)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if obj := b.d.info.Uses[id]; obj == i || obj == s {
						changed = true
					}
				}
			}
		case *ast.CallExpr:
			if tv, ok := b.d.info.Types[n.Fun]; !(ok && tv.IsType()) && !b.isBuiltin(n.Fun, "len", "cap", "append", "min", "max") {
				calls = true
			}
		}
		return !changed
	})
	if changed || (calls && !fixedLen && b.escaping[s]) {
		return nil
	}
	return &[2]types.Object{s, i}
}

// escapingVars returns the variables that a call in the unit may change: those
// declared outside it (the session's), those a function literal assigns, and
// those whose address is taken. Only the ones the unit uses are listed.
func (d *desugarer) escapingVars(root ast.Node) map[types.Object]bool {
	esc := map[types.Object]bool{}
	local := func(obj types.Object) bool {
		return obj.Pos() >= root.Pos() && obj.Pos() < root.End() && obj.Parent() != nil && obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope()
	}
	var lits int
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj, ok := d.info.Uses[id].(*types.Var); ok {
				esc[obj] = true
			}
		}
	}
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			lits++
		case *ast.Ident:
			if obj, ok := d.info.Uses[n].(*types.Var); ok && !local(obj) {
				esc[obj] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.AssignStmt:
			if lits > 0 {
				for _, l := range n.Lhs {
					mark(l)
				}
			}
		case *ast.IncDecStmt:
			if lits > 0 {
				mark(n.X)
			}
		case *ast.RangeStmt:
			if lits > 0 && n.Tok == token.ASSIGN {
				mark(n.Key)
				if n.Value != nil {
					mark(n.Value)
				}
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			lits--
		}
		return true
	})
	return esc
}

// shadowsBuiltins reports whether the unit or the session declares a name the
// checks use: len, cap, int64 or uint64.
func (d *desugarer) shadowsBuiltins(root ast.Node) bool {
	names := map[string]bool{"len": true, "cap": true, "int": true, "int64": true, "uint64": true}
	if pkg := d.unit.Pkg; pkg != nil {
		for n := range names {
			if pkg.Scope().Lookup(n) != nil {
				return true
			}
		}
	}
	shadows := false
	ast.Inspect(root, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] && d.info.Defs[id] != nil {
			shadows = true
		}
		return !shadows
	})
	return shadows
}

// evalSeq follows what one statement evaluates, in order.
type evalSeq struct {
	b  *bounder
	at ast.Stmt // where the checks go; nil: they cannot go before the statement
	// tainted tells that something evaluated so far may have called, received
	// or panicked: a check before the statement would come too early.
	tainted bool
	cond    int // how deep the walk is in right operands of && and ||
}

func (q *evalSeq) taint() { q.tainted = true }

// hoistable reports whether a check can go before the statement.
func (q *evalSeq) hoistable() bool { return q.at != nil && !q.tainted && q.cond == 0 }

// expr follows e's evaluation: operands first.
func (q *evalSeq) expr(e ast.Expr) {
	d := q.b.d
	switch e := e.(type) {
	case nil, *ast.Ident, *ast.BasicLit:
	case *ast.FuncLit:
		q.b.function(e.Body)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if _, isStruct := d.underlying(e).(*types.Struct); !isStruct {
					q.expr(kv.Key)
				}
				q.expr(kv.Value)
				continue
			}
			q.expr(el)
		}
	case *ast.ParenExpr:
		q.expr(e.X)
	case *ast.SelectorExpr:
		q.expr(e.X)
		if sel, ok := d.info.Selections[e]; ok && (sel.Indirect() || sel.Kind() != types.FieldVal) {
			q.taint() // a nil pointer, or a method value
		}
	case *ast.IndexExpr:
		q.expr(e.X)
		q.expr(e.Index)
		q.index(e)
	case *ast.IndexListExpr:
	case *ast.SliceExpr:
		q.expr(e.X)
		q.expr(e.Low)
		q.expr(e.High)
		q.expr(e.Max)
		q.slice(e)
	case *ast.StarExpr:
		q.expr(e.X)
		if tv, ok := d.info.Types[e]; !ok || !tv.IsType() {
			q.taint()
		}
	case *ast.UnaryExpr:
		q.expr(e.X)
		if e.Op == token.ARROW {
			q.taint()
		}
	case *ast.BinaryExpr:
		q.expr(e.X)
		if e.Op == token.LAND || e.Op == token.LOR {
			q.cond++
			q.expr(e.Y)
			q.cond--
			return
		}
		q.expr(e.Y)
		switch e.Op {
		case token.QUO, token.REM, token.SHL, token.SHR:
			if tv, ok := d.info.Types[e.Y]; !ok || tv.Value == nil {
				q.taint() // division by zero, a negative shift
			}
		}
	case *ast.CallExpr:
		if tv, ok := d.info.Types[e.Fun]; ok && tv.IsType() {
			for _, a := range e.Args {
				q.expr(a)
			}
			if !pureConversion(tv.Type) {
				q.taint()
			}
			return
		}
		q.expr(e.Fun)
		for _, a := range e.Args {
			q.expr(a)
		}
		if !q.b.isBuiltin(e.Fun, "len", "cap", "append", "min", "max", "real", "imag", "complex", "new") {
			q.taint()
		}
	case *ast.TypeAssertExpr:
		q.expr(e.X)
		q.taint()
	case *ast.KeyValueExpr:
		q.expr(e.Key)
		q.expr(e.Value)
	}
}

// pureConversion reports whether a conversion to t cannot panic.
func pureConversion(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Array:
		return false
	case *types.Pointer:
		_, arr := u.Elem().Underlying().(*types.Array)
		return !arr
	}
	return true
}

// boundsOperand describes the operand of an index or slice expression.
type boundsOperand struct {
	ok      bool
	length  ast.Expr // its length for the check: len(x), or an array's constant
	capOf   bool     // a slice: its capacity bounds a slice expression
	arrLen  int64    // an array's length, or -1
	ptr     bool     // a pointer to an array: the check dereferences it first
	operand ast.Expr
}

// operand returns what the check of an index or slice of x needs.
func (q *evalSeq) operand(x ast.Expr) boundsOperand {
	t := q.b.d.typeOf(x)
	if t == nil {
		return boundsOperand{}
	}
	r := boundsOperand{ok: true, arrLen: -1, operand: x}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		r.capOf = true
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return boundsOperand{}
		}
	case *types.Array:
		r.arrLen = u.Len()
	case *types.Pointer:
		a, ok := u.Elem().Underlying().(*types.Array)
		if !ok {
			return boundsOperand{}
		}
		r.arrLen, r.ptr = a.Len(), true
	default:
		return boundsOperand{} // maps, type parameters
	}
	return r
}

// lenExpr returns len(x) or the array's length, at pos.
func (q *evalSeq) lenExpr(op boundsOperand, pos token.Pos, capacity bool) ast.Expr {
	if op.arrLen >= 0 {
		return &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.FormatInt(op.arrLen, 10)}
	}
	fn := "len"
	if capacity && op.capOf {
		fn = "cap"
	}
	return &ast.CallExpr{Fun: ident(pos, fn), Lparen: pos, Args: []ast.Expr{q.b.clone(op.operand, pos)}, Rparen: pos}
}

// index checks e, an index expression whose operands the walk has followed.
func (q *evalSeq) index(e *ast.IndexExpr) {
	d := q.b.d
	if tv, ok := d.info.Types[e.X]; ok && tv.IsValue() {
		if _, isFunc := tv.Type.Underlying().(*types.Signature); isFunc {
			return // an instantiation
		}
	} else {
		return
	}
	op := q.operand(e.X)
	if !op.ok {
		if _, isMap := d.underlying(e.X).(*types.Map); !isMap {
			q.taint()
		}
		return
	}
	idx, hasIdx := d.info.Types[e.Index]
	if !hasIdx {
		q.taint()
		return
	}
	if idx.Value != nil && (op.arrLen >= 0 || d.info.Types[e.X].Value != nil) {
		return // go/types checked it
	}
	if xid, ok := ast.Unparen(e.X).(*ast.Ident); ok {
		if iid, ok := ast.Unparen(e.Index).(*ast.Ident); ok && q.b.proven[[2]types.Object{d.info.Uses[xid], d.info.Uses[iid]}] {
			return
		}
	}
	pos := e.Lbrack
	if q.hoistable() && q.b.pure(e.X) && q.b.pure(e.Index) {
		q.check(pos, op, q.compare(e.Index, idx, q.lenExpr(op, pos, false), nil, pos, token.GEQ), boundsIndex, e.Index, q.lenExpr(op, pos, false))
		return
	}
	q.taint()
	if !q.b.pure(e.X) || op.ptr {
		return // left to the interpreter
	}
	// Checked in place.
	var arg ast.Expr = e.Index
	fn := "Index"
	if b, ok := idx.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsUnsigned != 0 {
		fn = "IndexU"
		arg = &ast.CallExpr{Fun: ident(pos, "uint64"), Lparen: pos, Args: []ast.Expr{arg}, Rparen: pos}
	} else {
		arg = &ast.CallExpr{Fun: ident(pos, "int64"), Lparen: pos, Args: []ast.Expr{arg}, Rparen: pos}
	}
	e.Index = d.rtCall(pos, fn, arg, q.lenExpr(op, pos, false))
}

// slice checks e, a slice expression whose operands the walk has followed.
func (q *evalSeq) slice(e *ast.SliceExpr) {
	d := q.b.d
	op := q.operand(e.X)
	if !op.ok {
		q.taint()
		return
	}
	pos := e.Lbrack
	bounds := []ast.Expr{e.Low, e.High, e.Max}
	allConst := true
	for _, x := range bounds {
		if x == nil {
			continue
		}
		if !q.b.pure(x) {
			q.taint()
			return
		}
		if tv := d.info.Types[x]; tv.Value == nil {
			allConst = false
		}
	}
	if allConst && (op.arrLen >= 0 || d.info.Types[e.X].Value != nil) {
		return // go/types checked it
	}
	if !q.hoistable() || !q.b.pure(e.X) {
		q.taint()
		return
	}
	code := func(alen, acap int) int {
		if op.capOf {
			return acap
		}
		return alen
	}
	type check struct {
		x, y ast.Expr
		code int
	}
	var checks []check
	if e.Slice3 {
		checks = []check{
			{e.Max, nil, code(boundsSlice3Alen, boundsSlice3Acap)},
			{e.High, e.Max, boundsSlice3B},
		}
		if e.Low != nil {
			checks = append(checks, check{e.Low, e.High, boundsSlice3C})
		}
	} else {
		if e.High != nil {
			checks = append(checks, check{e.High, nil, code(boundsSliceAlen, boundsSliceAcap)})
		}
		if e.Low != nil {
			checks = append(checks, check{e.Low, e.High, boundsSliceB})
		}
	}
	for _, c := range checks {
		// y is the bound: the other index, else the length or capacity.
		y := func() ast.Expr {
			switch {
			case c.y != nil:
				return q.b.clone(c.y, pos)
			case c.code == boundsSliceB:
				return q.lenExpr(op, pos, false) // s[a:] checks a against len(s)
			}
			return q.lenExpr(op, pos, true)
		}
		var yType types.Type
		if c.y != nil {
			yType = d.info.Types[c.y].Type
		}
		q.check(pos, op, q.compare(c.x, d.info.Types[c.x], y(), yType, pos, token.GTR), c.code, c.x, y())
	}
}

// compare returns x < 0 || x op bound for an int x and bound (of type yType,
// nil for an int), x op bound for a constant x (never below 0: go/types
// checked it), and uint64(x) op uint64(bound) otherwise.
func (q *evalSeq) compare(x ast.Expr, tv types.TypeAndValue, bound ast.Expr, yType types.Type, pos token.Pos, op token.Token) ast.Expr {
	isInt := func(t types.Type) bool {
		b, ok := t.Underlying().(*types.Basic)
		return ok && (b.Kind() == types.Int || b.Kind() == types.UntypedInt)
	}
	intBound := yType == nil || isInt(yType)
	if tv.Value != nil && intBound {
		// Its value, untyped: a constant of a named type (time.March) is
		// not comparable with len(s).
		return &ast.BinaryExpr{X: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: tv.Value.ExactString()}, OpPos: pos, Op: op, Y: bound}
	}
	if tv.Value == nil && isInt(tv.Type) && intBound {
		// int(x) for a named int type (type Idx int), which len(s) is not.
		asInt := func() ast.Expr {
			xc := q.b.clone(x, pos)
			if types.Identical(tv.Type, types.Typ[types.Int]) {
				return xc
			}
			return &ast.CallExpr{Fun: ident(pos, "int"), Lparen: pos, Args: []ast.Expr{xc}, Rparen: pos}
		}
		return &ast.BinaryExpr{
			X:     &ast.BinaryExpr{X: asInt(), OpPos: pos, Op: token.LSS, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}},
			OpPos: pos, Op: token.LOR,
			Y: &ast.BinaryExpr{X: asInt(), OpPos: pos, Op: op, Y: bound}}
	}
	xc := q.b.clone(x, pos)
	u64 := func(e ast.Expr) ast.Expr {
		return &ast.CallExpr{Fun: ident(pos, "uint64"), Lparen: pos, Args: []ast.Expr{e}, Rparen: pos}
	}
	return &ast.BinaryExpr{X: u64(xc), OpPos: pos, Op: op, Y: u64(bound)}
}

// check records `if cond { __rt.Bounds(code, x, y) }` before the statement.
func (q *evalSeq) check(pos token.Pos, op boundsOperand, cond ast.Expr, code int, x, y ast.Expr) {
	q.b.before[q.at] = append(q.b.before[q.at], q.b.checkStmt(q.at, pos, op, cond, code, x, y))
}

// checkStmt returns `if cond { __rt.Bounds(code, x, y) }`, the check of an
// index or slice expression at pos, to go before the statement at; at a cell's
// top level, `__rt.BoundsIf(cond, code, x, y)`.
func (b *bounder) checkStmt(at ast.Stmt, pos token.Pos, op boundsOperand, cond ast.Expr, code int, x, y ast.Expr) ast.Stmt {
	if op.ptr {
		// Go dereferences a nil pointer to an array before it checks the
		// index: the statement's own evaluation will.
		cond = &ast.BinaryExpr{X: &ast.BinaryExpr{X: b.clone(op.operand, pos), OpPos: pos, Op: token.NEQ, Y: ident(pos, "nil")},
			OpPos: pos, Op: token.LAND, Y: &ast.ParenExpr{Lparen: pos, X: cond, Rparen: pos}}
	}
	codeLit := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.Itoa(code)}
	if b.top[at] {
		codeLit.ValuePos = at.Pos()
		return &ast.ExprStmt{X: b.d.rtCall(at.Pos(), "BoundsIf", cond, codeLit, b.clone(x, pos), y)}
	}
	// At the statement: the session marks a top-level statement where it starts.
	return &ast.IfStmt{If: at.Pos(), Cond: cond, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
		&ast.ExprStmt{X: b.d.rtCall(pos, "Bounds", codeLit, b.clone(x, pos), y)}}}}
}

// pure reports whether e can be evaluated again, before its statement, to the
// same value, calling nothing: variables, fields, constants, arithmetic,
// conversions, len and cap, indexes (checked before it, or proven).
func (b *bounder) pure(e ast.Expr) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return b.pure(e.X)
	case *ast.SelectorExpr:
		if sel, ok := b.d.info.Selections[e]; ok {
			return sel.Kind() == types.FieldVal && b.pure(e.X)
		}
		_, isVar := b.d.info.Uses[e.Sel].(*types.Var)
		_, isConst := b.d.info.Uses[e.Sel].(*types.Const)
		return isVar || isConst // a package's
	case *ast.StarExpr:
		return b.pure(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && e.Op != token.AND && b.pure(e.X)
	case *ast.BinaryExpr:
		return b.pure(e.X) && b.pure(e.Y)
	case *ast.IndexExpr:
		if _, isMap := b.d.underlying(e.X).(*types.Map); isMap {
			return false // a map's index can be a float NaN…
		}
		return b.pure(e.X) && b.pure(e.Index)
	case *ast.CallExpr:
		if tv, ok := b.d.info.Types[e.Fun]; ok && tv.IsType() {
			if _, isBasic := tv.Type.Underlying().(*types.Basic); !isBasic || len(e.Args) != 1 {
				return false
			}
			return b.pure(e.Args[0])
		}
		return len(e.Args) == 1 && b.isBuiltin(e.Fun, "len", "cap") && b.pure(e.Args[0])
	}
	return false
}

// clone copies e, a pure expression, with its types and what its identifiers
// denote, at pos.
func (b *bounder) clone(e ast.Expr, pos token.Pos) ast.Expr {
	info := b.d.info
	var cp ast.Expr
	switch e := e.(type) {
	case *ast.Ident:
		c := &ast.Ident{NamePos: pos, Name: e.Name}
		if obj, ok := info.Uses[e]; ok {
			info.Uses[c] = obj
		}
		cp = c
	case *ast.BasicLit:
		cp = &ast.BasicLit{ValuePos: pos, Kind: e.Kind, Value: e.Value}
	case *ast.ParenExpr:
		cp = &ast.ParenExpr{Lparen: pos, X: b.clone(e.X, pos), Rparen: pos}
	case *ast.SelectorExpr:
		c := &ast.SelectorExpr{X: b.clone(e.X, pos), Sel: b.clone(e.Sel, pos).(*ast.Ident)}
		if s, ok := info.Selections[e]; ok {
			info.Selections[c] = s
		}
		cp = c
	case *ast.StarExpr:
		cp = &ast.StarExpr{Star: pos, X: b.clone(e.X, pos)}
	case *ast.UnaryExpr:
		cp = &ast.UnaryExpr{OpPos: pos, Op: e.Op, X: b.clone(e.X, pos)}
	case *ast.BinaryExpr:
		cp = &ast.BinaryExpr{X: b.clone(e.X, pos), OpPos: pos, Op: e.Op, Y: b.clone(e.Y, pos)}
	case *ast.IndexExpr:
		cp = &ast.IndexExpr{X: b.clone(e.X, pos), Lbrack: pos, Index: b.clone(e.Index, pos), Rbrack: pos}
	case *ast.CallExpr:
		c := &ast.CallExpr{Fun: b.clone(e.Fun, pos), Lparen: pos, Rparen: pos}
		for _, a := range e.Args {
			c.Args = append(c.Args, b.clone(a, pos))
		}
		cp = c
	default:
		return e
	}
	if tv, ok := info.Types[e]; ok {
		info.Types[cp] = tv
	}
	return cp
}
