package interp

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

func newSession(t testing.TB) *Session {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// run executes code and fails the test on a cell error.
func run(t testing.TB, s *Session, code string) (*engine.Bundle, *recorder) {
	t.Helper()
	rec := &recorder{}
	b, e := s.Execute(context.Background(), code, rec)
	if e != nil {
		t.Fatalf("cell %q: %s: %s\n%s", code, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
	}
	return b, rec
}

// fail executes code and returns the error it must raise.
func fail(t testing.TB, s *Session, code string) (*engine.Error, *recorder) {
	t.Helper()
	rec := &recorder{}
	_, e := s.Execute(context.Background(), code, rec)
	if e == nil {
		t.Fatalf("cell %q: no error", code)
	}
	return e, rec
}

// plain is the text/plain of b, or "" for no result.
func plain(b *engine.Bundle) string {
	if b == nil {
		return ""
	}
	s, _ := b.Data["text/plain"].(string)
	return s
}

// prints runs code and checks what it printed to stdout against want, go
// run's output of the same statements.
func prints(t *testing.T, s *Session, code, want string) {
	t.Helper()
	_, rec := run(t, s, code)
	if got := rec.out(); got != want {
		t.Errorf("cell %q printed %q, want %q (go run's)", code, got, want)
	}
}

// expect runs cells in one session and checks each result's text/plain.
func expect(t *testing.T, s *Session, cells ...[2]string) {
	t.Helper()
	for _, c := range cells {
		b, _ := run(t, s, c[0])
		if got := plain(b); got != c[1] {
			t.Errorf("cell %q: result %q, want %q", c[0], got, c[1])
		}
	}
}

func TestMixedCell(t *testing.T) {
	s := newSession(t)
	b, rec := run(t, s, `import "fmt"
fmt.Println("before")
type pair struct{ a, b int }
func (p pair) sum() int { return p.a + p.b }
func double(x int) int { return 2 * x }
p := pair{3, 4}
double(p.sum())`)
	if got := plain(b); got != "14" {
		t.Errorf("result %q, want 14", got)
	}
	if rec.out() != "before\n" {
		t.Errorf("stdout %q", rec.out())
	}
	// Variables, types and functions stay for the next cell, as do imports.
	expect(t, s, [2]string{"fmt.Sprint(p, double(1))", `"{3 4} 2"`})
}

func TestReimport(t *testing.T) {
	s := newSession(t)
	for range 2 {
		expect(t, s, [2]string{"import \"fmt\"\nfmt.Sprint(1)", `"1"`})
	}
	expect(t, s,
		[2]string{"import (\n\t\"fmt\"\n\t\"strings\"\n)\nfmt.Sprint(strings.ToUpper(\"a\"))", `"A"`},
		[2]string{"import \"crypto/rand\"\nimport mrand \"math/rand\"\nmrand.New(mrand.NewSource(1)).Intn(1) + len(rand.Text()) * 0", "0"},
	)
	e, _ := fail(t, s, "import \"math/rand\"")
	if !strings.Contains(e.Value, `rand is already imported as "crypto/rand"`) || !strings.Contains(strings.Join(e.Traceback, "\n"), "line 1, column 8") {
		t.Errorf("%s\n%s", e.Value, strings.Join(e.Traceback, "\n"))
	}
	run(t, s, "%reset")
	expect(t, s, [2]string{"import \"math/rand\"\nrand.New(rand.NewSource(1)).Intn(1)", "0"})
}

func TestRedeclare(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"x := 1\nx", "1"},
		[2]string{`x := "s"` + "\nx", `"s"`},
		[2]string{"var y = 2.5\ny", "2.5"},
		[2]string{"var y = []int{1}\ny", "[1]"},
		[2]string{"type T struct{ A int }\nT{A: 1}", "{1}"},
		[2]string{"type T struct{ B string; C int }\nT{B: \"q\", C: 2}", "{q 2}"},
		[2]string{"var t T\nt.B = \"z\"\nt", "{z 0}"},
		[2]string{"func (t T) Name() string { return t.B }\nt.Name()", `"z"`},
		[2]string{"type T int\nT(7)", "7"},
		[2]string{"func f(a int) int { return a + 1 }\nf(1)", "2"},
		[2]string{"func f(a, b string) string { return a + b }\nf(\"a\", \"b\")", `"ab"`},
	)
	// Re-running the very same cell works too.
	for range 2 {
		expect(t, s, [2]string{"type R struct{ N int }\nfunc mk() R { return R{N: 5} }\nr := mk()\nr.N", "5"})
	}
}

