package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// rangeFunc turns a range over a function, `for k, v := range seq { body }` with
// seq a func(yield func(K, V) bool), into a call of seq with the body as yield,
// as the Go compiler does:
//
//	{
//		var __st int                     // 1: the body ended the loop; 2: the loop is over
//		var __exit int                   // where to go after the loop: a label, or return
//		var __r0 R0 …                    // what the body returns, if it does
//		var __defers []func()            // what the body defers, if it does,
//		defer __rundefers(&__defers)     //   run when the enclosing function returns
//		seq(func(k K, v V) bool {
//			__rangecheck(__st)           // Go's panic if seq calls yield after the end
//			body'
//			return true
//		})
//		__st = 2
//		if __exit == 1 { break Outer }   // …one line per target the body jumps to
//	}
//
// where body' has continue as `return true`, break as `__st = 1; return false`,
// a jump to an outer label or a return as `__st = 1; __exit = n; return false`
// (a return with values first assigns __r0…), and defer f(x) as appending a
// call of f to the values f and x have now.
//
// The enclosing function's signature (nil at a cell's top level) types what the
// body returns.
func (d *desugarer) rangeFunc(st *ast.RangeStmt, sig *types.Signature, label *ast.Ident, enclosing *types.Signature) ast.Stmt {
	if sig.Params().Len() != 1 {
		return nil
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	pos := st.For
	n := strconv.Itoa(d.cfg.Unique())
	name := func(what string) string { return "__rf" + n + "_" + what }
	stVar, exitVar, defersVar := name("st"), name("exit"), name("defers")

	// The callback's parameters: the loop's variables, or temporaries assigned
	// to them (for k, v = range …).
	params := &ast.FieldList{Opening: pos, Closing: pos}
	var prefix []ast.Stmt
	for i := range yield.Params().Len() {
		var v ast.Expr
		switch i {
		case 0:
			v = st.Key
		case 1:
			v = st.Value
		}
		te, err := d.typeExpr(yield.Params().At(i).Type(), pos)
		if err != nil {
			d.fail(pos, "range over a function", err)
			return nil
		}
		p := ident(pos, "_")
		switch {
		case v == nil || isBlank(v):
		case st.Tok == token.DEFINE:
			p = v.(*ast.Ident)
		default:
			p = ident(pos, name("v"+strconv.Itoa(i)))
			prefix = append(prefix, &ast.AssignStmt{Lhs: []ast.Expr{v}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(pos, p.Name)}})
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{p}, Type: te})
	}

	b := &rangeBody{d: d, label: label, st: stVar, exit: exitVar, defers: defersVar, name: name, enclosing: enclosing, inner: labelsIn(st.Body)}
	b.rewrite(st.Body)
	if b.failed {
		return nil
	}

	check := &ast.ExprStmt{X: &ast.CallExpr{Fun: ident(pos, "__rangecheck"), Lparen: pos, Args: []ast.Expr{ident(pos, stVar)}, Rparen: pos}}
	list := append([]ast.Stmt{check}, prefix...)
	list = append(list, st.Body.List...)
	list = append(list, &ast.ReturnStmt{Return: st.Body.Rbrace, Results: []ast.Expr{ident(pos, "true")}})
	callback := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: st.Body.Lbrace, List: list, Rbrace: st.Body.Rbrace},
	}

	out := []ast.Stmt{varDecl(pos, stVar, ident(pos, "int"))}
	if len(b.targets) > 0 {
		out = append(out, varDecl(pos, exitVar, ident(pos, "int")))
	}
	for i, te := range b.results {
		out = append(out, varDecl(pos, name("r"+strconv.Itoa(i)), te))
	}
	if b.deferred {
		out = append(out,
			varDecl(pos, defersVar, &ast.ArrayType{Lbrack: pos, Elt: &ast.FuncType{Func: pos, Params: &ast.FieldList{}}}),
			&ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: ident(pos, "__rundefers"), Lparen: pos,
				Args: []ast.Expr{&ast.UnaryExpr{OpPos: pos, Op: token.AND, X: ident(pos, defersVar)}}, Rparen: pos}})
	}
	out = append(out,
		&ast.ExprStmt{X: &ast.CallExpr{Fun: st.X, Lparen: pos, Args: []ast.Expr{callback}, Rparen: st.Body.Rbrace}},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, stVar)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "2"}}},
	)
	for i, jump := range b.targets {
		out = append(out, &ast.IfStmt{If: pos,
			Cond: &ast.BinaryExpr{X: ident(pos, exitVar), OpPos: pos, Op: token.EQL, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.Itoa(i + 1)}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{jump}, Rbrace: pos}})
	}
	return &ast.BlockStmt{Lbrace: pos, List: out, Rbrace: st.Body.Rbrace}
}

// rangeBody rewrites the body of one range over a function (see rangeFunc).
type rangeBody struct {
	d                    *desugarer
	label                *ast.Ident // the loop's own label, or nil
	st, exit, defers     string
	name                 func(string) string
	enclosing            *types.Signature
	inner                map[string]bool // labels declared inside the body
	targets              []ast.Stmt      // the jump each exit code stands for, from 1
	results              []ast.Expr      // the types of __r0…, once a return has values
	deferred             bool
	failed               bool
	returnBare, returnAt int // exit codes of a bare return and of one with values, 0 if none
}

