package interp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// The corpus (testdata/corpus) is ordinary Go programs, each run in a session
// the ways a notebook runs them and compared with what `go run` prints, built at
// test time by the Go on PATH:
//
//   - one_cell: the whole program pasted into one cell (its main runs once);
//   - cells: its imports, then each declaration in a cell of its own, all of them
//     run twice (a notebook's cells re-run), then the cell that declares main.
//     A cell must not use what a later cell declares, so declarations that refer
//     to later ones share a cell with them, and so do a generic type and its
//     methods (refused across cells: see check);
//   - statements: as cells, but main's body runs as top-level cells, one
//     statement each, where that means the same as in main (no defer, return,
//     goto or labels, no goroutine printing while no cell runs, and no variable of
//     main named as a package-level name).
//
// A program either prints exactly what go run prints (stdout and stderr; for an
// uncaught panic the cell's error is Go's panic message), or it is refused with
// the documented error: corpusRefused lists those. corpusDefects lists the
// programs that still differ because of a known interpreter defect: they are
// skipped, naming it.

// corpusRefused maps a program (or program/mode) to the refusal its cells must
// end with: a part of the error's message.
var corpusRefused = map[string]string{
	// fmt of a slice of a cell's type with a String method.
	"fmt_structs":   "fmt.Printf would handle []Temp{…}'s elements without calling Temp's String method",
	"state_machine": "fmt.Println would handle",
	// encoding/json of a struct whose field's cell type has MarshalJSON.
	"json_custom": "json.Marshal would handle []Review{…}'s elements without calling Level's MarshalJSON method",
	// errors.As into a struct type whose Error method has a value receiver:
	// yaegi keeps such a value in an error as its last field alone.
	"errors_wrap": "errors.As into ValidationError, a struct type declared in a cell whose methods have value receivers",
	// main's variable c, a *Cache[int, string], as a session variable.
	"generics_cache/statements":          "session variable c has type *Cache[int, string]",
	"generic_instances_twice/statements": "session variable n1 has type *P[string, int]",
}

// corpusDefects maps a program to a defect of the interpreter that this branch
// found but does not fix or refuse yet: the program errors or differs, and is
// skipped naming it, so the list stays in view.
var corpusDefects = map[string]string{}

// goResult is what a program printed under go run.
type goResult struct {
	stdout, stderr string
	panicMsg       string // the value of an uncaught panic, as Go prints it
}

func TestCorpus(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH: the corpus is compared with go run of each program, so it needs the Go toolchain")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.go"))
	if err != nil || len(files) < 60 {
		t.Fatalf("corpus: %d programs (%v), want at least 60", len(files), err)
	}
	// CORPUS=glob (say CORPUS='hunt2_*') runs only the programs it matches,
	// so that checking one program does not build all of them first.
	if glob := os.Getenv("CORPUS"); glob != "" {
		files, err = filepath.Glob(filepath.Join("testdata", "corpus", glob+".go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("CORPUS=%q matches no program in testdata/corpus (%v)", glob, err)
		}
	}
	want := buildCorpus(t, goBin, files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			if why, ok := corpusDefects[name]; ok {
				t.Skipf("known interpreter defect, not yet handled: %s", why)
			}
			for mode, cells := range corpusModes(t, string(src)) {
				t.Run(mode, func(t *testing.T) { checkCorpusRun(t, name, mode, cells, want[name]) })
			}
		})
	}
}

// corpusCells is a program cut into cells: setup cells whose output is not
// compared (the first run of re-run declarations), then cells whose output is.
type corpusCells struct {
	setup, compared []string
}

// corpusModes cuts src into the cells of each mode (see the top of the file).
func corpusModes(t *testing.T, src string) map[string]corpusCells {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	text := func(n ast.Node) string { return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset] }
	var imports []string
	var main *ast.FuncDecl
	var decls []ast.Decl
	pkgNames := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				imports = append(imports, text(d))
				for _, sp := range d.Specs {
					name, _ := importName(sp.(*ast.ImportSpec))
					pkgNames[name] = true
				}
				continue
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "main" {
				main = d
				continue
			}
		}
		for _, n := range declNames(d) {
			pkgNames[n] = true
		}
		decls = append(decls, d)
	}
	var declCells []string
	for _, group := range groupDecls(decls) {
		var parts []string
		for _, d := range group {
			parts = append(parts, text(d))
		}
		declCells = append(declCells, strings.Join(parts, "\n"))
	}
	modes := map[string]corpusCells{"one_cell": {compared: []string{src}}}
	setup := append(append([]string{}, imports...), declCells...)
	setup = append(setup, declCells...) // re-run, as a notebook's cells are
	modes["cells"] = corpusCells{setup: setup, compared: []string{text(main)}}
	if stmts, ok := mainStatements(main, pkgNames, text); ok {
		modes["statements"] = corpusCells{setup: setup, compared: stmts}
	}
	return modes
}

// declNames returns the names a top-level declaration binds (a method: its
// receiver's type, whose cell it must share if generic).
func declNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				names = append(names, sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}