func TestResultShownOnlyForValues(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"func nothing() {}\nnothing()", ""},
		[2]string{"func() {}()", ""},
		[2]string{"z := 3", ""},
		[2]string{"z++", ""},
		[2]string{"z", "4"},
		[2]string{"z * 10", "40"},
		[2]string{`"quoted\n"`, `"quoted\n"`},
		[2]string{"import \"strings\"\nstrings.Fields(\" a b \")", "[a b]"},
		[2]string{"var e error\ne", ""},
		[2]string{"if z > 0 { z = 0 }", ""},
	)
}

func TestRangeOverIntAndMinMax(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import "fmt"
for i := range 3 { fmt.Print(i) }
n := 2
for i := range n { fmt.Print(i) }
for range n { fmt.Print("x") }
var k int64 = 2
for i := range k * 2 { var j int64 = i; fmt.Print(j) }
xs := []string{"a", "b"}
for i := range xs { fmt.Print(xs[i]) }
m := map[string]int{"k": 1}
for key := range m { fmt.Print(key) }
func count(limit int) int {
	c := 0
	for i := range limit { c += i }
	return c
}
fmt.Print(count(4))`)
	if got, want := rec.out(), "01201xx0123abk6"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	expect(t, s,
		[2]string{"min(3, 1, 2)", "1"},
		[2]string{"max(2.5, 1)", "2.5"},
		[2]string{"min(k, 1)", "1"},
		[2]string{"x := 0.5\nmax(1, x, 0.25)", "1"},
		[2]string{`min("b", "a", "c")`, `"a"`},
		[2]string{"import \"math\"\nmath.IsNaN(max(1, math.NaN()))", "true"},
	)
}

func TestSiblingStatementsOfDifferentTypes(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import "fmt"
var vals = []any{1, "two", 3.5}
for i := 0; i < 2; i++ { fmt.Print(i) }
for i := int64(5); i < 7; i++ { var j int64 = i; fmt.Print(j) }
for i, r := range "ab" { j := i * 2; show := func() { fmt.Print(j/2, string(r)) }; show() }
for _, v := range vals {
	switch x := v.(type) {
	case int:
		fmt.Print(x + 1)
	case string:
		fmt.Print(len(x))
	default:
		fmt.Print(x)
	}
}
if n, err := fmt.Sscan("7", new(int)); err == nil { fmt.Print(n) }
if s := "z"; s != "" { fmt.Print(s) }`)
	if got, want := rec.out(), "01560a1b233.51z"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}

// TestRangeOverIntegerExpressions: with types, every range over an integer is
// one, whatever the expression (yaegi v0.16.1 has none).
func TestRangeOverIntegerExpressions(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"func three() int { return 3 }\nn := 0\nfor i := range three() { n += i }\nn", "3"},
		[2]string{"type S struct{ n int8 }\nfunc (s S) N() int8 { return s.n }\nt := S{4}\nvar last int8\nfor i := range t.N() { last = i }\nlast", "3"},
		[2]string{"for i := range int(three()) { n += i }\nn", "6"},
		[2]string{"pairs := 0\nouter:\nfor i := range 3 {\n\tfor j := range n {\n\t\tif j > i { continue outer }\n\t\tpairs++\n\t}\n}\npairs", "6"},
		// Changing the variable does not change the iteration, as in Go.
		[2]string{"count := 0\nfor i := range 5 { i += 10; count++ }\ncount", "5"},
		// for i = range n assigns a preexisting variable.
		[2]string{"var k uint8\nfor k = range uint8(4) {}\nk", "3"},
	)
}

