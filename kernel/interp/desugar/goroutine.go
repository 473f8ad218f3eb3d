package desugar

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// goStatements turns every `go f(a, b)` under root into
//
//	{ f', a', b' := f, a, b; g := func() { defer <report a panic at pos>; f'(a', b') }; go g() }
//
// which evaluates the function and arguments where the go statement is, as Go
// does, and reports a panic (through the runtime's GoPanic, with the go
// statement's position) instead of letting it end the kernel's process.
func goStatements(root ast.Node, cfg Config) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		st, ok := c.Node().(*ast.GoStmt)
		if !ok {
			return true
		}
		c.Replace(recoverGo(st, cfg))
		return true
	})
}

func recoverGo(st *ast.GoStmt, cfg Config) *ast.BlockStmt {
	pos := st.Go
	prefix := "__go" + strconv.Itoa(cfg.Unique())
	bind, call := bindCall(st.Call, prefix)

	// defer func() { __rt.GoPanic(pos, recover()) }(): GoPanic ignores a nil.
	where := &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(cfg.Fset.Position(pos).String())}
	report := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: ident(pos, cfg.Runtime), Sel: ident(pos, "GoPanic")},
			Lparen: pos,
			Args:   []ast.Expr{where, &ast.CallExpr{Fun: ident(pos, "recover"), Lparen: pos, Rparen: pos}},
			Rparen: pos,
		}}}},
	}, Lparen: pos, Rparen: pos}}
	// __rt.GoStart(): the runtime knows the goroutine (goroutines.go).
	start := &ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, cfg.Runtime), Sel: ident(pos, "GoStart")}, Lparen: pos, Rparen: pos}}
	// The goroutine's function is a variable, not a literal the go statement
	// calls, so that isolateClosures makes it apart from the running frame.
	g := prefix + "_g"
	block := &ast.BlockStmt{Lbrace: pos, Rbrace: st.Call.Rparen}
	if bind != nil {
		block.List = append(block.List, bind)
	}
	block.List = append(block.List,
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, g)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: st.Call.Rparen, List: []ast.Stmt{start, report, &ast.ExprStmt{X: call}}},
		}}},
		&ast.GoStmt{Go: pos, Call: &ast.CallExpr{Fun: ident(pos, g), Lparen: pos, Rparen: pos}})
	return block
}

// bindCall evaluates a call's function and arguments now, as go and defer do:
// it returns `prefix_f, prefix_a0… := f, a0…` (nil if there is nothing to bind)
// and the call of the bound names. A builtin is not a value: only its arguments
// are bound.
func bindCall(call *ast.CallExpr, prefix string) (ast.Stmt, *ast.CallExpr) {
	var lhs, rhs []ast.Expr
	bind := func(e ast.Expr, name string) ast.Expr {
		lhs = append(lhs, ident(e.Pos(), name))
		rhs = append(rhs, e)
		return ident(e.Pos(), name)
	}
	fun := call.Fun
	if id, ok := fun.(*ast.Ident); !ok || !isBuiltin(id.Name) {
		fun = bind(fun, prefix+"_f")
	}
	args := make([]ast.Expr, len(call.Args))
	for i, a := range call.Args {
		args[i] = bind(a, prefix+"_a"+strconv.Itoa(i))
	}
	newCall := &ast.CallExpr{Fun: fun, Lparen: call.Lparen, Args: args, Ellipsis: call.Ellipsis, Rparen: call.Rparen}
	if len(lhs) == 0 {
		return nil, newCall
	}
	return &ast.AssignStmt{Lhs: lhs, TokPos: call.Pos(), Tok: token.DEFINE, Rhs: rhs}, newCall
}

func isBuiltin(name string) bool {
	switch name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
		"make", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}