// groupDecls cuts decls, in order, into the fewest consecutive groups such that
// no declaration uses a name a later group declares, and a method of a generic
// type is in its type's group.
func groupDecls(decls []ast.Decl) [][]ast.Decl {
	declaredAt := map[string]int{}
	for i, d := range decls {
		for _, n := range declNames(d) {
			declaredAt[n] = i
		}
	}
	generic := map[string]bool{}
	for _, d := range decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					generic[ts.Name.Name] = true
				}
			}
		}
	}
	// reach[i]: the last declaration that declaration i must share a cell with.
	reach := make([]int, len(decls))
	for i, d := range decls {
		reach[i] = i
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if j, ok := declaredAt[id.Name]; ok && j > reach[i] {
					reach[i] = j
				}
			}
			return true
		})
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			var recv *ast.Ident
			ast.Inspect(fd.Recv, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && recv == nil && generic[id.Name] {
					recv = id
				}
				return recv == nil
			})
			if recv != nil {
				if j := declaredAt[recv.Name]; j < i && reach[j] < i {
					reach[j] = i
				}
			}
		}
	}
	var groups [][]ast.Decl
	for start := 0; start < len(decls); {
		end := start
		for i := start; i <= end; i++ {
			end = max(end, reach[i])
		}
		groups = append(groups, decls[start:end+1])
		start = end + 1
	}
	return groups
}

// mainStatements returns the statements of main, one cell each, or false if run
// at a cell's top level they would not mean what they mean in main.
func mainStatements(main *ast.FuncDecl, pkgNames map[string]bool, text func(ast.Node) string) ([]string, bool) {
	ok := true
	ast.Inspect(main.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt, *ast.ReturnStmt, *ast.LabeledStmt, *ast.GoStmt:
			ok = false
		case *ast.BranchStmt:
			ok = ok && n.Tok != token.GOTO
		}
		return ok
	})
	var cells []string
	for _, st := range main.Body.List {
		if a, isAssign := st.(*ast.AssignStmt); isAssign && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if id, isID := l.(*ast.Ident); isID && pkgNames[id.Name] {
					ok = false
				}
			}
		}
		cells = append(cells, text(st))
	}
	return cells, ok
}

// checkCorpusRun runs cells in a fresh session and compares with go run.
func checkCorpusRun(t *testing.T, name, mode string, cells corpusCells, want goResult) {
	s := newSession(t)
	exec := func(code string) (*recorder, *engine.Error) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		rec := &recorder{}
		_, e := s.Execute(ctx, code, rec)
		return rec, e
	}
	refusal, refused := corpusRefused[name]
	if r, ok := corpusRefused[name+"/"+mode]; ok {
		refusal, refused = r, true
	}
	var stdout, stderr strings.Builder
	var last *engine.Error
	for i, c := range append(append([]string{}, cells.setup...), cells.compared...) {
		rec, e := exec(c)
		if i >= len(cells.setup) {
			stdout.WriteString(rec.out())
			stderr.WriteString(rec.err())
		}
		if e != nil {
			last = e
			if refused || i >= len(cells.setup) {
				break
			}
			t.Fatalf("setup cell %q: %s: %s\n%s", c, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
		}
	}
	switch {
	case refused:
		if last == nil || last.Name != "Unsupported" || !strings.Contains(last.Value, refusal) {
			t.Fatalf("want the refusal %q; got error %v and stdout:\n%s", refusal, describeError(last), stdout.String())
		}
		if !strings.Contains(last.Value, ";") {
			t.Errorf("the refusal names no way around it: %q", last.Value)
		}
		return
	case want.panicMsg != "":
		if last == nil || last.Name != "panic" || last.Value != want.panicMsg {
			t.Errorf("want panic %q; got %s", want.panicMsg, describeError(last))
		}
	case last != nil:
		t.Fatalf("error %s\nstdout so far:\n%s", describeError(last), stdout.String())
	}
	if got := stdout.String(); got != want.stdout {
		t.Errorf("stdout differs from go run:\n%s", lineDiff(want.stdout, got))
	}
	if got := stderr.String(); want.panicMsg == "" && got != want.stderr {
		t.Errorf("stderr differs from go run:\n%s", lineDiff(want.stderr, got))
		if strings.Contains(got, "DATA RACE") { // the race detector's report, in the cell
			t.Log(got)
		}
	}
}

func describeError(e *engine.Error) string {
	if e == nil {
		return "none"
	}
	return fmt.Sprintf("%s: %s\n%s", e.Name, e.Value, strings.Join(e.Traceback, "\n"))
}

// lineDiff shows the first line where want and got differ, with context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  go run: %q\n  cells:  %q", i+1, wl, gl)
		}
	}
	return "(same lines)"
}

// buildCorpus builds every program with go (one build, in a module of its own)
// and runs it, returning what each printed.
func buildCorpus(t *testing.T, goBin string, files []string) map[string]goResult {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module corpus\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pkg := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".go"))
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "bin")
	build := exec.Command(goBin, "build", "-o", bin+string(filepath.Separator), "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the corpus: %v\n%s", err, out)
	}
	results := map[string]goResult{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(filepath.Join(bin, name))
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		r := goResult{stdout: stdout.String(), stderr: stderr.String()}
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 2 && strings.HasPrefix(r.stderr, "panic: ") {
			first, _, _ := strings.Cut(r.stderr, "\n")
			r.panicMsg = strings.TrimSuffix(strings.TrimPrefix(first, "panic: "), " [recovered]")
			r.stderr = ""
		} else if err != nil {
			t.Fatalf("%s under go: %v\n%s", name, err, stderr.String())
		}
		results[name] = r
	}
	return results
}