func TestErrorsPointIntoTheCell(t *testing.T) {
	s := newSession(t)
	run(t, s, "kept := 41")
	e, _ := fail(t, s, "import \"fmt\"\na := 1\nfmt.Println(a +\n  undefinedName)")
	if e.Name != "CompileError" || !strings.Contains(e.Value, "undefined: undefinedName") {
		t.Errorf("got %s: %s", e.Name, e.Value)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "line 4, column 3") || !strings.Contains(tb, "\n      undefinedName)\n      ^") {
		t.Errorf("traceback does not point at line 4, column 3:\n%s", tb)
	}

	e, _ = fail(t, s, "x := 1 +\n\n")
	if e.Name != "CompileError" || !strings.Contains(strings.Join(e.Traceback, "\n"), "line 1, column 9: expected operand, found the end of the cell") {
		t.Errorf("syntax error: %s: %s\n%s", e.Name, e.Value, strings.Join(e.Traceback, "\n"))
	}

	e, _ = fail(t, s, "func inner() {\n\tpanic(\"boom\")\n}\nfunc outer() {\n\tinner()\n}\nouter()")
	if e.Name != "panic" || e.Value != "boom" {
		t.Errorf("got %s: %s", e.Name, e.Value)
	}
	tb = strings.Join(e.Traceback, "\n")
	for _, want := range []string{"at line 2, column 2", "called from line 5, column 2", "called from line 7, column 1", "\tpanic(\"boom\")"} {
		if !strings.Contains(tb, want) {
			t.Errorf("traceback lacks %q:\n%s", want, tb)
		}
	}
	// A function from an earlier cell is named as such.
	e, _ = fail(t, s, "inner()")
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "in an earlier cell") {
		t.Errorf("traceback does not name the earlier cell:\n%s", tb)
	}
	e, _ = fail(t, s, "xs := []int{1}\ni := 3\n_ = xs[i]")
	if e.Name != "panic" || !strings.Contains(e.Value, "out of range") {
		t.Errorf("index panic: %s: %s", e.Name, e.Value)
	}
	// Variables survive every error.
	expect(t, s, [2]string{"kept + 1", "42"})
}

func TestOsExitDoesNotEndTheKernel(t *testing.T) {
	s := newSession(t)
	e, _ := fail(t, s, "import \"os\"\nos.Exit(3)")
	if e.Name != "Exit" || e.Value != "exit status 3" {
		t.Errorf("got %s: %s", e.Name, e.Value)
	}
	expect(t, s, [2]string{"1 + 1", "2"})
}

func TestGoroutinePanicIsReported(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import "time"
done := make(chan bool)
go func() {
	defer close(done)
	var m map[string]int
	m["x"] = 1
}()
<-done
time.Sleep(200 * time.Millisecond)`)
	if err := rec.err(); !strings.Contains(err, "panic in a goroutine: assignment to entry in nil map\n    started at cell #") || !strings.Contains(err, "line 3, column 1") || !strings.Contains(err, "nil map") {
		t.Errorf("stderr %q does not report the goroutine's panic", err)
	}
	// A goroutine that panics after its cell ended is reported in the next cell.
	run(t, s, `go func(d time.Duration) { time.Sleep(d); panic("late") }(20 * time.Millisecond)`)
	time.Sleep(200 * time.Millisecond)
	b, rec := run(t, s, "40 + 2")
	if plain(b) != "42" || !strings.Contains(rec.err(), "late") {
		t.Errorf("next cell: result %q, stderr %q", plain(b), rec.err())
	}
	// go with a plain function and arguments evaluated at the go statement.
	_, rec = run(t, s, `import "fmt"
res := make(chan string, 1)
func send(c chan string, v string) { c <- v }
v := "first"
go send(res, v)
v = "second"
fmt.Println(<-res)`)
	if rec.out() != "first\n" {
		t.Errorf("go send(res, v) sent %q", rec.out())
	}
}

func TestInterrupt(t *testing.T) {
	if raceDetector {
		t.Skip("yaegi v0.16.1's ExecuteWithContext races with itself on cancellation (see race_test.go)")
	}
	s := newSession(t)
	run(t, s, "kept := \"yes\"\nimport \"time\"")
	for _, code := range []string{
		"for {}",
		"n := 0\nfor { n++ }",
		"c := make(chan int)\n<-c",
		"time.Sleep(time.Hour)",
		"func spin() { for {} }\nspin()",
	} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		_, e := s.Execute(ctx, code, &recorder{})
		took := time.Since(start)
		if e == nil || e.Name != "KeyboardInterrupt" {
			t.Errorf("%q: got %v, want KeyboardInterrupt", code, e)
		}
		if took > 1100*time.Millisecond {
			t.Errorf("%q: interrupt took %v", code, took)
		}
	}
	expect(t, s, [2]string{"kept", `"yes"`})
}

func TestStdoutCapture(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import ("fmt"; "os"; "log")
fmt.Println("interpreted")
os.Stdout.WriteString("fd1\n")
fmt.Fprintln(os.Stdout, "compiled fmt")
log.New(os.Stderr, "", 0).Print("to stderr")
fmt.Println("last")`)
	if got, want := rec.out(), "interpreted\nfd1\ncompiled fmt\nlast\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if got := rec.err(); got != "to stderr\n" {
		t.Errorf("stderr %q", got)
	}
}

