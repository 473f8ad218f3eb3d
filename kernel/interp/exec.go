package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/desugar"
	"github.com/ratelab/ratelab/kernel/interp/refuse"
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
	if err := s.waitStuck(ctx); err != nil {
		return nil, err
	}
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
	setLoadProgress(s.startLoad)
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
		setLoadProgress(nil)
		display.SetOutput(nil, display.Options{})
		for _, fc := range caps {
			if err := fc.stop(); err != nil {
				fmt.Fprintf(LogWriter(), "ratelab: restore fd %d after a cell: %v\n", fc.fd, err)
			}
		}
	}, nil
}

// runCode runs Go source (a cell, or a part of one with other lines blanked):
// each piece of the cell is parsed, the whole cell is type-checked against the
// session (package check), and only then are the pieces rewritten for the
// interpreter and run, one after the other.
func (s *Session) runCode(ctx context.Context, code string) (*engine.Bundle, *engine.Error) {
	s.mu.Lock()
	s.lastID++
	id := s.lastID
	s.cells[id] = code
	yi := s.yi
	checker := s.checker
	run := s.run
	s.mu.Unlock()

	c, e := s.frontEnd(yi.FileSet(), checker, code, id)
	if e != nil {
		return nil, e
	}
	units, renamed := c.units, c.renamed
	if err := s.importHidden(yi); err != nil {
		return nil, s.compileError(err, id)
	}
	for gi, u := range units {
		if err := s.runGroup(ctx, yi, id, u, c.results[gi], c.imported[gi], c.aliases[gi]); err != nil {
			s.keepFinished(yi.FileSet(), checker, u, renamed, err)
			return nil, err
		}
		checker.Commit(u)
		s.noteTypes(u.Declared(), renamed)
	}
	if c.hasMain {
		call := &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent(mainName)}}}}
		prog, err := compileAST(yi, call)
		if err != nil {
			return nil, s.compileError(err, id)
		}
		if _, err := yi.ExecuteWithContext(ctx, prog); err != nil {
			if ctx.Err() != nil {
				return nil, s.interrupted()
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

// cell is a cell the front end prepared for the interpreter: checked, refused
// or desugared, and renamed.
type cell struct {
	units    []*check.Unit
	imported [][]*ast.ImportSpec // per unit, the imports to note once it ran
	results  []*ast.ExprStmt     // per unit, its result expression, or nil
	aliases  [][]string          // per unit, the instances it names by the session's aliases
	renamed  map[string]string   // the types the cell declares again
	hasMain  bool
}

// frontEnd parses code (cell id) into units, type-checks them against the
// session, refuses what the interpreter cannot run, and desugars the rest.
// Nothing runs.
func (s *Session) frontEnd(fset *token.FileSet, checker *check.Session, code string, id int) (*cell, *engine.Error) {
	groups := groupPieces(cellOrder(code, splitCell(code)))
	units := make([]*check.Unit, len(groups))
	imported := make([][]*ast.ImportSpec, len(groups))
	for gi, g := range groups {
		f, err := parser.ParseFile(fset, "_.go", g.source(code, id), parser.DeclarationErrors|parser.SkipObjectResolution)
		if err != nil {
			return nil, s.compileError(err, id)
		}
		if g.kind == importPiece {
			if imported[gi], err = s.dropKnownImports(f, fset); err != nil {
				return nil, s.compileError(err, id)
			}
		}
		units[gi] = &check.Unit{Kind: g.kind.unitKind(), File: f, Result: gi == len(groups)-1}
	}
	if err := checker.Check(fset, units); err != nil {
		return nil, s.compileError(err, id)
	}
	for gi, u := range units {
		if errs := refuse.Unit(fset, u, interpreterHas); len(errs) > 0 {
			return nil, s.refusal(errs, id)
		}
		for _, is := range imported[gi] {
			redirectStd(is)
		}
	}
	s.mu.Lock()
	indistinct := s.indistinct
	s.mu.Unlock()
	if errs := indistinct.Check(fset, units); len(errs) > 0 {
		return nil, s.refusal(errs, id)
	}

	hasMain := declaresMain(units)
	renamed := s.redeclaredTypes(units, id)
	cfg := desugar.Config{
		Fset:     fset,
		Runtime:  rtName,
		TypeName: func(tn *types.TypeName) (string, bool) { return s.nameableType(tn, renamed) },
		Import:   s.hiddenImport,
		Has:      interpreterHas,
		Unique:   s.unique,
		NoBounds: s.noBounds,
	}
	results := make([]*ast.ExprStmt, len(units))
	aliases := make([][]string, len(units))
	for gi, u := range units {
		cfg.Alias = func(typ string) string {
			aliases[gi] = append(aliases[gi], typ)
			return s.instanceAlias(typ)
		}
		if u.ResultType != nil {
			results[gi] = u.ResultExpr()
		}
		if err := desugar.Unit(u, cfg); err != nil {
			var r *refuse.Error
			if errors.As(err, &r) {
				return nil, s.refusal([]*refuse.Error{r}, id)
			}
			return nil, s.compileError(err, id)
		}
		s.renameIdents(u, renamed)
	}
	indistinct.Commit()
	return &cell{units: units, imported: imported, results: results, aliases: aliases, renamed: renamed, hasMain: hasMain}, nil
}

// redeclaredTypes returns, for each type the cell declares that an earlier cell
// declared already, the fresh name it is compiled under: yaegi keeps the first
// declaration of a type name, so a changed type gets a new name and the old name
// becomes an alias of it.
func (s *Session) redeclaredTypes(units []*check.Unit, id int) map[string]string {
	renamed := map[string]string{}
	for _, u := range units {
		if u.Kind != check.Decls {
			continue
		}
		for _, d := range u.File.Decls {
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

// runGroup compiles and runs one checked, desugared unit of a cell. A result
// expression statement X becomes __rt.Result(X), which records its value.
func (s *Session) runGroup(ctx context.Context, yi *interp.Interpreter, id int, u *check.Unit, result *ast.ExprStmt, imported []*ast.ImportSpec, aliases []string) *engine.Error {
	f := u.File
	if u.Kind == check.Imports && len(f.Decls) == 0 {
		return nil
	}
	var node ast.Node = f
	body := u.Body()
	if body != nil {
		node = body
	}
	if result != nil && len(body.List) > 0 && body.List[len(body.List)-1] == result {
		show := "Result"
		if u.ResultErr { // (T, error): T shown, or the error raised
			show = "ResultOrError"
		}
		body.List[len(body.List)-1] = &ast.ExprStmt{X: &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: result.Pos(), Name: rtName}, Sel: &ast.Ident{NamePos: result.Pos(), Name: show}},
			Lparen: result.Pos(),
			Args:   []ast.Expr{result.X},
			Rparen: result.End(),
		}}
	}
	if body != nil {
		// yaegi's Execute reads the value of the program's root, a block's being
		// its last statement's: a variable of the session, which goroutines the
		// cell started may be writing (a data race the race detector reports).
		// A constant last makes that read touch no variable.
		body.List = append(body.List, &ast.ExprStmt{X: &ast.BasicLit{ValuePos: body.Rbrace, Kind: token.INT, Value: "0"}})
	}
	if err := s.declareAliases(yi, aliases); err != nil {
		return s.compileError(err, id)
	}
	prog, err := compileAST(yi, node)
	if err != nil {
		return s.compileError(err, id)
	}
	s.noteImports(imported)
	s.markStatement(position{}) // the marks to come are this unit's
	_, err = yi.ExecuteWithContext(ctx, prog)
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return s.interrupted()
	}
	return s.runtimeError(err, id)
}

// keepFinished commits, of u, a cell's top-level statements that stopped at a
// panic or an interrupt (err), the variables of the statements that finished:
// they hold their values in the interpreter, and a notebook user expects them
// kept, as IPython keeps them. The statement that stopped is the top level's
// last mark (see desugar's statementMark); a unit with no mark keeps nothing.
// err's traceback names what is not kept.
func (s *Session) keepFinished(fset *token.FileSet, checker *check.Session, u *check.Unit, renamed map[string]string, err *engine.Error) {
	stopped := s.statementRan()
	if u.Kind != check.Stmts || stopped.line == 0 {
		return
	}
	finished := func(obj types.Object) bool {
		p := fset.Position(obj.Pos())
		return p.Line < stopped.line || p.Line == stopped.line && p.Column < stopped.col
	}
	checker.CommitPart(u, finished)
	kept := map[string]types.Object{}
	var lost []string
	for name, obj := range u.Declared() {
		if finished(obj) {
			kept[name] = obj
		} else {
			lost = append(lost, name)
		}
	}
	s.noteTypes(kept, renamed)
	if len(lost) > 0 {
		slices.Sort(lost)
		err.Traceback = append(err.Traceback, fmt.Sprintf("Not declared: %s — the cell stopped at line %d, before these were; what it declared above that line is kept.",
			strings.Join(lost, ", "), stopped.line))
	}
}

// noteTypes records the interpreter's names of the types in declared.
func (s *Session) noteTypes(declared map[string]types.Object, renamed map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, obj := range declared {
		if tn, ok := obj.(*types.TypeName); ok {
			s.typeNames[tn] = name
			if to, ok := renamed[name]; ok {
				s.typeNames[tn] = to
			}
		}
	}
}

// hiddenImport returns the name rewritten code reaches the package at path by,
// a name no cell can use; importHidden imports the new ones before the cell runs.
func (s *Session) hiddenImport(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, ok := s.hidden[path]
	if !ok {
		name = "__imp" + strconv.Itoa(len(s.hidden)) + "_" + strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, path)
		s.hidden[path] = name
		s.hiddenNew = append(s.hiddenNew, path)
	}
	return name
}

