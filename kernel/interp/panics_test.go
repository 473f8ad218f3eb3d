package interp

import (
	"fmt"
	"go/format"
	"strings"
	"testing"
)

// recoverProgram recovers panics of every kind and prints what recover gave.
const recoverProgram = `package main

import (
	"errors"
	"fmt"
	"runtime"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

type P struct{ X int }

func try(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func describe(name string, r any) {
	_, isErr := r.(error)
	_, isStr := r.(string)
	_, isRT := r.(runtime.Error)
	_, isMy := r.(MyErr)
	n, isInt := r.(int)
	fmt.Printf("%s: %v error=%v string=%v runtime.Error=%v MyErr=%v int=%v %d\n", name, r, isErr, isStr, isRT, isMy, isInt, n)
}

func main() {
	describe("string", try(func() { panic("boom") }))
	describe("errors.New", try(func() { panic(errors.New("e1")) }))
	describe("fmt.Errorf", try(func() { panic(fmt.Errorf("wrap: %w", errors.New("inner"))) }))
	describe("int", try(func() { panic(42) }))
	describe("index", try(func() { a := []int{1, 2, 3}; i := 5; _ = a[i] }))
	describe("index set", try(func() { a := []int{1, 2, 3}; i := 5; a[i] = 1 }))
	describe("array", try(func() { var a [3]int; i := -1; _ = a[i+4] }))
	describe("string index", try(func() { s := "abc"; i := 3; _ = s[i] }))
	describe("slice bounds", try(func() { a := []int{1, 2, 3}; n := 5; _ = a[1:n] }))
	describe("nil map", try(func() { var m map[string]int; m["a"] = 1 }))
	describe("nil map ++", try(func() { var m map[string]int; m["a"]++ }))
	describe("nil field", try(func() { var p *P; _ = p.X }))
	describe("nil field set", try(func() { var p *P; p.X = 1 }))
	describe("nil deref", try(func() { var p *int; x := *p; _ = x }))
	describe("nil func", try(func() { var f func(); f() }))
	describe("divide", try(func() { z := 0; _ = 1 / z }))
	describe("modulo", try(func() { z := 0; _ = 1 % z }))
	describe("assert", try(func() { var x any = 1; _ = x.(string) }))
	describe("assert nil", try(func() { var x any; _ = x.(int) }))
	describe("assert iface", try(func() { var x any = 1; _ = x.(fmt.Stringer) }))
	describe("make", try(func() { n := -1; _ = make([]int, n) }))
	describe("close nil", try(func() { var c chan int; close(c) }))
	describe("close closed", try(func() { c := make(chan int); close(c); close(c) }))
	describe("send closed", try(func() { c := make(chan int, 1); close(c); c <- 1 }))
}
`

// recover() gives what Go's does: the value passed to panic, or a runtime.Error
// worded as Go words it, compared with the same program built by Go.
func TestRecoverGivesGoValues(t *testing.T) { sameAsGo(t, recoverProgram) }

// panicProgram has one function per kind of panic; main runs the one named on
// its command line.
const panicProgram = `package main

import (
	"errors"
	"fmt"
	"os"
)

type P struct{ X int }

func explicit()   { panic("boom") }
func explicitErr() { panic(fmt.Errorf("bad input %d", 7)) }
func explicitInt() { panic(42) }
func wrapped()    { panic(errors.Join(errors.New("a"), errors.New("b"))) }
func index()      { a := []int{1, 2, 3}; i := 5; fmt.Println(a[i]) }
func nilMap()     { var m map[string]int; m["a"] = 1 }
func nilPointer() { var p *P; fmt.Println(p.X) }
func divide()     { z := 0; fmt.Println(1 / z) }
func assert()     { var x any = 1; fmt.Println(x.(string)) }
func slice()      { a := []int{1, 2, 3}; n := 5; fmt.Println(a[:n]) }

var cases = map[string]func(){
	"explicit": explicit, "explicitErr": explicitErr, "explicitInt": explicitInt, "wrapped": wrapped,
	"index": index, "nilMap": nilMap, "nilPointer": nilPointer, "divide": divide, "assert": assert, "slice": slice,
}

func main() { cases[os.Args[1]]() }
`

