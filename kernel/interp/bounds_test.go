package interp

import (
	"go/format"
	"strings"
	"testing"
)

// boundsProgram is a main package whose main runs body, with try, which runs
// a function and prints what recover gave: Go's text, and whether it is a
// runtime.Error and an error.
func boundsProgram(decls, body string) string {
	return `package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Println(name+": no panic") // (a nil r.(runtime.Error) panics in the interpreter)
			return
		}
		_, isRT := r.(runtime.Error)
		_, isErr := r.(error)
		fmt.Println(name+":", r, isRT, isErr)
	}()
	f()
}

var _ = fmt.Sprint
var _ runtime.Error

` + decls + `

func main() {
` + body + `
}
`
}

// Indexes out of range panic with Go's run-time error: its text gives the
// index and the length, and it is a runtime.Error.
func TestBoundsIndexAsGo(t *testing.T) {
	sameAsGo(t, boundsProgram(`type holder struct{ xs []int }`, `
	s := []int{1, 2, 3}
	arr := [3]int{1, 2, 3}
	p := &arr
	var np *[3]int
	str := "abc"
	h := holder{s}
	i, n, k := 5, -1, 1
	var u uint = 7
	var i8 int8 = -3
	var big uint64 = 1<<64 - 1
	try("past the end", func() { fmt.Println(s[i]) })
	try("negative", func() { fmt.Println(s[n]) })
	try("constant", func() { fmt.Println(s[3]) })
	try("string", func() { fmt.Println(str[i]) })
	try("array", func() { fmt.Println(arr[i]) })
	try("pointer to array", func() { fmt.Println(p[i]) })
	try("nil pointer to array", func() { fmt.Println(np[i]) })
	try("nil pointer to array in range", func() { fmt.Println(np[k]) })
	try("field", func() { fmt.Println(h.xs[i-1]) })
	try("uint", func() { fmt.Println(s[u]) })
	try("int8", func() { fmt.Println(s[i8]) })
	try("uint64", func() { fmt.Println(s[big]) })
	try("assigned", func() { s[i] = 1 })
	try("incremented", func() { arr[i]++ })
	try("in range", func() { fmt.Println(s[k], arr[k], p[k], str[k]) })`))
}

// Slice expressions out of range panic with Go's run-time error, each form with
// its own wording (length for strings and arrays, capacity for slices).
func TestBoundsSliceAsGo(t *testing.T) {
	sameAsGo(t, boundsProgram("", `
	s := []int{1, 2, 3}
	s5 := make([]int, 3, 5)
	arr := [3]int{1, 2, 3}
	p := &arr
	str := "abc"
	i, n, m, k := 5, -1, 2, 1
	var u uint = 7
	try("s[:i]", func() { fmt.Println(s[:i]) })
	try("s5[:i+1]", func() { fmt.Println(s5[:i+1]) })
	try("s5[:4]", func() { fmt.Println(s5[:4]) })
	try("s5[4:]", func() { fmt.Println(s5[4:]) })
	try("s[i:]", func() { fmt.Println(s[i:]) })
	try("s[m:k]", func() { fmt.Println(s[m:k]) })
	try("s[n:]", func() { fmt.Println(s[n:]) })
	try("s[:n]", func() { fmt.Println(s[:n]) })
	try("s[u:]", func() { fmt.Println(s[u:]) })
	try("str[:i]", func() { fmt.Println(str[:i]) })
	try("str[i:]", func() { fmt.Println(str[i:]) })
	try("str[m:k]", func() { fmt.Println(str[m:k]) })
	try("arr[:i]", func() { fmt.Println(arr[:i]) })
	try("arr[i:]", func() { fmt.Println(arr[i:]) })
	try("p[:i]", func() { fmt.Println(p[:i]) })
	try("s[0:1:i]", func() { fmt.Println(s[0:1:i]) })
	try("arr[0:1:i]", func() { fmt.Println(arr[0:1:i]) })
	try("s[0:m:k]", func() { fmt.Println(s[0:m:k]) })
	try("s[m:k:k]", func() { fmt.Println(s[m:k:k]) })
	try("s[0:n:k]", func() { fmt.Println(s[0:n:k]) })
	try("s[n:k:k]", func() { fmt.Println(s[n:k:k]) })
	try("s[:k:n]", func() { fmt.Println(s[:k:n]) })
	try("in range", func() { fmt.Println(s[k:], s5[:5], s[:k:m], str[k:m], arr[:], p[m:]) })`))
}

// Where a check cannot go before its statement, the index is checked in place
// (or left to the interpreter), and what runs before it still runs first: a
// for loop's condition and post statement, an else if, a switch case, the
// right operand of &&, the left side of an assignment whose right side
// prints, an index after a call.
func TestBoundsOrderAsGo(t *testing.T) {
	sameAsGo(t, boundsProgram(`
func say(v int) int { fmt.Println("say", v); return v }

func pick[T any](xs []T, i int) T { return xs[i] }`, `
	s := []int{1, 2, 3}
	t := []int{0, 2, 7}
	i := 5
	try("&&", func() { fmt.Println(i < len(s) && s[i] > 0, i >= len(s) || s[i] > 0) })
	try("assignment", func() { s[i] = say(4) })
	try("after a call", func() { fmt.Println(say(1) + s[i]) })
	try("call argument", func() { fmt.Println(say(1), s[i]) })
	try("for condition", func() {
		for j := 0; s[j] < 3; j++ {
			fmt.Println("j", j)
		}
	})
	try("post", func() {
		for j := 0; j < 5; j = s[j] {
			fmt.Println("post", j)
		}
	})
	try("else if", func() {
		if s[0] > 5 {
			fmt.Println("no")
		} else if s[i] > 0 {
			fmt.Println("no")
		}
	})
	try("switch", func() {
		switch {
		case s[0] > 1:
		case say(2) > 0 && s[i] > 0:
		}
	})
	try("nested", func() { fmt.Println(s[t[1]]); fmt.Println(s[t[2]]) })
	try("function literal", func() { f := func(j int) int { return s[j] }; fmt.Println(f(1)); fmt.Println(f(i)) })
	try("generic", func() { fmt.Println(pick(s, 2), pick([]string{"a"}, 0)); fmt.Println(pick(s, i)) })
	try("map", func() { m := map[int]int{1: 2}; fmt.Println(m[i], m[1]); var nm map[int]int; fmt.Println(nm[i]) })
	try("range", func() {
		total := 0
		for j := range s {
			total += s[j]
		}
		for j, v := range t {
			total += t[j] * v
		}
		for j := 0; j < len(s); j++ {
			total += s[j]
		}
		fmt.Println("total", total)
	})`))
}