func TestOutputsKeepTheirOrder(t *testing.T) {
	s := newSession(t)
	rec := &orderRecorder{}
	if _, e := s.Execute(context.Background(), `import ("display"; "fmt"; "os")
for i := range 20 {
	fmt.Println("printed", i)
	os.Stdout.WriteString("written\n")
	display.HTML(fmt.Sprint("<p>", i))
}`, rec); e != nil {
		t.Fatal(e.Value)
	}
	var want strings.Builder
	for i := range 20 {
		fmt.Fprintf(&want, "printed %d\nwritten\n<p>%d\n", i, i)
	}
	if got := rec.b.String(); got != want.String() {
		t.Errorf("outputs out of order:\n%s", got)
	}
}

// orderRecorder writes streams and displays into one log, in arrival order.
type orderRecorder struct {
	recorder
	b strings.Builder
}

func (r *orderRecorder) Stream(_, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.b.WriteString(text)
}

func (r *orderRecorder) Display(b engine.Bundle, _ string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.b.WriteString(b.Data["text/html"].(string) + "\n")
}

func TestStdoutStreams(t *testing.T) {
	s := newSession(t)
	rec := &timedRecorder{}
	start := time.Now()
	if _, e := s.Execute(context.Background(), `import ("fmt"; "time")
for i := range 3 {
	fmt.Println("line", i)
	time.Sleep(150 * time.Millisecond)
}`, rec); e != nil {
		t.Fatal(e)
	}
	end := time.Since(start)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.at) == 0 || !strings.HasPrefix(rec.text, "line 0\n") {
		t.Fatalf("no output: %q", rec.text)
	}
	// The first line arrived while the cell was still sleeping, not at its end.
	if early := end - rec.at[0]; early < 200*time.Millisecond {
		t.Errorf("first line came %v before the cell's end; it was not streamed", early)
	}
}

func TestInfo(t *testing.T) {
	s := newSession(t)
	i := s.Info()
	if i.Name != "go" || i.MimeType != "text/x-go" || i.FileExtension != ".go" || i.PygmentsLexer != "go" ||
		i.CodemirrorMode != "go" || i.NbconvertExporter != "script" || !strings.HasPrefix(i.Version, "go1.") ||
		i.Banner != "ratelab — Go (yaegi v0.16.1) with gota, gonum, plot and analysis built in" {
		t.Errorf("Info() = %+v", i)
	}
}

func TestReset(t *testing.T) {
	s := newSession(t)
	run(t, s, "gone := 1")
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if e, _ := fail(t, s, "gone"); !strings.Contains(e.Value, "undefined: gone") {
		t.Errorf("after Reset: %s", e.Value)
	}
	expect(t, s, [2]string{"min(2, 1)", "1"})
}

func TestBuiltinPackages(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"import \"gonum.org/v1/gonum/stat\"\nstat.Mean([]float64{1, 2, 3}, nil)", "2"},
		[2]string{"import \"gonum.org/v1/gonum/stat/distuv\"\ndistuv.Normal{Mu: 0, Sigma: 1}.CDF(0)", "0.5"},
		[2]string{"import \"gonum.org/v1/gonum/floats\"\nfloats.Sum([]float64{1, 2})", "3"},
		[2]string{"import \"github.com/go-gota/gota/series\"\nseries.Ints([]int{1, 2}).Len()", "2"},
		[2]string{"import \"slices\"\nslices.Index([]int{3, 9, 2}, 9)", "1"},
		[2]string{"import \"github.com/ratelab/ratelab/analysis\"\nanalysis.Rate{} == analysis.Rate{}", "true"},
	)
}

