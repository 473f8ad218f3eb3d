package interp

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
)

// rewrite changes a parsed cell in place to work around what yaegi v0.16.1 lacks,
// keeping the positions of the user's nodes so errors still point into the cell:
//
//   - `go f(x)` becomes a goroutine that recovers a panic and reports it in the
//     cell's output with the go statement's position, since an uncaught panic in a
//     goroutine would end the kernel's process;
//
//   - `for i := range n` over an integer (Go 1.22) becomes a three-clause loop,
//     where n is plainly an integer (see isIntExpr);
//
//   - identifiers of renamed are renamed: type names declared again, since yaegi
//     keeps the first declaration of a type, and main (see mainName);
//
//   - variables of a cell's top-level loops, ifs and switches that an earlier
//     sibling declared too are renamed (see separateSiblings);
//
//   - a multi-value assignment at the cell's top level goes through temporaries
//     (see splitMultiValue);
//
//   - loops whose variables closures capture get a copy per iteration, as in
//     Go 1.22 (see perIteration).
//
//   - min(a, b, c) and max become nested calls of the prelude's generic
//     two-argument __min and __max (see minMax).
//
//   - recover() becomes __rt.Recovered(recover()), the value Go's recover
//     gives (see recoveredValues);
//
//   - function literals that may outlive their statement are made in a call of
//     their own (see isolateClosures).
//
// It returns the positions of the range statements with a key only that it did
// not rewrite: if yaegi fails on one ("nil type"), it ranges over an integer the
// rewrite could not recognise.
func (s *Session) rewrite(root ast.Node, posString func(token.Pos) string, renamed map[string]string) (unsure []token.Pos) {
	tagCellStructs(root)
	ints := newIntScope(s)
	var pkgName *ast.Ident // the package clause's name is no identifier to rename
	if f, ok := root.(*ast.File); ok {
		pkgName = f.Name
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if to, ok := renamed[n.Name]; ok && n != pkgName {
				n.Name = to
			}
		}
		return true
	})
	if len(renamed) > 0 {
		unrenameFields(root, renamed)
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			minMax(c)
		}
		return true
	})
	made := map[*ast.GoStmt]bool{}
	loops, gos := 0, 0
	walkStmts(root, ints, func(list []ast.Stmt, i int, sc *intScope) {
		switch st := list[i].(type) {
		case *ast.GoStmt:
			if !made[st] {
				gos++
				b := recoverGo(st, posString(st.Go), gos)
				made[b.List[len(b.List)-1].(*ast.GoStmt)] = true
				list[i] = b
			}
		case *ast.RangeStmt:
			switch {
			case st.Value == nil && st.Tok != token.ASSIGN && sc.isIntExpr(st.X):
				loops++
				list[i] = rangeInt(st, loops, sc.pure(st.X))
			case st.Value == nil:
				unsure = append(unsure, st.For)
			}
		}
	})
	if body, ok := root.(*ast.BlockStmt); ok {
		separateSiblings(body)
		body.List = splitMultiValue(body.List)
		body.List = splitGenericVarInit(body.List)
	}
	perIteration(root)
	recoveredValues(root)
	isolateClosures(root)
	return unsure
}

// perIteration gives each iteration of a loop its own loop variables, as Go 1.22
// does, where a function literal in the body uses them: yaegi v0.16.1 shares one
// variable across iterations, so closures (goroutines, callbacks) made in a loop
// all saw its last value. The body starts with `v := v` for each such variable.
// A loop whose body assigns to its variable is left alone: in Go 1.22 that
// assignment carries over to the next iteration, which a copy would lose.
//
// At a cell's top level such a copy would be a session variable, one for all
// iterations, so a top-level statement holding such a loop first runs in a
// function literal called at once: `func() { for … }()`. Its own variables are
// scoped to it in Go, so nothing visible changes.
func perIteration(root ast.Node) {
	if body, ok := root.(*ast.BlockStmt); ok {
		for i, st := range body.List {
			if isCompound(st) && hasCapturingLoop(st) {
				body.List[i] = callAtOnce(st)
			}
		}
	}
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

// hasCapturingLoop reports whether st holds, outside function literals, a loop
// that needs copies of its variables.
func hasCapturingLoop(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		if vars, _ := loopCopies(n); len(vars) > 0 {
			found = true
		}
		return !found
	})
	return found
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