// An uncaught panic reads as Go's first line of it ("panic: …"), compared with the
// program built by Go.
func TestPanicMessagesAreGos(t *testing.T) {
	bin := goBuild(t, panicProgram)
	s := newSession(t)
	decls := panicProgram[:strings.Index(panicProgram, "func main()")]
	if _, _, e := runCell(s, decls); e != nil {
		t.Fatalf("%s: %s", e.Name, e.Value)
	}
	for _, name := range []string{"explicit", "explicitErr", "explicitInt", "wrapped", "index", "nilMap", "nilPointer", "divide", "assert", "slice"} {
		t.Run(name, func(t *testing.T) {
			_, stderr, _ := runBinary(t, bin, name)
			want, _, _ := strings.Cut(stderr, "\n\ngoroutine ")
			if i := strings.Index(want, "\n[signal"); i >= 0 {
				want = want[:i] // nil dereference: "[signal SIGSEGV: segmentation violation …]"
			}
			_, _, e := runCell(s, name+"()")
			if e == nil {
				t.Fatalf("no error; go run: %s", want)
			}
			if got := e.Name + ": " + e.Value; got != want {
				t.Errorf("cell: %s\ngo:   %s", got, want)
			}
		})
	}
}

// exitProgram calls os.Exit from a function whose deferred call recovers.
const exitProgram = `package main

import (
	"fmt"
	"os"
)

func f() (r any) {
	defer func() { r = recover(); fmt.Println("recovered", r) }()
	os.Exit(4)
	return nil
}

func main() {
	fmt.Println("before")
	fmt.Println(f())
	fmt.Println("after")
}
`

// os.Exit ends the cell with the exit status, as go run reports it; no recover
// stops it. The session lives on.
func TestExitEndsCell(t *testing.T) {
	want, _, status := goRun(t, exitProgram)
	s := newSession(t)
	got, _, e := runCell(s, exitProgram)
	if e == nil || e.Name != "Exit" || e.Value != "exit status 4" || status != 4 {
		t.Fatalf("error %v, go's status %d", e, status)
	}
	if got != want {
		t.Errorf("cell printed %q, go run %q", got, want)
	}
	_, stderr, e := runCell(s, `import "log"
log.SetFlags(0)
log.Fatalf("bad %d", 7)`)
	if e == nil || e.Value != "exit status 1" || stderr != "bad 7\n" {
		t.Errorf("log.Fatalf: error %v, stderr %q", e, stderr)
	}
	if out, _, e := runCell(s, `fmt.Println("alive")`); e != nil || out != "alive\n" {
		t.Errorf("after exits: %q %v", out, e)
	}
}

// TestPanicFramesNeverPointAtTheWrongLine: yaegi reports a frame where its body
// starts, so a panic in the third statement of a body would be quoted at the
// first. The cell's top level marks each statement it runs, so its frame is
// exact; a statement holding others is named with its lines; a function's
// frame names the body and its lines; a body of one simple statement is exact.
func TestPanicFramesNeverPointAtTheWrongLine(t *testing.T) {
	s := newSession(t)
	for _, c := range []struct{ cell, want, not string }{
		{"import \"fmt\"\nx := []int{1, 2, 3}\ni := 5\nfmt.Println(\"before\")\ny := x[i]\nfmt.Println(y)",
			"at line 5, column 1", "line 2, column"},
		{"func g(x []int) int {\n\tprintln(\"in g\")\n\ti := 5\n\treturn x[i]\n}\nprintln(\"first\")\ng([]int{1})",
			"at func g, lines 2–4 (the interpreter reports where the body starts, not the statement that ran)\n  called from line 7, column 1", "line 2, column"},
		{"for k := 0; k < 3; k++ {\n\tif k == 2 {\n\t\tvar m map[string]int\n\t\tm[\"a\"] = 1\n\t}\n}",
			"at the for statement, lines 1–6", "line 1, column"},
		{"n := 0\nprintln(n)\nfor k := 0; k < 3; k++ {\n\tif k == 2 {\n\t\tvar m map[string]int\n\t\tm[\"a\"] = 1\n\t}\n}\nprintln(n)",
			"at the for statement, lines 3–8", "line 1, column"},
		{"func h(p *int) int {\n\treturn *p\n}\nvar p *int\nh(p)",
			"at line 2, column 9", "called from line 4"},
		// A goto could run a statement without its mark: such a top level is not
		// marked, and its frame names the whole of it.
		{"k := 0\nagain:\nk++\nif k < 2 {\n\tgoto again\n}\nvar m map[int]int\nm[k] = 1",
			"at the cell's top-level statements, lines 1–8", "line 1, column"},
	} {
		e, _ := fail(t, s, c.cell)
		tb := strings.Join(e.Traceback, "\n")
		if !strings.Contains(tb, c.want) || strings.Contains(tb, c.not) {
			t.Errorf("cell %q:\n%s\nwant %q, and not %q", c.cell, tb, c.want, c.not)
		}
	}
	// A function of an earlier cell is named as such.
	e, _ := fail(t, s, "g([]int{2})")
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "in an earlier cell (#2), func g, lines 2–4") {
		t.Errorf("earlier cell's function:\n%s", tb)
	}
}

