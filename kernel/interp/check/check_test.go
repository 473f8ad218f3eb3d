package check

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/kernel/interp/exportdata"
)

// cellUnit is a unit of test source: "import …", a declaration, or statements.
type cellUnit struct {
	kind Kind
	src  string
}

func imports(src string) cellUnit { return cellUnit{Imports, src} }
func decls(src string) cellUnit   { return cellUnit{Decls, src} }
func stmts(src string) cellUnit   { return cellUnit{Stmts, src} }

// checkCell parses and checks one cell's units against s, the last statements
// unit with a result. It commits them when they check.
func checkCell(t *testing.T, s *Session, us ...cellUnit) error {
	t.Helper()
	fset := token.NewFileSet()
	var units []*Unit
	for i, cu := range us {
		src := "package main\n" + cu.src
		if cu.kind == Stmts {
			src = "package main\nfunc _() {\n" + cu.src + "\n}"
		}
		f, err := parser.ParseFile(fset, "cell.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %q: %v", cu.src, err)
		}
		units = append(units, &Unit{Kind: cu.kind, File: f, Result: i == len(us)-1 && cu.kind == Stmts})
	}
	if err := s.Check(fset, units); err != nil {
		return err
	}
	for _, u := range units {
		s.Commit(u)
	}
	return nil
}

// messages returns the messages of err, one a line.
func messages(err error) string {
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return err.Error()
	}
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Msg)
	}
	return strings.Join(msgs, "\n")
}

func newTestSession() *Session { return NewSession(exportdata.Default) }

func TestGoErrorMessages(t *testing.T) {
	for _, c := range []struct {
		cell []cellUnit
		want string
	}{
		{[]cellUnit{stmts("var x int\nx = \"a\"")}, `cannot use "a" (untyped string constant) as int value in assignment`},
		{[]cellUnit{stmts("if true {\n\ty := 1\n}")}, "declared and not used: y"},
		{[]cellUnit{decls("func f() {\n\tz := 2\n}")}, "declared and not used: z"},
		{[]cellUnit{stmts("func() { w := 3 }()")}, "declared and not used: w"},
		{[]cellUnit{stmts("q := undefinedName + 1")}, "undefined: undefinedName"},
		{[]cellUnit{imports(`import "fmt"`), stmts("fmt.Printl(1)")}, "undefined: fmt.Printl"},
		{[]cellUnit{imports(`import "no/such"`)}, `cannot import "no/such": package no/such is not built into ratelab (cells can import`},
		{[]cellUnit{stmts("x := 1\nx\nx")}, "x (variable of type int) is not used"},
		{[]cellUnit{stmts("for {\n\tbreak L\n}")}, "invalid break label L"},
		{[]cellUnit{stmts("min(1, \"a\")")}, `invalid argument: mismatched types untyped int (previous argument) and untyped string (type of "a")`},
	} {
		err := checkCell(t, newTestSession(), c.cell...)
		if err == nil || !strings.Contains(messages(err), c.want) {
			t.Errorf("%v: got %v, want %q", c.cell, err, c.want)
		}
	}
}

func TestErrorPositionsAreTheCells(t *testing.T) {
	s := newTestSession()
	fset := token.NewFileSet()
	src := "package main\nfunc _() {\n/*line cell7/_.go:3:1*/x := 1\ny := x + \"s\"\n}"
	f, err := parser.ParseFile(fset, "_.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Check(fset, []*Unit{{Kind: Stmts, File: f}})
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		t.Fatalf("got %v", err)
	}
	if p := list[0].Pos; p.Filename != "cell7/_.go" || p.Line != 4 || p.Column != 6 {
		t.Errorf("position %v, want cell7/_.go:4:6 (%s)", p, list[0].Msg)
	}
}

// TestSessionRules checks the three places where a cell is not a Go function or
// file: top-level variables, imports and the result are never unused.
func TestSessionRules(t *testing.T) {
	s := newTestSession()
	for _, cell := range [][]cellUnit{
		{imports("import (\n\t\"fmt\"\n\t\"strings\"\n\tmrand \"math/rand\"\n)"), stmts("x := 1\nvar y, z = 2, 3")},
		{stmts("a, err := fmt.Println()\nx + y")},
		{stmts("strings.ToUpper(\"a\")")},
		{stmts("mrand.Intn(3) + a")},
		{decls("func useErr() error { return err }")},
	} {
		if err := checkCell(t, s, cell...); err != nil {
			t.Fatalf("%v: %v", cell, messages(err))
		}
	}
	for name, want := range map[string]string{"x": "int", "z": "int", "a": "int", "err": "error", "useErr": "func() error"} {
		if obj := s.Lookup(name); obj == nil || obj.Type().String() != want {
			t.Errorf("session %s: %v, want type %s", name, obj, want)
		}
	}
}

