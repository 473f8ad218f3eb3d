package interp

import (
	"context"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"
)

// cellStep is one cell of a sequence: its code, and either the error name it
// must raise ("" for none; "any" for any error) or the text/plain it must show.
type cellStep struct {
	code    string
	wantErr string
	want    string
}

// runSteps runs steps in s, checking each, and asks for completions and
// inspections after every cell: none may panic.
func runSteps(t *testing.T, s *Session, steps []cellStep) {
	t.Helper()
	for _, st := range steps {
		rec := &recorder{}
		b, e := s.Execute(context.Background(), st.code, rec)
		switch {
		case e != nil && e.Name == "InternalError":
			t.Errorf("cell %q: %s: %s\n%s", st.code, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
		case st.wantErr == "" && e != nil:
			t.Errorf("cell %q: %s: %s\n%s", st.code, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
		case st.wantErr != "" && e == nil:
			t.Errorf("cell %q: no error, want %s", st.code, st.wantErr)
		case st.wantErr != "" && st.wantErr != "any" && e.Name != st.wantErr:
			t.Errorf("cell %q: error %s: %s, want %s", st.code, e.Name, e.Value, st.wantErr)
		case st.wantErr == "" && plain(b) != st.want:
			t.Errorf("cell %q: result %q, want %q", st.code, plain(b), st.want)
		}
		query(s, st.code)
	}
}

// query asks for completions and inspections at a few places in code.
func query(s *Session, code string) {
	n := len([]rune(code))
	for _, at := range []int{0, n / 2, n} {
		s.Complete(code, at)
		s.Inspect(code, at, 0)
		s.Inspect(code, at, 1)
	}
	s.Complete("x", 1)
	s.Complete("fmt.Pr", 6)
	s.Inspect("x", 1, 1)
	s.IsComplete(code)
}

// The bug that ended the kernel: a cell that failed to compile left yaegi's global
// scope ahead of its frame, and the next cell's rewrite read the globals.
func TestFailedCompileThenNextCell(t *testing.T) {
	s := newSession(t)
	runSteps(t, s, []cellStep{
		{code: "x := 41", want: ""},
		{code: "for i := range 3 { fmt.Println(i) }", wantErr: "CompileError"},
		{code: "y := undefinedThing + 1", wantErr: "CompileError"},
		{code: "x + 1", want: "42"},
	})
}

func TestErrorThenContinue(t *testing.T) {
	cases := []struct {
		name  string
		steps []cellStep
	}{
		{"range-int loop", []cellStep{
			{code: "n := 3"},
			{code: "for i := range n { undefinedF(i) }", wantErr: "CompileError"},
			{code: "for i := range 2 { fmt.Println(i) }", wantErr: "CompileError"},
			{code: "total := 0\nfor i := range n { total += i }\ntotal", want: "3"},
			{code: "n * 2", want: "6"},
		}},
		{"type declaration", []cellStep{
			{code: "kept := \"yes\""},
			{code: "type point struct { X Undef }", wantErr: "CompileError"},
			{code: "type Point struct { X Undef }", wantErr: "CompileError"},
			{code: "var q Point", wantErr: "any"},
			{code: "type point struct { X, Y int }\np := point{1, 2}\np.X + p.Y", want: "3"},
			{code: "type Point struct { A int }\nPoint{A: 5}.A", want: "5"},
			{code: "kept", want: `"yes"`},
		}},
		{"function", []cellStep{
			{code: "base := 7"},
			{code: "func F() int { return missing }", wantErr: "CompileError"},
			{code: "func g(v int) int { return v + undefinedY }", wantErr: "CompileError"},
			{code: "func F() int { return base }\nF()", want: "7"},
			{code: "func g(v int) int { return v + 1 }\ng(base)", want: "8"},
		}},
		{"min and max", []cellStep{
			{code: "a := 5"},
			{code: "m := min(a, undefinedV)", wantErr: "CompileError"},
			{code: "m := max(a, \"s\")", wantErr: "any"},
			{code: "max(a, 9)", want: "9"},
			{code: "min(a, 2, 3)", want: "2"},
		}},
		{"panics", []cellStep{
			{code: "v := []int{1}"},
			{code: "v[3]", wantErr: "any"},
			{code: "var mm map[string]int\nmm[\"a\"] = 1", wantErr: "panic"},
			{code: "panic(\"boom\")", wantErr: "panic"},
			{code: "v[0]", want: "1"},
			{code: "len(v)", want: "1"},
		}},
		{"mixed failures", []cellStep{
			{code: "import \"strings\"\nw := \"go\""},
			{code: "k := 1\nfor j := range 3 { fmt.Println(j + k) }", wantErr: "CompileError"},
			{code: "type T struct{ F undefinedT }\nfunc (t T) M() int { return 1 }", wantErr: "CompileError"},
			{code: "c := min(1, 2) + undefinedZ", wantErr: "CompileError"},
			{code: "strings.ToUpper(w)", want: `"GO"`},
			{code: "import \"fmt\"\nfor i := range 2 { fmt.Print(i) }\nfmt.Sprint(w)", want: `"go"`},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runSteps(t, newSession(t), c.steps)
		})
	}
}

// panickyOutput is a front end whose streams fail.
type panickyOutput struct{ *recorder }

func (panickyOutput) Stream(string, string) { panic("the front end broke") }

// A panic in the session's own code (here: from a front end that fails when the
// session writes what %env prints) becomes the cell's InternalError; the interpreter
// is sound, so the session and its variables are kept.
func TestPanicInTheSessionIsReported(t *testing.T) {
	s, err := New(Options{NoCapture: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run(t, s, "kept := 3")
	t.Cleanup(func() { os.Unsetenv("RATELAB_PANICKY") })
	_, e := s.Execute(context.Background(), "%env RATELAB_PANICKY=1", panickyOutput{&recorder{}})
	if e == nil || e.Name != "InternalError" {
		t.Fatalf("error %v, want InternalError", e)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "variables declared before this cell are kept") || strings.Contains(e.Value, "reset") {
		t.Errorf("the error does not say the session is kept: %s\n%s", e.Value, tb)
	}
	if !strings.Contains(e.Value, "the front end broke") || !strings.Contains(tb, "panickyOutput.Stream") {
		t.Errorf("the error does not say what panicked where:\n%s", tb)
	}
	expect(t, s, [2]string{"kept", "3"}, [2]string{"kept * 14", "42"})
}

// A method a cell declares that panics while its value is shown is the cell's
// panic, not the kernel's end.
func TestPanicWhileShowingTheResult(t *testing.T) {
	s := newSession(t)
	run(t, s, "kept := 3\ntype boom struct{}\nfunc (boom) HTML() string { panic(\"no html\") }")
	e, _ := fail(t, s, "boom{}")
	if e.Name != "panic" || e.Value != "no html" {
		t.Errorf("error %s: %s, want panic: no html", e.Name, e.Value)
	}
	expect(t, s, [2]string{"kept", "3"})
}

// When the interpreter cannot be trusted after a panic (here: gone), the session
// is reset and the error says so plainly; the next cells run in the fresh session.
func TestUntrustedInterpreterIsReset(t *testing.T) {
	s := newSession(t)
	run(t, s, "kept := 3")
	s.mu.Lock()
	s.yi = nil
	s.mu.Unlock()
	e, _ := fail(t, s, "kept")
	if e.Name != "InternalError" {
		t.Fatalf("error %s: %s, want InternalError", e.Name, e.Value)
	}
	if !strings.Contains(e.Value, "the session was reset: variables are gone") {
		t.Errorf("value %q does not say the session was reset", e.Value)
	}
	if e, _ := fail(t, s, "kept"); e.Name != "CompileError" {
		t.Errorf("kept after a reset: %s: %s", e.Name, e.Value)
	}
	expect(t, s, [2]string{"x := 2\nx * 21", "42"})
}

// Completion and inspection answer after failed compiles of every kind, without
// recovering a panic.
func TestQueriesAfterFailedCompiles(t *testing.T) {
	s := newSession(t)
	before := queryPanics.Load()
	runSteps(t, s, []cellStep{
		{code: "x := 41\nvar xs []string"},
		{code: "for i := range 3 { fmt.Println(i) }", wantErr: "CompileError"},
		{code: "type Exported struct{ F Missing }", wantErr: "CompileError"},
		{code: "func Broken() int { return missing }", wantErr: "CompileError"},
		{code: "z := undefinedThing + 1", wantErr: "CompileError"},
	})
	if c := s.Complete("x", 1); !contains(c.Matches, "x") || !contains(c.Matches, "xs") {
		t.Errorf("completions of x: %v", c.Matches)
	}
	if _, found := s.Inspect("x", 1, 1); !found {
		t.Errorf("x not found by Inspect")
	}
	if n := queryPanics.Load() - before; n != 0 {
		t.Errorf("%d panics recovered in completion or inspection (see the log above)", n)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// robustSnippets are the cells of TestRandomCellSequences: valid and invalid,
// compile errors of the kinds that upset yaegi's scope, run-time panics.
var robustSnippets = []string{
	`a := 1`,
	`a + 1`,
	`b := "text"`,
	`len(b)`,
	`import "fmt"`,
	`import "strings"`,
	`fmt.Println(a)`,
	`strings.Repeat(b, 2)`,
	`for i := range 3 { fmt.Print(i) }`,
	`for i := range a { undefinedF(i) }`,
	`n := 4
for i := range n { a += i }`,
	`y := undefinedThing + 1`,
	`type point struct{ X, Y int }`,
	`type point struct{ X Undef }`,
	`type Exported struct{ F Missing }`,
	`p := point{1, 2}`,
	`p.X + p.Y`,
	`func f(v int) int { return v * 2 }`,
	`func f(v int) int { return v * missing }`,
	`func Exp() string { return b }`,
	`f(a)`,
	`min(a, 3, 2)`,
	`max(a, undefinedM)`,
	`m := map[string]int{"k": a}`,
	`m["k"]`,
	`var nilMap map[string]int
nilMap["x"] = 1`,
	`s := []int{1, 2}
s[5]`,
	`panic("cell panic")`,
	`x, y := 1`,
	`func broken( {`,
	`var q point = "no"`,
	`c := make(chan int, 1)
c <- a
<-c`,
}

// TestRandomCellSequences runs the snippets in seeded random orders: no panic may
// escape Execute, Complete or Inspect, no cell may fail with an InternalError, and
// a variable declared at the start survives to the end.
func TestRandomCellSequences(t *testing.T) {
	seeds, cells := []int64{1, 2, 3}, 200
	if testing.Short() {
		seeds, cells = seeds[:1], 100
	}
	start := time.Now()
	before := queryPanics.Load()
	for _, seed := range seeds {
		s := newSession(t)
		run(t, s, "sentinel := 12345")
		r := rand.New(rand.NewSource(seed))
		var history []string
		for i := 0; i < cells; i++ {
			code := robustSnippets[r.Intn(len(robustSnippets))]
			history = append(history, code)
			_, e := s.Execute(context.Background(), code, &recorder{})
			if e != nil && e.Name == "InternalError" {
				t.Fatalf("seed %d, cell %d %q: %s\n%s\nafter:\n%s", seed, i, code, e.Value,
					strings.Join(e.Traceback, "\n"), strings.Join(history, "\n---\n"))
			}
			query(s, code)
			if i%20 == 19 {
				if b, e := s.Execute(context.Background(), "sentinel", &recorder{}); e != nil || plain(b) != "12345" {
					t.Fatalf("seed %d, after cell %d: sentinel lost (%v, %q) after:\n%s", seed, i, e, plain(b), strings.Join(history, "\n---\n"))
				}
			}
		}
		expect(t, s, [2]string{"sentinel", "12345"})
	}
	if n := queryPanics.Load() - before; n != 0 {
		t.Errorf("%d panics recovered in completion or inspection (see the log above)", n)
	}
	t.Logf("%d seeds × %d cells in %v", len(seeds), cells, time.Since(start))
}