// TestStoppedCellKeepsWhatFinished: a cell whose top level stops at a panic
// keeps the variables of the statements that finished, as IPython keeps them,
// and says which it did not declare.
func TestStoppedCellKeepsWhatFinished(t *testing.T) {
	s := newSession(t)
	e, _ := fail(t, s, "import \"fmt\"\nloaded := []float64{36, 12}\nn := len(loaded)\nthird := loaded[n]\nafter := 1")
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "at line 4, column 1") || !strings.Contains(tb, "Not declared: after, third — the cell stopped at line 4") {
		t.Errorf("traceback:\n%s", tb)
	}
	if out, _, e := runCell(s, "fmt.Println(loaded, n)"); e != nil || out != "[36 12] 2\n" {
		t.Errorf("the finished statements' variables: %q %v", out, e)
	}
	for _, name := range []string{"third", "after"} {
		if e, _ := fail(t, s, "_ = "+name); !strings.Contains(e.Value, "undefined: "+name) {
			t.Errorf("%s: want undefined, got %v", name, e)
		}
	}
	// A compile error runs nothing, so declares nothing.
	if e, _ := fail(t, s, "kept := 1\nvar bad int = \"x\""); strings.Contains(strings.Join(e.Traceback, "\n"), "Not declared") {
		t.Errorf("compile error: %v", e.Traceback)
	}
	if e, _ := fail(t, s, "_ = kept"); !strings.Contains(e.Value, "undefined: kept") {
		t.Errorf("kept after a compile error: %v", e)
	}
}

// deferredPanicMain is a program with main's body as %s, for the tests of a
// deferred call that panics while its function panics: in Go it replaces the
// function's panic, the function's other deferred calls still run, and a
// recover in a later one gets the newest panic.
const deferredPanicMain = `package main

import (
	"fmt"
	"os"
	"sync"
)

var _ = os.ErrNotExist

func newMutex() *sync.Mutex { return new(sync.Mutex) }

func describe(r any) string {
	s, isString := r.(string)
	_, isError := r.(error)
	return fmt.Sprintf("%%v string=%%v %%q error=%%v", r, isString, s, isError)
}

%s

func main() {
%s
}
`

func deferredPanicProgram(decls, body string) string {
	return fmt.Sprintf(deferredPanicMain, decls, body)
}

// Of three deferred calls, the middle one panics and the first recovers it.
func TestDeferredPanicMiddleOfThree(t *testing.T) {
	sameAsGo(t, deferredPanicProgram(`
func middle() (out string) {
	defer func() { out = "recovered " + describe(recover()) }()
	defer func() { panic("middle") }()
	defer fmt.Println("the last deferred call runs first")
	panic("body")
}`, `	fmt.Println(middle())`))
}

// A deferred call's panic replaces a run-time error, and is recovered as the
// string it is.
func TestDeferredPanicReplacesRuntimeError(t *testing.T) {
	sameAsGo(t, deferredPanicProgram(`
func replaces() {
	defer func() { fmt.Println("recovered", describe(recover())) }()
	defer func() { panic("replaced") }()
	a := []int{1, 2, 3}
	i := 5
	fmt.Println(a[i])
}`, `	replaces()`))
}