// rewrite rewrites the branch, return and defer statements of body that leave
// it, leaving function literals alone.
func (b *rangeBody) rewrite(body *ast.BlockStmt) {
	loops, breakables := 0, 0 // nested statements an unlabelled continue or break targets
	// Statements are replaced on the way up, so the walk never enters what
	// replaced them.
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			loops++
			breakables++
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			breakables++
		}
		return true
	}, func(c *astutil.Cursor) bool {
		var r ast.Stmt
		switch n := c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops--
			breakables--
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			breakables--
		case *ast.BranchStmt:
			r = b.branch(n, loops, breakables)
		case *ast.ReturnStmt:
			r = b.ret(n)
		case *ast.DeferStmt:
			r = b.deferStmt(n)
		}
		if r != nil {
			c.Replace(r)
		}
		return true
	})
}

func (b *rangeBody) set(pos token.Pos, name string, v int) ast.Stmt {
	return &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, name)}, TokPos: pos, Tok: token.ASSIGN,
		Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.Itoa(v)}}}
}

// leave returns the statements that end the callback: false stops the loop.
func (b *rangeBody) leave(pos token.Pos, exit int, before ...ast.Stmt) ast.Stmt {
	list := append(before, b.set(pos, b.st, 1))
	if exit > 0 {
		list = append(list, b.set(pos, b.exit, exit))
	}
	list = append(list, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "false")}})
	return &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: pos}
}

// target returns the exit code of jump, adding it.
func (b *rangeBody) target(jump ast.Stmt) int {
	b.targets = append(b.targets, jump)
	return len(b.targets)
}

func (b *rangeBody) branch(n *ast.BranchStmt, loops, breakables int) ast.Stmt {
	pos := n.TokPos
	own := n.Label == nil || (b.label != nil && n.Label.Name == b.label.Name)
	if n.Label != nil && b.inner[n.Label.Name] {
		return nil // a jump inside the body
	}
	switch n.Tok {
	case token.CONTINUE:
		if n.Label == nil && loops > 0 {
			return nil
		}
		if own {
			return &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "true")}}
		}
	case token.BREAK:
		if n.Label == nil && breakables > 0 {
			return nil
		}
		if own {
			return b.leave(pos, 0)
		}
	case token.GOTO:
		b.d.errs = append(b.d.errs, refuse.At(b.d.cfg.Fset, pos, refuse.GotoOutOfRangeFunc, n.Label.Name))
		b.failed = true
		return nil
	default:
		return nil
	}
	// To a label outside the loop: jump there after it.
	return b.leave(pos, b.target(&ast.BranchStmt{TokPos: pos, Tok: n.Tok, Label: ident(pos, n.Label.Name)}))
}

// ret rewrites a return of the enclosing function.
func (b *rangeBody) ret(n *ast.ReturnStmt) ast.Stmt {
	pos := n.Return
	if len(n.Results) == 0 {
		if b.returnBare == 0 {
			b.returnBare = b.target(&ast.ReturnStmt{Return: pos})
		}
		return b.leave(pos, b.returnBare)
	}
	if b.returnAt == 0 {
		if b.enclosing == nil {
			b.failed = true
			return n
		}
		res := b.enclosing.Results()
		jump := &ast.ReturnStmt{Return: pos}
		for i := range res.Len() {
			te, err := b.d.typeExpr(res.At(i).Type(), pos)
			if err != nil {
				b.d.fail(pos, "return inside a range over a function", err)
				b.failed = true
				return n
			}
			b.results = append(b.results, te)
			jump.Results = append(jump.Results, ident(pos, b.name("r"+strconv.Itoa(i))))
		}
		b.returnAt = b.target(jump)
	}
	var lhs []ast.Expr
	for i := range b.results {
		lhs = append(lhs, ident(pos, b.name("r"+strconv.Itoa(i))))
	}
	assign := &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.ASSIGN, Rhs: n.Results}
	return b.leave(pos, b.returnAt, assign)
}

// deferStmt turns `defer f(x)` into appending a call of f to x, both evaluated
// now, to the calls the enclosing function runs when it returns.
func (b *rangeBody) deferStmt(n *ast.DeferStmt) ast.Stmt {
	pos := n.Defer
	if lit, ok := n.Call.Fun.(*ast.FuncLit); ok && callsRecover(lit) {
		b.d.errs = append(b.d.errs, refuse.At(b.d.cfg.Fset, pos, refuse.RecoverInRangeFuncDefer))
		b.failed = true
		return nil
	}
	b.deferred = true
	bind, call := bindCall(n.Call, b.name("d"+strconv.Itoa(b.d.cfg.Unique())))
	push := &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, b.defers)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.CallExpr{
		Fun: ident(pos, "append"), Lparen: pos, Rparen: pos,
		Args: []ast.Expr{ident(pos, b.defers), &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: call}}, Rbrace: pos},
		}},
	}}}
	block := &ast.BlockStmt{Lbrace: pos, Rbrace: n.End()}
	if bind != nil {
		block.List = append(block.List, bind)
	}
	block.List = append(block.List, push)
	return block
}

// callsRecover reports whether lit calls recover (outside function literals in it).
func callsRecover(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}

// labelsIn returns the labels declared in body, outside function literals.
func labelsIn(body *ast.BlockStmt) map[string]bool {
	labels := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[n.Label.Name] = true
		}
		return true
	})
	return labels
}

// varDecl returns `var name typ`.
func varDecl(pos token.Pos, name string, typ ast.Expr) ast.Stmt {
	return &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{ident(pos, name)}, Type: typ},
	}}}
}