// TestRedeclarationNewestWins re-declares variables, functions and types across
// cells, as re-run cells do, and checks uses against the newest.
func TestRedeclarationNewestWins(t *testing.T) {
	s := newTestSession()
	steps := []struct {
		cell []cellUnit
		want string // "" for no error
	}{
		{[]cellUnit{stmts("x := 1")}, ""},
		{[]cellUnit{stmts(`x := "s"`)}, ""},
		{[]cellUnit{stmts("var n int = x")}, `cannot use x (variable of type string) as int value in variable declaration`},
		{[]cellUnit{decls("type T struct{ A int }")}, ""},
		{[]cellUnit{stmts("t := T{A: 1}")}, ""},
		{[]cellUnit{decls("type T struct{ B string }")}, ""},
		{[]cellUnit{stmts("u := T{B: \"b\"}\nu.B")}, ""},
		{[]cellUnit{stmts("t.A")}, ""}, // the old value keeps the old type
		{[]cellUnit{stmts("var v T = t")}, "cannot use t (variable of struct type T) as T value in variable declaration (t was declared with an earlier T, declared again since: run again the cells that declare t)"},
		{[]cellUnit{stmts("t.B")}, "t.B undefined (type T has no field or method B) (t was declared with an earlier T"},
		{[]cellUnit{decls("type T struct{ C bool }"), stmts("var w T = t")}, "(t was declared with an earlier T, declared again since: run again the cells that declare t)"},
		{[]cellUnit{decls("func f(a int) int { return a }")}, ""},
		{[]cellUnit{decls("func f(a, b string) string { return a + b }")}, ""},
		{[]cellUnit{stmts(`f("a", "b")`)}, ""},
		{[]cellUnit{stmts(`f(1)`)}, "not enough arguments in call to f"},
		// The same cell twice.
		{[]cellUnit{decls("type R struct{ N int }\nfunc mk() R { return R{N: 5} }"), stmts("r := mk()\nr.N")}, ""},
		{[]cellUnit{decls("type R struct{ N int }\nfunc mk() R { return R{N: 5} }"), stmts("r := mk()\nr.N")}, ""},
	}
	for _, st := range steps {
		err := checkCell(t, s, st.cell...)
		switch {
		case st.want == "" && err != nil:
			t.Errorf("%v: %v", st.cell, messages(err))
		case st.want != "" && (err == nil || !strings.Contains(messages(err), st.want)):
			t.Errorf("%v: got %v, want %q", st.cell, err, st.want)
		case !strings.Contains(st.want, "declared with an earlier") && err != nil && strings.Contains(messages(err), "declared with an earlier"):
			t.Errorf("%v: %v: a note on a type declared again where none is involved", st.cell, messages(err))
		}
	}
}