// splitMultiValue rewrites the cell's top-level assignments of one function
// call's results, `a, err := f()` (or =, or var a, err = f()), as
//
//	__mv3_0, __mv3_1 := f()
//	a := __mv3_0
//	err := __mv3_1
//
// yaegi v0.16.1 stores the session variables such an assignment sets so that a
// function reading them, when called from inside a function literal (a
// callback, a goroutine), reads another variable's slot: `table, err :=
// analysis.LoadFS(…)` followed by a helper using table, called from a closure,
// failed with "reflect: Call using int as type analysis.Source". Variables set
// one by one are stored correctly.
func splitMultiValue(list []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	for k, st := range list {
		var lhs []ast.Expr
		var rhs ast.Expr
		tok := token.ASSIGN
		var typ ast.Expr
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Lhs) > 1 && len(st.Rhs) == 1 && isCall(st.Rhs[0]) && (st.Tok == token.DEFINE || st.Tok == token.ASSIGN) {
				lhs, rhs, tok = st.Lhs, st.Rhs[0], st.Tok
			}
		case *ast.DeclStmt:
			if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR && len(g.Specs) == 1 {
				if vs := g.Specs[0].(*ast.ValueSpec); len(vs.Names) > 1 && len(vs.Values) == 1 && isCall(vs.Values[0]) {
					for _, n := range vs.Names {
						lhs = append(lhs, n)
					}
					rhs, tok, typ = vs.Values[0], token.VAR, vs.Type
				}
			}
		}
		if rhs == nil {
			if a, ok := st.(*ast.AssignStmt); ok {
				if split := commaOK(a, k); split != nil {
					out = append(out, split...)
					continue
				}
			}
			out = append(out, st)
			continue
		}
		pos := st.Pos()
		temps := make([]ast.Expr, len(lhs))
		for i := range lhs {
			temps[i] = &ast.Ident{NamePos: pos, Name: fmt.Sprintf("__mv%d_%d", k, i)}
		}
		out = append(out, &ast.AssignStmt{Lhs: temps, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{rhs}})
		for i, l := range lhs {
			if isBlank(l) {
				continue
			}
			tmp := &ast.Ident{NamePos: l.Pos(), Name: temps[i].(*ast.Ident).Name}
			if tok == token.VAR {
				out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
					&ast.ValueSpec{Names: []*ast.Ident{l.(*ast.Ident)}, Type: typ, Values: []ast.Expr{tmp}},
				}}})
				continue
			}
			out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{l}, TokPos: pos, Tok: tok, Rhs: []ast.Expr{tmp}})
		}
	}
	return out
}

// separateSiblings renames, in a cell's top-level compound statements (loops,
// if, switch, select, blocks), the variables they declare that an earlier
// sibling declared too: `for i := …` then `for i := int64(0); …` becomes
// `for i := …` then `for i__2 := int64(0); …`. yaegi v0.16.1 compiles a cell's
// top level in the global scope, where same-named variables of sibling
// statements share one slot, so the second with another type fails at run time
// ("reflect.Set: value of type int is not assignable to type int64"). Those
// variables are scoped to their statement in Go, so the renaming changes nothing
// visible. Renaming is preferred to running the statement in a function literal
// (which perIteration must do): it changes less of what yaegi compiles.
func separateSiblings(body *ast.BlockStmt) {
	seen := map[string]bool{}
	for k, st := range body.List {
		if !isCompound(st) {
			continue
		}
		declared := declaredIn(st)
		renamed := map[string]string{}
		for name := range declared {
			if seen[name] {
				renamed[name] = name + "__" + strconv.Itoa(k)
			}
			seen[name] = true
		}
		if len(renamed) > 0 {
			renameScoped(st, renamed)
		}
	}
}

// declaredIn returns the variables st declares outside function literals.
func declaredIn(st ast.Stmt) map[string]bool {
	names := map[string]bool{}
	add := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			names[id.Name] = true
		}
	}
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					add(l)
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				add(n.Key)
				add(n.Value)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				add(id)
			}
		}
		return true
	})
	return names
}

// renameScoped renames the identifiers of renamed throughout st, but not field
// names (selectors, struct literal keys, struct fields), and not in the
// expressions a statement's header evaluates before its variables exist
// (`for _, r := range r.Items`, `if x := x + 1; …`).
func renameScoped(st ast.Stmt, renamed map[string]string) {
	skip := map[ast.Node]bool{}
	header := func(init ast.Stmt) {
		if a, ok := init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, r := range a.Rhs {
				skip[r] = true
			}
		}
	}
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				skip[n.X] = true
			}
		case *ast.ForStmt:
			header(n.Init)
		case *ast.IfStmt:
			header(n.Init)
		case *ast.SwitchStmt:
			header(n.Init)
		case *ast.TypeSwitchStmt:
			header(n.Init)
			header(n.Assign)
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.CompositeLit:
			if _, isMap := n.Type.(*ast.MapType); !isMap {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						skip[kv.Key] = true
					}
				}
			}
		case *ast.Field:
			for _, id := range n.Names {
				skip[id] = true
			}
		}
		return true
	})
	visit := func(n ast.Node) bool {
		if n == nil || skip[n] {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if to, ok := renamed[id.Name]; ok {
				id.Name = to
			}
		}
		return true
	}
	ast.Inspect(st, visit)
}