// instanceAlias returns the name of the package-level alias of typ, an
// instance of a generic type written as the interpreter knows it, for
// statements (desugar/instances.go). declareAliases declares a unit's before
// it runs: a name is given once, and declared once its type can be (the unit
// declaring a generic type runs before the statements using it).
func (s *Session) instanceAlias(typ string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, ok := s.aliases[typ]
	if !ok {
		name = "__inst" + strconv.Itoa(len(s.aliases))
		s.aliases[typ] = name
	}
	return name
}

func (s *Session) declareAliases(yi *interp.Interpreter, types []string) error {
	var b strings.Builder
	written := map[string]bool{}
	s.mu.Lock()
	for _, t := range types {
		if !s.aliasDeclared[t] && !written[t] {
			written[t] = true
			fmt.Fprintf(&b, "type %s = %s\n", s.aliases[t], t)
		}
	}
	s.mu.Unlock()
	if b.Len() == 0 {
		return nil
	}
	if _, err := compileAndRun(yi, "package main\n"+b.String()); err != nil {
		return err
	}
	s.mu.Lock()
	for _, t := range types {
		s.aliasDeclared[t] = true
	}
	s.mu.Unlock()
	return nil
}

func (s *Session) importHidden(yi *interp.Interpreter) error {
	s.mu.Lock()
	paths := s.hiddenNew
	s.hiddenNew = nil
	s.mu.Unlock()
	if len(paths) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("package main\nimport (\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "\t%s %q\n", s.hidden[p], runtimePath(p))
	}
	b.WriteString(")\n")
	_, err := compileAndRun(yi, b.String())
	return err
}

