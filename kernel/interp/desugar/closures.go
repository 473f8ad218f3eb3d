package desugar

import (
	"go/ast"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 makes a closure in two ways, both wrong when the closure outlives
// the statement that made it:
//
//   - A function literal passed straight to compiled code (`wg.Go(func(){…})`,
//     `time.AfterFunc(d, func(){…})`, `sort.Slice(x, func(i, j int) bool {…})`) is
//     wrapped around the frame of the function that is running, not a copy of it
//     (genFunctionWrapper in run.go): run later, it reads the variables as they are
//     then, so closures made in a loop all see the last iteration's.
//
//   - Any other function literal is made by getFunc (run.go), which copies the
//     frame, stores the closure in a slot of the running function's frame, and
//     makes every call of the closure write the slot's previous value back when it
//     returns. A closure running on another goroutine (a `go` statement, a
//     callback of compiled code) thus rewrites the slot while the loop that made
//     it stores and reads the next closure there: the loop then starts a closure
//     twice and another never (a wrong sum about one run in 300), or calls a nil
//     function. `go test -race` reports it as a data race in yaegi's frame.
//
// isolateClosures makes every function literal that may outlive its statement in
// a function of its own, called at once:
//
//	func(x int) bool { … }   becomes   func() func(x int) bool { return func(x int) bool { … } }()
//
// The inner literal is then made by getFunc in the frame of that one call, which
// nothing else uses: the closure is a copy of the frame at the time it was made
// (with perIteration's copies of the loop variables), and its calls write only to
// a frame no one reads again. The outer literal is called at once by the goroutine
// that made it, so its own slot is never shared.
//
// Left alone are literals called where they are written (`func(){…}()`), also
// when deferred: they cannot outlive their statement. goStatements leaves no
// `go func(){…}()`: a go statement starts a variable.
func isolateClosures(root ast.Node) {
	calledAtOnce := map[*ast.FuncLit]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
				calledAtOnce[lit] = true
			}
		}
		return true
	})
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		lit, ok := c.Node().(*ast.FuncLit)
		if !ok || calledAtOnce[lit] {
			return true
		}
		c.Replace(madeApart(lit))
		return true
	})
}

// madeApart returns `func() T { return lit }()`, T being lit's type.
func madeApart(lit *ast.FuncLit) ast.Expr {
	pos, end := lit.Pos(), lit.End()
	return &ast.CallExpr{
		Fun: &ast.FuncLit{
			Type: &ast.FuncType{
				Func:    pos,
				Params:  &ast.FieldList{Opening: pos, Closing: pos},
				Results: &ast.FieldList{List: []*ast.Field{{Type: lit.Type}}},
			},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{lit}}}, Rbrace: end},
		},
		Lparen: end,
		Rparen: end,
	}
}