// A deferred function that panics and recovers its own panic leaves the
// function's panic in place, for an earlier deferred call to recover: the
// body's, or one a later deferred call replaced it with.
func TestDeferredPanicRecoveredInsideIt(t *testing.T) {
	sameAsGo(t, deferredPanicProgram(`
func recoversItself() {
	defer func() { fmt.Println("outer", describe(recover())) }()
	defer func() {
		defer func() { fmt.Println("inner", describe(recover())) }()
		panic("x")
	}()
	panic("outer panic")
}

func afterReplaced() {
	defer func() { fmt.Println("outer", describe(recover())) }()
	defer func() {
		defer func() { fmt.Println("inner", describe(recover())) }()
		panic("x")
	}()
	defer func() { panic("replacing") }()
	panic("body")
}`, `	recoversItself()
	afterReplaced()`))
}

// Deferred calls of functions and methods (declared before and after, one
// recovering, generic), with arguments bound at the defer statement, of compiled
// functions and builtins, in a loop, on named results, a recovered panic
// panicked with again.
func TestDeferredPanicOtherCalls(t *testing.T) {
	sameAsGo(t, deferredPanicProgram(`
type res struct{ name string }

func (r *res) Close() { fmt.Println("closed", r.name) }

func (r *res) Rescue() { fmt.Println("rescued", r.name, describe(recover())) }

func rescue() { fmt.Println("rescue", describe(recover())) }

func calls() (n int) {
	r := &res{"r"}
	defer rescue()
	defer r.Close()
	x := 1
	defer fmt.Println("x was", x)
	x = 2
	for i := range 3 {
		defer func() {
			n += i
			if i == 1 {
				panic(fmt.Sprint("loop ", i))
			}
		}()
	}
	defer func(v int) { panic(v * 10) }(x)
	return 100
}

func method() {
	r := &res{"m"}
	defer r.Rescue()
	defer func() { panic(fmt.Errorf("wrapped %w", os.ErrNotExist)) }()
}

func declaredLater() {
	defer rescueLater()
	defer (&later{"l"}).Rescue()
	defer func() { panic("from literal") }()
	defer panicLater()
}

func compiled() {
	defer func() { fmt.Println("compiled", describe(recover())) }()
	c := make(chan int)
	close(c)
	defer close(c)
	defer fmt.Println("before close")
}

func locked(mu *sync.Mutex) (err error) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("locked: %v", r)
		}
	}()
	defer func() { panic("second") }()
	panic("first")
}

func noPanic() (r int) {
	defer func() { r *= 2 }()
	defer func() { r += 1 }()
	return 5
}

func repanic() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("wrapped: %v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("re-", r))
		}
	}()
	panic("orig")
}

func rescueLater() { fmt.Println("rescueLater", describe(recover())) }

func panicLater() { panic("from panicLater") }

type later struct{ name string }

func (l *later) Rescue() {
	r := recover()
	fmt.Println("later.Rescue", l.name, describe(r))
	panic(fmt.Sprint("again: ", r))
}

func generic[T any](x T) {
	defer show(x)
	defer (&box[T]{x}).Rescue()
	defer func() { panic(fmt.Sprint("generic ", x)) }()
}

func show[T any](x T) { fmt.Println("show", x, describe(recover())) }

type box[T any] struct{ v T }

func (b *box[T]) Rescue() {
	fmt.Println("box", b.v, describe(recover()))
	panic("from box")
}`, `	fmt.Println(calls())
	method()
	declaredLater()
	generic(7)
	mu := newMutex()
	fmt.Println(locked(mu), mu.TryLock())
	compiled()
	fmt.Println(noPanic())
	fmt.Println(repanic())`))
}

// unrecoveredPanics end in a panic of a deferred call that nothing recovers.
const unrecoveredPanics = `
func unrecovered() {
	defer fmt.Println("deferred calls still run")
	defer func() { panic("second") }()
	panic("first")
}

func unrecoveredAfterRecover() {
	defer fmt.Println("deferred calls still run")
	defer func() { recover(); panic("second") }()
	panic("first")
}

func repanicked() {
	defer fmt.Println("deferred calls still run")
	defer func() { panic(recover()) }()
	panic("first")
}

func chained() {
	defer fmt.Println("deferred calls still run")
	defer func() { panic(fmt.Errorf("third\non two lines")) }()
	defer func() { panic("second") }()
	a := []int{1}
	i := 3
	_ = a[i]
}

func noPanicInBody() {
	defer fmt.Println("deferred calls still run")
	defer func() { panic("only") }()
	fmt.Println("body")
}

func declared() {
	defer fmt.Println("deferred calls still run")
	defer panicsToo()
	panic("first")
}

func panicsToo() { panic("from panicsToo") }

func across() {
	defer fmt.Println("across runs")
	defer func() { panic("third") }()
	unrecovered()
}

var cases = map[string]func(){
	"unrecovered": unrecovered, "unrecoveredAfterRecover": unrecoveredAfterRecover, "repanicked": repanicked,
	"chained": chained, "noPanicInBody": noPanicInBody, "declared": declared, "across": across,
}`

