package interp

import (
	"strings"
	"testing"
)

// TestDesugaredConstructs runs, through a session, each construct issue 9 names
// that yaegi v0.16.1 mishandles, and checks the output Go gives. Each failed
// before the check and desugar layers (a wrong value, or an error).
func TestDesugaredConstructs(t *testing.T) {
	for _, c := range []struct{ name, code, want string }{
		{"range over func with break, continue, return", `import "fmt"
func seq(yield func(int) bool) { for i := 0; i < 6; i++ { if !yield(i) { return } } }
func firstOver(n int) int { for v := range seq { if v > n { return v } }; return -1 }
for v := range seq { if v == 1 { continue }; if v == 4 { break }; fmt.Print(v, " ") }
fmt.Println(firstOver(2), firstOver(9))`, "0 2 3 3 -1\n"},
		{"iter.Seq2 and labelled continue", `import ("fmt"; "iter")
func pairs(m []string) iter.Seq2[int, string] { return func(yield func(int, string) bool) { for i, s := range m { if !yield(i, s) { return } } } }
outer:
for _, w := range []string{"ab", "cd"} {
	for i, s := range pairs([]string{"x", w, "y"}) { if s == "cd" { continue outer }; fmt.Print(i, s, " ") }
}
fmt.Println()`, "0x 1ab 2y 0x \n"},
		{"defer in a range-over-func body", `import "fmt"
func each(yield func(string) bool) { yield("a"); yield("b") }
func run() { for s := range each { defer fmt.Print(s, " ") }; fmt.Print("body ") }
run()
fmt.Println()`, "body b a \n"},
		{"range over an integer expression", `import "fmt"
type T struct{ n int }
func (t T) N() int { return t.n }
t := T{3}
for i := range t.N() { fmt.Print(i) }
for range 2 { fmt.Print("x") }
fmt.Println()`, "012xx\n"},
		{"new(expr), clear, min and max", `import "fmt"
p := new(40 + 2)
m := map[string]int{"a": 1}
clear(m)
x := 2.5
fmt.Println(*p, len(m), min(x, 1), max(3, 7, 5), min("b", "a"))`, "42 0 1 7 a\n"},
		{"multi-value := in a top-level block", `import ("fmt"; "strconv")
if n, err := strconv.Atoi("12"); err == nil { fmt.Println(n * 2) }
{
	v, err := strconv.Atoi("x")
	fmt.Println(v, err != nil)
}`, "24\n0 true\n"},
		{"_ = f() at top level", `import "fmt"
func one() int { fmt.Println("called"); return 1 }
_ = one()
var _ = one()
fmt.Println("ok")`, "called\ncalled\nok\n"},
		{"generic inference through ~[]E and from results", `import "fmt"
type Celsius float64
func Sum[S ~[]E, E ~float64](s S) E { var t E; for _, v := range s { t += v }; return t }
func mk() []Celsius { return []Celsius{1.5, 2} }
fmt.Println(Sum(mk()))`, "3.5\n"},
		{"generic function as a value", `import "fmt"
func double[T int | float64](v T) T { return 2 * v }
var f func(int) int = double
g := double[float64]
fmt.Println(f(4), g(1.5))`, "8 3\n"},
		{"defer evaluates its arguments at the statement", `import "fmt"
func f() { x := 1; defer fmt.Println("x", x); x = 2 }
func g() { for i := 0; i < 3; i++ { defer fmt.Print(i, " ") } }
f()
g()
fmt.Println()`, "x 1\n2 1 0 \n"},
		{"method values copy their receiver; method expressions", `import "fmt"
type C struct{ n int }
func (c C) V() int { return c.n }
func (c C) Add(k int) int { return c.n + k }
c := C{1}
v := c.V
c.n = 5
add := C.Add
fmt.Println(v(), add(c, 10))`, "1 15\n"},
		{"type switch on a compiled interface", `import "fmt"
func kind(v any) string { switch x := v.(type) { case nil: return "nil"; case fmt.Stringer: return "stringer"; case error: return "error " + x.Error(); default: return "other" } }
fmt.Println(kind(fmt.Errorf("e")), kind(nil), kind(3))`, "error e nil other\n"},
		{"const blocks with _ and iota", `import "fmt"
const (
	A, B = iota, iota * 10
	_, _
	C, D
)
fmt.Println(A, B, C, D)`, "0 0 2 20\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			_, rec := run(t, s, c.code)
			if got := rec.out(); got != c.want {
				t.Errorf("stdout %q, want %q", got, c.want)
			}
		})
	}
}