// timedRecorder notes when each stdout chunk arrived.
type timedRecorder struct {
	recorder
	start time.Time
	text  string
	at    []time.Duration
}

func (r *timedRecorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.start.IsZero() {
		r.start = time.Now()
	}
	if name == "stdout" {
		r.text += text
		r.at = append(r.at, time.Since(r.start))
	}
}

func TestEmptyAndVoidCells(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"", ""},
		[2]string{"// only a comment\n\n", ""},
		[2]string{"n := 0", ""},
		// The last statement has no value: the cell is compiled a second time
		// without taking its value, and must still run once.
		[2]string{"n++\nfunc() {}()", ""},
		[2]string{"n // a trailing comment", "1"},
		[2]string{"x := 1; y := 2; x + y", "3"},
	)
}

func TestAfterFuncPanicIsReported(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, "import \"time\"\ntime.AfterFunc(time.Millisecond, func() { panic(\"timer went off\") })\ntime.Sleep(200 * time.Millisecond)")
	b, next := run(t, s, "1")
	if err := rec.err() + next.err(); !strings.Contains(err, "panic in a goroutine: timer went off") || plain(b) != "1" {
		t.Errorf("stderr %q, next result %q", err, plain(b))
	}
}

func TestGoroutinePanicInDeclaredFunction(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import ("sync"; "time")
func work(wg *sync.WaitGroup, i int) {
	defer wg.Done()
	if i == 2 {
		panic("worker 2 failed")
	}
}
func spawn() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go work(&wg, i)
	}
	wg.Wait()
}
spawn()
time.Sleep(200 * time.Millisecond)`)
	// wg.Done runs before the report is written: give the report time to come in
	// this cell; if it comes later still, it opens the next.
	b, next := run(t, s, "1")
	if err := rec.err() + next.err(); !strings.Contains(err, "worker 2 failed") || !strings.Contains(err, "line 12, column 3") {
		t.Errorf("stderr %q", err)
	}
	if plain(b) != "1" {
		t.Errorf("next cell: %q", plain(b))
	}
}

func TestNoDescriptorLeak(t *testing.T) {
	s := newSession(t)
	count := func() int {
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd:", err)
		}
		return len(fds)
	}
	run(t, s, "0") // the first cell duplicates fds 1 and 2 once, for good
	before := count()
	for range 30 {
		run(t, s, "import \"fmt\"\nfmt.Println(1)")
	}
	if after := count(); after > before {
		t.Errorf("%d open descriptors after 30 cells, %d before", after, before)
	}
}

func TestMultiValueAssignments(t *testing.T) {
	s := newSession(t)
	// A function reading variables set by a multi-value assignment, called from
	// a closure: yaegi read another variable's slot before the rewrite.
	_, rec := run(t, s, `import ("fmt"; "strconv"; "sort")