// A panic of a deferred call never recovered ends the cell, reported as Go
// reports the panics ("panic: first\n\tpanic: second", "[recovered]"…), after
// the other deferred calls ran.
func TestDeferredPanicUnrecovered(t *testing.T) {
	src := deferredPanicProgram(unrecoveredPanics, "\tcases[os.Args[1]]()")
	bin := goBuild(t, src)
	s := newSession(t)
	if _, _, e := runCell(s, src[:strings.Index(src, "func main()")]); e != nil {
		t.Fatalf("%s: %s", e.Name, e.Value)
	}
	for _, name := range []string{"unrecovered", "unrecoveredAfterRecover", "repanicked", "chained", "noPanicInBody", "declared", "across"} {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, _ := runBinary(t, bin, name)
			got, _, e := runCell(s, name+"()")
			panicsAsGo(t, got, e, stdout, stderr)
		})
	}
}

// A function with a single deferred call is rewritten as one with two is (so
// that an exit skips it: TestExitRunsNoDeferredCall), and runs as in Go.
func TestSingleDeferRewritten(t *testing.T) {
	const src = `package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func rethrow() (msg string) {
	defer func() { msg = fmt.Sprint("outer: ", recover()) }()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("again: ", r))
		}()
		panic("inner")
	}()
	return "not reached"
}

func two() {
	defer fmt.Println("one")
	defer fmt.Println("two")
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(rethrow())
	two()
}
`
	sameAsGo(t, src)
	s := newSession(t)
	c, e := s.frontEnd(s.yi.FileSet(), s.checker, src[strings.Index(src, "import"):strings.Index(src, "func main()")], 1)
	if e != nil {
		t.Fatalf("%s: %s", e.Name, e.Value)
	}
	var b strings.Builder
	for _, u := range c.units {
		if err := format.Node(&b, s.yi.FileSet(), u.File); err != nil {
			t.Fatal(err)
		}
	}
	desugared := b.String()
	for _, fn := range []string{"safeDiv", "rethrow", "two"} {
		start := strings.Index(desugared, "func "+fn+"(")
		if start < 0 {
			t.Fatalf("no func %s in:\n%s", fn, desugared)
		}
		body, _, _ := strings.Cut(desugared[start:], "\n}\n")
		if rewritten := strings.Contains(body, rtName+".Deferring()"); !rewritten {
			t.Errorf("func %s: rewritten %v:\n%s", fn, rewritten, body)
		}
	}
}

// An exit (os.Exit) in a function whose deferred calls catch their panics is
// not replaced by a deferred call's panic, nor recovered: the cell ends with it.
func TestDeferredPanicKeepsExit(t *testing.T) {
	_, _, e := runCell(newSession(t), `import (
	"fmt"
	"os"
)

func exits() (r any) {
	defer fmt.Println("deferred")
	defer func() { r = recover(); fmt.Println("recovered", r) }()
	defer func() { panic("x") }()
	os.Exit(3)
	return nil
}

fmt.Println(exits())
fmt.Println("after")`)
	if e == nil || e.Name != "Exit" || e.Value != "exit status 3" {
		t.Fatalf("error %+v, want exit status 3", e)
	}
}

// A value-receiver struct declared into an error (var e error = Code{3}) is
// held bare by the interpreter; handed to a compiled function's error
// parameter, it made reflect panic ("reflect: Call using struct {…} as type
// error"). The cell now fails saying what and why.
func TestBareInterfaceArgumentExplained(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("errors"; "fmt")`)
	run(t, s, "type Code struct{ N int }\nfunc (c Code) Error() string { return fmt.Sprint(\"code \", c.N) }")
	failsSaying(t, s, "var e error = Code{3}\nfmt.Println(errors.Is(e, e))",
		"ratelab cannot hand this value of type main.Code to a compiled function's parameter of type error")
}