// unique returns a number no earlier call in the session returned.
func (s *Session) unique() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastUnique++
	return s.lastUnique
}

// refusal is the error of a cell refused before it runs (package refuse).
func (s *Session) refusal(errs []*refuse.Error, id int) *engine.Error {
	var list scanner.ErrorList
	for _, r := range errs {
		list = append(list, &scanner.Error{Pos: r.Pos, Msg: r.Msg})
	}
	e := s.compileError(list, id)
	e.Name = "Unsupported"
	return e
}

// interrupted is the error of an interrupted cell.
func interrupted() *engine.Error {
	return &engine.Error{Name: "KeyboardInterrupt", Value: "the cell was interrupted", Traceback: []string{
		"KeyboardInterrupt: the cell was interrupted; the session and its variables are kept",
	}}
}

// mainName is what a cell's func main is compiled as.
const mainName = "__main"

// declaresMain reports whether the cell declares func main.
func declaresMain(units []*check.Unit) bool {
	for _, u := range units {
		if u.Kind != check.Decls {
			continue
		}
		for _, d := range u.File.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				return true
			}
		}
	}
	return false
}

// dumpFile is $RATELAB_DUMP: compileAST appends each program to it as yaegi
// gets it, rewritten, what to read first when a cell runs differently from go
// run.
var dumpFile = os.Getenv("RATELAB_DUMP")

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
	if dumpFile != "" {
		var b strings.Builder
		printer.Fprint(&b, token.NewFileSet(), n)
		if f, err := os.OpenFile(dumpFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintln(f, "=== compiled:\n"+b.String())
			f.Close()
		}
	}
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