// unrenameFields restores names that the renaming must not touch: selectors,
// struct fields and composite literal keys name fields, not the renamed type.
func unrenameFields(root ast.Node, renamed map[string]string) {
	back := map[string]string{}
	for from, to := range renamed {
		back[to] = from
	}
	restore := func(id *ast.Ident) {
		if from, ok := back[id.Name]; ok {
			id.Name = from
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			restore(n.Sel)
		case *ast.Field:
			for _, id := range n.Names {
				restore(id)
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				restore(id)
			}
		}
		return true
	})
}

// recoverGo turns `go f(a, b)` (at pos, "cellN/_.go:line:col") into
//
//	{ f', a', b' := f, a, b; g := func() { defer __rt_recover(pos); f'(a', b') }; go g() }
//
// which evaluates the function and arguments where the go statement is, as Go
// does, and reports a panic instead of crashing.
//
// The names it adds are numbered by statement (n), as rangeInt's are.
func recoverGo(st *ast.GoStmt, where string, n int) *ast.BlockStmt {
	suffix := "_" + strconv.Itoa(n)
	pos := st.Go
	call := st.Call
	var lhs, rhs []ast.Expr
	bind := func(e ast.Expr, name string) ast.Expr {
		id := &ast.Ident{NamePos: e.Pos(), Name: name}
		lhs = append(lhs, id)
		rhs = append(rhs, e)
		return &ast.Ident{NamePos: e.Pos(), Name: name}
	}
	fun := call.Fun
	if id, ok := fun.(*ast.Ident); !ok || !isBuiltin(id.Name) {
		fun = bind(fun, "__go_f"+suffix)
	}
	args := make([]ast.Expr, len(call.Args))
	for i, a := range call.Args {
		args[i] = bind(a, "__go_a"+strconv.Itoa(i)+suffix)
	}
	newCall := &ast.CallExpr{Fun: fun, Lparen: call.Lparen, Args: args, Ellipsis: call.Ellipsis, Rparen: call.Rparen}

	// defer func() { __rt.GoPanic(pos, recover()) }()
	report := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "GoPanic"}},
			Lparen: pos,
			Args: []ast.Expr{
				&ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(where)},
				&ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "recover"}, Lparen: pos, Rparen: pos},
			},
			Rparen: pos,
		}}}},
	}, Lparen: pos, Rparen: pos}}
	// The goroutine's function is a variable, not a literal called by the go
	// statement, so that isolateClosures can make it apart.
	g := &ast.Ident{NamePos: pos, Name: "__go_g" + suffix}
	block := &ast.BlockStmt{Lbrace: pos, Rbrace: call.Rparen}
	if len(lhs) > 0 {
		block.List = append(block.List, &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: rhs})
	}
	block.List = append(block.List,
		&ast.AssignStmt{Lhs: []ast.Expr{g}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: call.Rparen, List: []ast.Stmt{report, &ast.ExprStmt{X: newCall}}},
		}}},
		&ast.GoStmt{Go: pos, Call: &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: g.Name}, Lparen: pos, Rparen: pos}})
	return block
}

// rangeInt turns `for k := range n {…}` into `for k, __n := n-n, n; k < __n; k++ {…}`,
// which gives k the type of n as Go 1.22 does (int for an untyped constant). When
// n calls a function (pure is false) it must be evaluated once, so the loop
// becomes `{ __n := n; for k := __n - __n; k < __n; k++ {…} }`. The names it adds
// are numbered by loop: yaegi mixes up same-named variables of different types in
// sibling loops of a cell's top level.
func rangeInt(st *ast.RangeStmt, loop int, pure bool) ast.Stmt {
	pos := st.For
	key := st.Key
	if key == nil || isBlank(key) {
		key = &ast.Ident{NamePos: pos, Name: "__range_i" + strconv.Itoa(loop)}
	}
	keyName := key.(*ast.Ident).Name
	limit := "__range_n" + strconv.Itoa(loop)
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	loopStmt := &ast.ForStmt{
		For:  pos,
		Cond: &ast.BinaryExpr{X: id(keyName), OpPos: pos, Op: token.LSS, Y: id(limit)},
		Post: &ast.IncDecStmt{X: id(keyName), TokPos: pos, Tok: token.INC},
		Body: st.Body,
	}
	if pure {
		loopStmt.Init = &ast.AssignStmt{
			Lhs: []ast.Expr{id(keyName), id(limit)}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{&ast.BinaryExpr{X: st.X, OpPos: pos, Op: token.SUB, Y: st.X}, st.X},
		}
		return loopStmt
	}
	loopStmt.Init = &ast.AssignStmt{
		Lhs: []ast.Expr{id(keyName)}, TokPos: pos, Tok: token.DEFINE,
		Rhs: []ast.Expr{&ast.BinaryExpr{X: id(limit), OpPos: pos, Op: token.SUB, Y: id(limit)}},
	}
	return &ast.BlockStmt{Lbrace: pos, Rbrace: st.Body.Rbrace, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{id(limit)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{st.X}},
		loopStmt,
	}}
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func isBuiltin(name string) bool {
	switch name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
		"make", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}