n, err := strconv.Atoi("41")
var q, _ = strconv.ParseFloat("2.5", 64)
var a int
var e error
a, e = strconv.Atoi("7")
func show() string { return fmt.Sprint(n, err, q, a, e) }
func() { fmt.Println(show()) }()
xs := []int{3, 1, 2}
sort.Slice(xs, func(i, j int) bool { return xs[i]*n < xs[j]*n })
fmt.Println(xs)`)
	if got, want := rec.out(), "41 <nil> 2.5 7 <nil>\n[1 2 3]\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	// Comma-ok forms, which yaegi cannot compile at a cell's top level as such.
	expect(t, s,
		[2]string{"m := map[string]int{\"k\": 44}\nv, ok := m[\"k\"]\nfmt.Sprint(v, ok)", `"44 true"`},
		[2]string{"_, ok2 := m[\"absent\"]\nok2", "false"},
		[2]string{"ms := map[string]map[string]int{\"x\": m}\nw, found := ms[\"x\"][\"k\"]\nw * 2", "88"},
		[2]string{"var i any = \"s\"\nsv, isString := i.(string)\nfunc useIt() string { return sv }\nfunc() string { return fmt.Sprint(useIt(), \"/\", isString) }()", `"s/true"`},
		[2]string{"iv, isInt := i.(int)\nfmt.Sprint(iv, isInt, found)", `"0 false true"`},
	)
}

func TestLoopVariablesPerIteration(t *testing.T) {
	s := newSession(t)
	expect(t, s,
		[2]string{"import \"fmt\"\nvar fs []func() int\nfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\nfmt.Sprint(fs[0](), fs[1](), fs[2]())", `"0 1 2"`},
		[2]string{"var gs []func() int\nfor _, v := range []int{7, 8, 9} { gs = append(gs, func() int { return v }) }\nfmt.Sprint(gs[0](), gs[1](), gs[2]())", `"7 8 9"`},
		[2]string{"func mk() []func() int {\n\tvar hs []func() int\n\tfor k := range 2 { hs = append(hs, func() int { return k }) }\n\treturn hs\n}\nhs := mk()\nfmt.Sprint(hs[0](), hs[1]())", `"0 1"`},
		[2]string{"import \"sync\"\nvar mu sync.Mutex\nvar wg sync.WaitGroup\ntotal := 0\nfor i := range 10 {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); mu.Lock(); total += i; mu.Unlock() }()\n}\nwg.Wait()\ntotal", "45"},
		// A loop that changes its own variable keeps doing so.
		[2]string{"var ks []func() int\nfor i := 0; i < 6; i++ { i++; ks = append(ks, func() int { return 0 }) }\nlen(ks)", "3"},
	)
}

func TestTopLevelDefer(t *testing.T) {
	s := newSession(t)
	e, _ := fail(t, s, "import \"fmt\"\ndefer fmt.Println(\"later\")")
	if tb := strings.Join(e.Traceback, "\n"); e.Name != "Unsupported" || !strings.Contains(tb, "line 2, column 1: defer at a cell's top level") {
		t.Errorf("%s: %s\n%s", e.Name, e.Value, tb)
	}
	// The refused cell ran nothing, not even its import.
	run(t, s, "import \"fmt\"")
	// defer inside functions is Go's.
	_, rec := run(t, s, "func f() { defer fmt.Println(\"second\"); fmt.Println(\"first\") }\nf()")
	if rec.out() != "first\nsecond\n" {
		t.Errorf("stdout %q", rec.out())
	}
}

func TestPastedProgram(t *testing.T) {
	s := newSession(t)
	// A whole program: its package clause is dropped and its main runs once.
	_, rec := run(t, s, "package main\n\nimport \"fmt\"\n\nfunc hello() { fmt.Println(\"hi\") }\n\nfunc main() {\n\thello()\n}")
	if rec.out() != "hi\n" {
		t.Errorf("stdout %q", rec.out())
	}
	// main does not run again with later cells, only when called.
	_, rec = run(t, s, "func other() {}")
	if rec.out() != "" {
		t.Errorf("a later cell ran main: %q", rec.out())
	}
	_, rec = run(t, s, "main()")
	if rec.out() != "hi\n" {
		t.Errorf("main(): %q", rec.out())
	}
}

// A cell whose last expression is a call returning (T, error) shows T when the
// error is nil, and otherwise ends with the error as the cell's error.
func TestResultWithError(t *testing.T) {
	s := newSession(t)
	expect(t, s, [2]string{"import \"strconv\"\nstrconv.Atoi(\"42\")", "42"})
	e, _ := fail(t, s, `strconv.Atoi("x")`)
	if e.Name != "*strconv.NumError" || e.Value != `strconv.Atoi: parsing "x": invalid syntax` {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
	run(t, s, `type BadInput struct{ input string }
func (b *BadInput) Error() string { return "bad input " + b.input }
func parse(s string) (float64, error) {
	if s == "" {
		return 0, &BadInput{s}
	}
	return strconv.ParseFloat(s, 64)
}`)
	expect(t, s, [2]string{`parse("2.5")`, "2.5"})
	e, _ = fail(t, s, `parse("")`)
	if e.Name != "*main.BadInput" || e.Value != "bad input " {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
	// fmt.Println's (n int, err error) and two values without an error show
	// nothing.
	if b, _ := run(t, s, "import \"fmt\"\nfmt.Println(\"x\")"); plain(b) != "" {
		t.Errorf("fmt.Println shows %q", plain(b))
	}
	b, _ := run(t, s, "func two() (int, string) { return 1, \"a\" }\ntwo()")
	if plain(b) != "" {
		t.Errorf("two() shows %q", plain(b))
	}
}