// TestMethodsInLaterCells adds methods to a type of an earlier cell: values made
// before have them too.
func TestMethodsInLaterCells(t *testing.T) {
	s := newTestSession()
	steps := []struct {
		cell []cellUnit
		want string
	}{
		{[]cellUnit{decls("type T struct{ B string; n int }")}, ""},
		{[]cellUnit{stmts("var t T\nt.B = \"z\"")}, ""},
		{[]cellUnit{decls("func (t T) Name() string { return t.B }\nfunc (p *T) inc(by int) { p.n += by }"), stmts("t.inc(2)\nt.Name()")}, ""},
		{[]cellUnit{stmts("var s fmt.Stringer = t")}, "undefined: fmt"},
		{[]cellUnit{imports(`import "fmt"`), decls("func (t T) String() string { return t.Name() }"), stmts("var s fmt.Stringer = t\ns")}, ""},
		// Re-running a method cell as it was is fine (comments and spacing
		// aside); changing a body or a signature is not.
		{[]cellUnit{decls("func (t T) Name() string { return t.B }")}, ""},
		{[]cellUnit{decls("// Name is B.\nfunc (t T) Name() string {\n\treturn t.B // as it was\n}")}, ""},
		{[]cellUnit{decls("func (t T) Name() string { return t.B + \"!\" }")}, "method T.Name was declared in an earlier cell with another body"},
		{[]cellUnit{decls("func (t T) Name() int { return 1 }")}, "method T.Name was declared in an earlier cell as func (T).Name() string"},
		{[]cellUnit{decls("func (t T) B() {}")}, "field and method with the same name B"},
		{[]cellUnit{decls("func (t T) bad() { undefinedThing() }")}, "undefined: undefinedThing"},
		{[]cellUnit{decls("type U int\nfunc (t T) conv() U { return 1 }")}, "uses U, which this cell declares"},
		{[]cellUnit{decls("type G[E any] struct{ e E }")}, ""},
		{[]cellUnit{decls("func (g G[E]) Get() E { return g.e }")}, "generic type G declared in another cell"},
		{[]cellUnit{decls("type D = int")}, ""},
		// A method promoted from an embedded interface was written out with
		// the type: a later cell cannot replace it.
		{[]cellUnit{imports(`import "sort"`), decls("type rev struct{ sort.Interface }")}, ""},
		{[]cellUnit{decls("func (r rev) Less(i, j int) bool { return r.Interface.Less(j, i) }")}, "rev promotes Less from its embedded interface (rev.Interface)"},
		{[]cellUnit{decls("func (r rev) Top() int { return r.Len() - 1 }")}, ""},
		{[]cellUnit{decls("func (d D) M() {}")}, "cannot define new methods on non-local type int"},
	}
	for _, st := range steps {
		err := checkCell(t, s, st.cell...)
		switch {
		case st.want == "" && err != nil:
			t.Errorf("%v: %v", st.cell, messages(err))
		case st.want != "" && (err == nil || !strings.Contains(messages(err), st.want)):
			t.Errorf("%v: got %v, want %q", st.cell, err, st.want)
		}
	}
	// The method declarations are restored for the layers after the checker.
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "_.go", "package main\nfunc (t T) Name() string { return t.B }", 0)
	if err := s.Check(fset, []*Unit{{Kind: Decls, File: f}}); err != nil {
		t.Fatal(err)
	}
	if fd := f.Decls[0].(*ast.FuncDecl); fd.Recv == nil || fd.Name.Name != "Name" || len(fd.Type.Params.List) != 0 {
		t.Errorf("method declaration not restored: %#v", fd)
	}
}

func TestResultType(t *testing.T) {
	s := newTestSession()
	fset := token.NewFileSet()
	for src, want := range map[string]string{
		"1 + 1":                               "int",
		"func() {}()":                         "<nil>",
		"func() (int, int) { return 1, 2 }()": "<nil>",
		"x := 2.5\nx":                         "float64",
	} {
		f, err := parser.ParseFile(fset, "_.go", "package main\nfunc _() {\n"+src+"\n}", 0)
		if err != nil {
			t.Fatal(err)
		}
		u := &Unit{Kind: Stmts, File: f, Result: true}
		if err := s.Check(fset, []*Unit{u}); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := types.TypeString(u.ResultType, nil); got != want {
			t.Errorf("%s: result type %s, want %s", src, got, want)
		}
	}
}

// TestPositionalLiteralsOfEarlierTypes: go/types takes each cell for its own
// package, which must not stop positional literals of earlier cells' types with
// unexported fields, nor their values' checks.
func TestPositionalLiteralsOfEarlierTypes(t *testing.T) {
	s := newTestSession()
	if err := checkCell(t, s, decls("type pair struct{ a, b int }")); err != nil {
		t.Fatal(err)
	}
	if err := checkCell(t, s, stmts("p := pair{3, 4}\nq := []pair{{1, 2}}\nr := &pair{5, 6}\np.a + q[0].b + r.a")); err != nil {
		t.Fatal(messages(err))
	}
	err := checkCell(t, s, stmts("bad := pair{3.5, 4}"))
	if err == nil || !strings.Contains(messages(err), "cannot use 3.5 (untyped float constant) as int value in struct literal (truncated)") {
		t.Errorf("got %v", err)
	}
}