// minMax turns min(a, b, c) into __min(__min(a, b), c) (max likewise), in place.
// yaegi infers a generic type parameter from the first argument and cannot from
// an untyped float constant, so a typed argument is moved first (min and max do not
// depend on the order) and, when all are constants, float ones become float64.
func minMax(c *ast.CallExpr) {
	id, ok := c.Fun.(*ast.Ident)
	if !ok || (id.Name != "min" && id.Name != "max") || len(c.Args) == 0 || c.Ellipsis.IsValid() {
		return
	}
	fn := "__" + id.Name
	args := append([]ast.Expr(nil), c.Args...)
	typed := -1
	anyFloat := false
	for i, a := range args {
		if lit, ok := a.(*ast.BasicLit); ok {
			anyFloat = anyFloat || lit.Kind == token.FLOAT
		} else if typed < 0 {
			typed = i
		}
	}
	switch {
	case typed > 0:
		args[0], args[typed] = args[typed], args[0]
	case typed < 0 && anyFloat:
		for i, a := range args {
			args[i] = &ast.CallExpr{Fun: &ast.Ident{NamePos: a.Pos(), Name: "float64"}, Lparen: a.Pos(), Args: []ast.Expr{a}, Rparen: a.End()}
		}
	}
	if len(args) == 1 {
		args = append(args, args[0])
	}
	acc := args[0]
	for _, a := range args[1 : len(args)-1] {
		acc = &ast.CallExpr{Fun: &ast.Ident{NamePos: id.NamePos, Name: fn}, Lparen: c.Lparen, Args: []ast.Expr{acc, a}, Rparen: c.Rparen}
	}
	id.Name = fn
	c.Args = []ast.Expr{acc, args[len(args)-1]}
}

// commaOK rewrites a top-level `v, ok := m[k]` or `v, ok := x.(T)`, which
// yaegi v0.16.1 cannot compile at a cell's top level ("nil type"), into typed
// declarations and a plain assignment, which it can:
//
//	v := m[k]; var ok bool; v, ok = m[k]      (m and k in temporaries unless plain names)
//	var v T; var ok bool; v, ok = x.(T)
//
// It returns nil for other statements.
func commaOK(a *ast.AssignStmt, k int) []ast.Stmt {
	if a.Tok != token.DEFINE || len(a.Lhs) != 2 || len(a.Rhs) != 1 {
		return nil
	}
	pos := a.Pos()
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	target := func(i int, temp string) *ast.Ident {
		if l, ok := a.Lhs[i].(*ast.Ident); ok && l.Name != "_" {
			return id(l.Name)
		}
		return id(temp)
	}
	v, ok := target(0, fmt.Sprintf("__mv%d_v", k)), target(1, fmt.Sprintf("__mv%d_ok", k))
	varDecl := func(name *ast.Ident, typ ast.Expr) ast.Stmt {
		return &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{name}, Type: typ},
		}}}
	}
	assign := func(rhs ast.Expr) ast.Stmt {
		return &ast.AssignStmt{Lhs: []ast.Expr{id(v.Name), id(ok.Name)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{rhs}}
	}
	switch rhs := ast.Unparen(a.Rhs[0]).(type) {
	case *ast.TypeAssertExpr:
		if rhs.Type == nil {
			return nil
		}
		return []ast.Stmt{varDecl(v, rhs.Type), varDecl(ok, id("bool")), assign(rhs)}
	case *ast.IndexExpr:
		var out []ast.Stmt
		plainOrTemp := func(e ast.Expr, temp string) ast.Expr {
			switch e.(type) {
			case *ast.Ident, *ast.BasicLit:
				return e
			}
			out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{id(temp)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{e}})
			return id(temp)
		}
		m := plainOrTemp(rhs.X, fmt.Sprintf("__mv%d_m", k))
		key := plainOrTemp(rhs.Index, fmt.Sprintf("__mv%d_k", k))
		index := func() ast.Expr { return &ast.IndexExpr{X: m, Lbrack: rhs.Lbrack, Index: key, Rbrack: rhs.Rbrack} }
		return append(out,
			&ast.AssignStmt{Lhs: []ast.Expr{id(v.Name)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{index()}},
			varDecl(ok, id("bool")), assign(index()))
	}
	return nil
}

func isCall(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok
}
