package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/engine"
)

// Execute runs one cell: its magics (%help), then its code. Text goes to out while
// the cell runs; the value of a last bare expression is returned rendered.
func (s *Session) Execute(ctx context.Context, code string, out engine.Output) (b *engine.Bundle, e *engine.Error) {
	defer s.recoverCell(&b, &e) // after end: the cell's output is restored first
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return nil, &engine.Error{Name: "SessionClosed", Value: "the session was closed", Traceback: []string{"SessionClosed: the session was closed"}}
	}
	end, err := s.begin(ctx, out)
	if err != nil {
		return nil, &engine.Error{Name: "KernelError", Value: err.Error(), Traceback: []string{"KernelError: " + err.Error()}}
	}
	defer end()
	return s.runMagics(ctx, code)
}

// begin makes out the destination of the cell's output: the interpreter's
// streams, the display helpers, and (unless NoCapture) file descriptors 1 and 2.
// It reports goroutine panics that happened since the last cell. end undoes it.
func (s *Session) begin(ctx context.Context, out engine.Output) (end func(), err error) {
	r := &cellRun{ctx: ctx, out: out, stdout: streamFunc{out, "stdout"}, stderr: streamFunc{out, "stderr"}}
	var caps []*fdCapture
	if !s.opts.NoCapture {
		saveFDs()
		for _, c := range []struct {
			fd   int
			orig *os.File
			name string
		}{{1, savedOut, "stdout"}, {2, savedErr, "stderr"}} {
			fc, err := captureFD(c.fd, c.orig, out, c.name)
			if err != nil {
				for _, fc := range caps {
					fc.stop()
				}
				return nil, fmt.Errorf("capture %s: %w", c.name, err)
			}
			caps = append(caps, fc)
		}
		r.stdout, r.stderr = caps[0].w, caps[1].w
	}
	r.out = syncedOutput{out, caps}
	s.flags.reset(r.stderr)
	display.SetOutput(r.out, display.Options{SVG: s.opts.SVG, Plain: s.opts.Plain})
	s.mu.Lock()
	s.run = r
	pending := s.io.pending
	s.io.pending = nil
	s.io.frames = nil
	s.mu.Unlock()
	for _, p := range pending {
		fmt.Fprint(r.stderr, p)
	}
	return func() {
		s.mu.Lock()
		s.run = nil
		s.mu.Unlock()
		display.SetOutput(nil, display.Options{})
		for _, fc := range caps {
			if err := fc.stop(); err != nil {
				fmt.Fprintf(LogWriter(), "ratelab: restore fd %d after a cell: %v\n", fc.fd, err)
			}
		}
	}, nil
}

// runCode runs Go source (a cell, or a part of one with other lines blanked).
func (s *Session) runCode(ctx context.Context, code string) (*engine.Bundle, *engine.Error) {
	s.mu.Lock()
	s.lastID++
	id := s.lastID
	s.cells[id] = code
	yi := s.yi
	run := s.run
	s.mu.Unlock()

	groups := groupPieces(splitCell(code))
	renamed := s.redeclaredTypes(code, groups, id)
	// yaegi runs a function main of package main after every compile once it
	// exists, so the session's main is __main: declared under that name, called
	// under it, and run once by the cell that declares it, as go run would.
	idents := map[string]string{"main": mainName}
	for from, to := range renamed {
		idents[from] = to
	}
	for gi, g := range groups {
		last := gi == len(groups)-1
		if err := s.runGroup(ctx, yi, code, id, g, last, idents); err != nil {
			return nil, err
		}
	}
	if declaresMain(code, groups, id) {
		call := &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent(mainName)}}}}
		prog, err := compileAST(yi, call)
		if err != nil {
			return nil, s.compileError(err, id)
		}
		if _, err := yi.ExecuteWithContext(ctx, prog); err != nil {
			if ctx.Err() != nil {
				return nil, interrupted()
			}
			return nil, s.runtimeError(err, id)
		}
	}
	if len(renamed) > 0 {
		// Point the old names at the new types for the cells to come.
		var b strings.Builder
		b.WriteString("package main\n")
		for from, to := range renamed {
			fmt.Fprintf(&b, "type %s = %s\n", from, to)
		}
		if _, err := compileAndRun(yi, b.String()); err != nil {
			return nil, s.compileError(err, id)
		}
		s.mu.Lock()
		for from, to := range renamed {
			s.types[from] = to
		}
		s.mu.Unlock()
	}
	if run == nil || !run.hasResult {
		return nil, nil
	}
	b, ok, perr := s.renderResult(run.result, id)
	if perr != nil || !ok {
		return nil, perr
	}
	return &b, nil
}