// TestRefusals checks that each construct ratelab cannot run correctly is
// refused before anything runs, with an error naming it and a way around it.
func TestRefusals(t *testing.T) {
	for _, c := range []struct{ name, code, want string }{
		{"top-level defer", "import \"fmt\"\ndefer fmt.Println(1)", "defer at a cell's top level"},
		{"top-level return", "import \"fmt\"\nfmt.Println(1)\nif true { return }", "return at a cell's top level"},
		{"generic function of a compiled package", "import \"sync\"\nf := sync.OnceValue(func() int { return 1 })", "sync.OnceValue is not available in ratelab cells"},
		{"symbol kept from cells", "import \"display\"\ndisplay.SetOutput(nil, display.Options{})", "display.SetOutput is not available"},
		{"goto out of a range-over-func body", "func each(yield func(int) bool) { yield(1) }\nfunc f() {\n\tfor range each { goto done }\ndone:\n}", "goto done leaves the body of a range over a function"},
		{"recover in a defer of a range-over-func body", "func each(yield func(int) bool) { yield(1) }\nfunc f() { for range each { defer func() { recover() }() } }", "recover in a function deferred inside the body"},
		{"fmt of a slice of a cell's Stringer", "import \"fmt\"\ntype C float64\nfunc (c C) String() string { return \"c\" }\nfmt.Println(C(1), []C{1, 2})", "fmt.Println would handle []C{…}'s elements without calling C's String method"},
		{"json of a struct with a field of a cell's Marshaler", "import \"encoding/json\"\ntype L int\nfunc (l L) MarshalJSON() ([]byte, error) { return []byte(\"1\"), nil }\ntype R struct{ S L }\njson.Marshal(R{2})", "json.Marshal would handle R{…}'s elements without calling L's MarshalJSON method"},
		{"assertion to an interface a named float type implements", "type Celsius float64\nfunc (c Celsius) String() string { return \"\" }\ntype Named interface{ String() string }\nfunc k(v any) int { switch v.(type) { case Named: return 1; case error: return 2 }; return 0 }", "type Celsius: in an interface value, the interpreter cannot tell a value of type Celsius from one of type float64, so an assertion to Named, which Celsius implements"},
		{"pointer to a generic type with two arguments at top level", "type P[K comparable, V any] struct{ m map[K]V }\np := &P[int, string]{}", "session variable p has type *P[int, string]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			e, rec := fail(t, s, c.code)
			if e.Name != "Unsupported" || !strings.Contains(e.Value, c.want) || !strings.Contains(e.Value, "; ") {
				t.Errorf("%s: %s\n%s", e.Name, e.Value, strings.Join(e.Traceback, "\n"))
			}
			if rec.out() != "" {
				t.Errorf("a refused cell printed %q", rec.out())
			}
		})
	}
	// A method of a generic type in another cell than the type: a compile error
	// of the checker (the check layer), before anything runs.
	s := newSession(t)
	run(t, s, "type S[T any] struct{ v T }")
	e, _ := fail(t, s, "func (s S[T]) Get() T { return s.v }")
	if !strings.Contains(e.Value, "only in the cell that declares it") {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
}

// yaegi fails to compile a var declaration of the blank name without a value in a
// function ("cannot use _ as value"); it declares nothing, so it goes.
func TestBlankVarWithoutValue(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

type T struct{ n int }

func two() (int, int) { fmt.Println("two called"); return 1, 2 }

func main() {
	var _, b int
	var _ T = T{3}
	var _, e = two()
	var _ fmt.Stringer
	var (
		_ [3]int
		f = "f"
	)
	b++
	func() {
		var _ T
		fmt.Println("literal")
	}()
	if b > 0 {
		var _ error
	}
	fmt.Println(b, e, f)
}
`)
}