// An uncaught bounds error ends the program as Go's does: the same message,
// after the same output.
func TestBoundsUncaughtAsGo(t *testing.T) {
	for name, src := range map[string]string{
		"loop to len": `package main

import "fmt"

func main() {
	s := []int{10, 20, 30}
	total := 0
	for i := 0; i <= len(s); i++ {
		fmt.Println("adding", i)
		total += s[i]
	}
	fmt.Println(total)
}
`,
		"in a function": `package main

import "fmt"

func last(xs []string) string { return xs[len(xs)] }

func main() {
	fmt.Println("start")
	fmt.Println(last([]string{"a", "b"}))
}
`,
	} {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, _ := goRun(t, src)
			got, _, e := runCell(newSession(t), src)
			panicsAsGo(t, got, e, stdout, stderr)
		})
	}
}

// At a cell's top level, a bounds error is reported with Go's message at the
// statement, after what the statements before it printed.
func TestBoundsTopLevel(t *testing.T) {
	s := newSession(t)
	e, rec := fail(t, s, "import \"fmt\"\nx := []int{1, 2, 3}\ni := 5\nfmt.Println(\"before\")\ny := x[i]\nfmt.Println(y)")
	if got := e.Name + ": " + e.Value; got != "panic: runtime error: index out of range [5] with length 3" {
		t.Errorf("error %q", got)
	}
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "at line 5, column 1") {
		t.Errorf("traceback:\n%s", tb)
	}
	if rec.out() != "before\n" {
		t.Errorf("printed %q", rec.out())
	}
	e, _ = fail(t, s, "z := x[1:i]")
	if got := e.Value; got != "runtime error: slice bounds out of range [:5] with capacity 3" {
		t.Errorf("error %q", got)
	}
	e, _ = fail(t, s, "for j := 0; j < 4; j++ {\n\tx[j]++\n}")
	if got := e.Value; got != "runtime error: index out of range [3] with length 3" {
		t.Errorf("error %q", got)
	}
}

// The checks are left out where the index is provably in range: a range loop
// or a counting loop to len(s) whose body changes neither s nor i, a constant
// index of an array; a loop to len(s) inclusive is checked, and so is one whose
// body may change s.
func TestBoundsElided(t *testing.T) {
	for _, c := range []struct {
		name, code string
		checked    bool
	}{
		{"range", "total := 0\nfor i := range s { total += s[i] }", false},
		{"range key and value", "total := 0\nfor i, v := range s { total += s[i] * v }", false},
		{"counting", "total := 0\nfor i := 0; i < len(s); i++ { total += s[i] }", false},
		{"array constant", "a := [3]int{}\na[2] = 1", false},
		{"map", "m := map[int]int{}\nm[5] = 1", false},
		{"to len inclusive", "total := 0\nfor i := 0; i <= len(s); i++ { total += s[i] }", true},
		{"s changed", "for i := range s { s = s[:0]; _ = s[i] }", true},
		{"i changed", "for i := range s { i++; _ = s[i] }", true},
		{"other slice", "t := []int{1}\nfor i := range s { _ = t[i] }", true},
		{"call, s escapes", "f := func() { s = nil }\nfor i := range s { f(); _ = s[i] }", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			run(t, s, "s := []int{1, 2, 3}")
			desugared := desugaredCell(t, s, c.code)
			if got := strings.Contains(desugared, rtName+".Bounds") || strings.Contains(desugared, rtName+".Index"); got != c.checked {
				t.Errorf("checked %v, want %v:\n%s", got, c.checked, desugared)
			}
		})
	}
}

// desugaredCell returns code as the session would run it, as Go source.
func desugaredCell(t *testing.T, s *Session, code string) string {
	t.Helper()
	c, e := s.frontEnd(s.yi.FileSet(), s.checker, code, 1)
	if e != nil {
		t.Fatalf("%s: %s", e.Name, e.Value)
	}
	var b strings.Builder
	for _, u := range c.units {
		if err := format.Node(&b, s.yi.FileSet(), u.File); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// An index of a named integer type (time.Month, type Idx int), or a constant of
// one, is checked against len(s) as an int: the check failed to compile
// ("mismatched types time.Month and int") where Go runs the program.
func TestBoundsNamedIntegerIndexes(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"time"
)

type Idx int
type Small uint8

const k Idx = 1

func main() {
	s := []int{10, 20, 30, 40}
	var m time.Month = 2
	var i Idx = 3
	var u Small = 1
	fmt.Println(s[time.March], s[m], s[i], s[k], s[u], s[i-1:], s[:m], s[u:i])
	arr := [5]int{1, 2, 3, 4, 5}
	fmt.Println(arr[i], arr[m:i], "abcd"[i])
	defer func() { fmt.Println("recovered:", recover()) }()
	var far Idx = 9
	fmt.Println(s[far])
}
`)
}