// redeclaredTypes returns, for each type the cell declares that an earlier cell
// declared already, the fresh name it is compiled under: yaegi keeps the first
// declaration of a type name, so a changed type gets a new name and the old name
// becomes an alias of it.
func (s *Session) redeclaredTypes(code string, groups []group, id int) map[string]string {
	renamed := map[string]string{}
	for _, g := range groups {
		if g.kind != declPiece {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", g.source(code, id), parser.SkipObjectResolution)
		if err != nil {
			continue // reported when the group is compiled
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				s.mu.Lock()
				_, seen := s.types[ts.Name.Name]
				if !seen {
					s.types[ts.Name.Name] = ts.Name.Name
				}
				s.mu.Unlock()
				if seen && !ts.Assign.IsValid() {
					renamed[ts.Name.Name] = fmt.Sprintf("%s_%d", ts.Name.Name, id)
				}
			}
		}
	}
	return renamed
}

// runGroup parses, rewrites, compiles and runs one group of a cell. In the last
// group a final expression statement X becomes __rt.Result(X), which records its
// value; if that does not compile (X has no value, or several), X runs as it is.
func (s *Session) runGroup(ctx context.Context, yi *interp.Interpreter, code string, id int, g group, last bool, renamed map[string]string) *engine.Error {
	src := g.source(code, id)
	f, err := parser.ParseFile(yi.FileSet(), "_.go", src, parser.DeclarationErrors|parser.SkipObjectResolution)
	if err != nil {
		return s.compileError(err, id)
	}
	var node ast.Node = f
	var imported []*ast.ImportSpec
	if g.kind == importPiece {
		if imported, err = s.dropKnownImports(f, yi.FileSet()); err != nil {
			return s.compileError(err, id)
		}
		if len(f.Decls) == 0 {
			return nil
		}
	}
	var tail *ast.ExprStmt
	var body *ast.BlockStmt
	if g.kind == stmtPiece {
		body = f.Decls[0].(*ast.FuncDecl).Body
		node = body
	}
	fset := yi.FileSet()
	unsure := s.rewrite(node, func(p token.Pos) string { return fset.Position(p).String() }, renamed)
	if body != nil {
		for _, st := range body.List {
			if d, ok := st.(*ast.DeferStmt); ok {
				return s.compileError(fmt.Errorf("%s: defer at a cell's top level: a cell is not a function, so the call would wait for "+
					"the end of the session; call it at the end of the cell, or put the code in a function", fset.Position(d.Defer)), id)
			}
		}
	}
	if last && body != nil && len(body.List) > 0 {
		if es, ok := body.List[len(body.List)-1].(*ast.ExprStmt); ok {
			tail = es
			body.List[len(body.List)-1] = &ast.ExprStmt{X: &ast.CallExpr{
				Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: es.Pos(), Name: rtName}, Sel: &ast.Ident{NamePos: es.Pos(), Name: "Result"}},
				Lparen: es.Pos(),
				Args:   []ast.Expr{es.X},
				Rparen: es.End(),
			}}
		}
	}
	prog, err := compileAST(yi, node)
	if err != nil && tail != nil {
		body.List[len(body.List)-1] = tail
		prog, err = compileAST(yi, node)
	}
	if err != nil && len(unsure) > 0 && strings.HasSuffix(err.Error(), "nil type") {
		// yaegi's compiler fails this way on a range over an integer.
		p := fset.Position(unsure[0])
		err = fmt.Errorf("%s: cannot range over this: if it is an integer, yaegi v0.16.1 cannot range over it "+
			"(ranges over integer literals, variables and len() are rewritten for it); write for i := 0; i < n; i++", p)
	}
	if err != nil {
		return s.compileError(err, id)
	}
	s.noteImports(imported)
	_, err = yi.ExecuteWithContext(ctx, prog)
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return interrupted()
	}
	return s.runtimeError(err, id)
}

// interrupted is the error of an interrupted cell.
func interrupted() *engine.Error {
	return &engine.Error{Name: "KeyboardInterrupt", Value: "the cell was interrupted", Traceback: []string{
		"KeyboardInterrupt: the cell was interrupted; the session and its variables are kept",
		"(a call into a compiled package that was running cannot be stopped: it finishes in the background and its result is dropped)",
	}}
}

// mainName is what a cell's func main is compiled as.
const mainName = "__main"

// declaresMain reports whether the cell declares func main.
func declaresMain(code string, groups []group, id int) bool {
	for _, g := range groups {
		if g.kind != declPiece {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", g.source(code, id), parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				return true
			}
		}
	}
	return false
}

// compileAST compiles n, turning a panic of yaegi's compiler into an error. After
// a failed compile it repairs yaegi's global frame (see repairFrame).
func compileAST(yi *interp.Interpreter, n ast.Node) (p *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the interpreter failed to compile this cell: %v", r)
		}
		if err != nil {
			if rerr := repairFrame(yi); rerr != nil {
				fmt.Fprintf(LogWriter(), "ratelab: after a failed compile: %v\n", rerr)
			}
		}
	}()
	return yi.CompileAST(n)
}

// isPanic reports whether err is a panic recovered from running code.
func isPanic(err error) (interp.Panic, bool) {
	var p interp.Panic
	if errors.As(err, &p) {
		return p, true
	}
	return p, false
}
