package interp

import (
	"strings"
	"testing"
)

// A program pasted into one cell with its init above the variables it reads
// and changes: every variable is initialised before any init runs, as in Go
// (the cell printed [1 2 3 100] 106: total was computed after init).
func TestProgramInitAfterVariables(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

var data = []int{1, 2, 3}

func init() {
	data = append(data, 100)
}

var total = sum(data)

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	fmt.Println(data, total)
}
`)
}

// A notebook cell's declarations may come in any order, as a Go file's: a
// variable initialised by a function declared below it, a function using a
// const or var declared below it, an init reading variables declared below
// it. Its statements run in the order written, each seeing what the
// statements above it declared.
func TestCellDeclarationOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cells []string
		want  string
	}{
		{"init before the vars it reads (hunt3a S7)", []string{`import "fmt"`,
			"var data = []int{1, 2, 3}\nfunc init() { data = append(data, 100) }\nvar total = sum(data)\n" +
				"func sum(xs []int) int { s := 0; for _, x := range xs { s += x }; return s }\nfmt.Println(data, total)"},
			"[1 2 3 100] 6\n"},
		{"vars before funcs, init before vars (brief's init1)", []string{`import "fmt"`,
			`var order []string
func init() { order = append(order, "init sees total="+fmt.Sprint(total)) }
var total = sum(3)
func sum(n int) int { order = append(order, "sum"); return n * 2 }
var table = build(4)
func build(n int) []int { t := make([]int, n); for i := range t { t[i] = i * i }; return t }`,
			`fmt.Println(order, total, table)`},
			"[sum init sees total=6] 6 [0 1 4 9]\n"},
		{"re-run of a declaring cell", []string{`import "fmt"`,
			"var total = sum(3)\nfunc sum(n int) int { return n * k }\nconst k = 2\nfunc init() { total++ }\nfmt.Println(total)",
			"var total = sum(3)\nfunc sum(n int) int { return n * k }\nconst k = 2\nfunc init() { total++ }\nfmt.Println(total)"},
			"7\n7\n"},
		{"func using a const declared below (hunt3a L5)", []string{`import "fmt"`, "func g() string { return unit }; const unit = \"kg\"", "fmt.Println(g())"}, "kg\n"},
		{"func using a var declared below (hunt3b L5)", []string{`import "fmt"`,
			"func area(r float64) float64 { return pi2 / 2 * r * r }\nvar pi2 = 6.28\nfmt.Println(area(1))"},
			"3.14\n"},
		{"composite literal keys declared below", []string{`import "fmt"`,
			"var names = [...]string{Red: \"red\", Blue: \"blue\"}\ntype Color int\nconst (\n\tRed Color = iota\n\tBlue\n)\nfmt.Println(names[Blue])"},
			"blue\n"},
		{"method using a var declared below", []string{`import "fmt"`,
			"type R struct{}\nfunc (r R) U() string { return unit }\nvar unit = \"kg\"\nfmt.Println(R{}.U())"},
			"kg\n"},
		{"statement using a func declared below", []string{`import "fmt"`,
			"fmt.Println(double(4))\nfunc double(n int) int { return n * 2 }"},
			"8\n"},
		{"var initialised by a func declared below runs before the statements", []string{`import "fmt"`,
			"var y = f()\nfmt.Println(\"a\", y)\nfunc f() int { fmt.Println(\"f\"); return 1 }"},
			"f\na 1\n"},
		{"init above a statement runs first", []string{`import "fmt"`,
			"func init() { fmt.Println(\"init\") }\nfmt.Println(\"statement\")"},
			"init\nstatement\n"},
		{"statements keep their order", []string{`import "fmt"`,
			"fmt.Println(\"a\")\nvar z = note(\"z\")\nfmt.Println(\"b\")\nfunc note(s string) string { fmt.Println(s); return s }"},
			"a\nz\nb\n"},
		{"a var using a statement's variable comes after it", []string{`import "fmt"`,
			"x := load()\nvar y = double(x)\nfmt.Println(x, y)\nfunc load() int { return 21 }\nfunc double(n int) int { return 2 * n }"},
			"21 42\n"},
		{"a statement between two vars keeps its place", []string{`import "fmt"`,
			"var a = 1\na++\nvar b = a\nfmt.Println(a, b)"},
			"2 2\n"},
		{"a var block in reverse order", []string{`import "fmt"`,
			"var (\n\tf = g + 1\n\tg, h = mark(\"g\", i), 0\n\ti = 7\n)\nfunc mark(s string, v int) int { fmt.Println(s); return v }\nfmt.Println(f, g, h, i)"},
			"g\n8 7 0 7\n"},
		{"several inits in the order written, after every var", []string{`import "fmt"`,
			"func init() { fmt.Println(\"one\", a) }\nvar a = b + 1\nfunc init() { fmt.Println(\"two\", b) }\nvar b = 1"},
			"one 2\ntwo 1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t)
			var out strings.Builder
			for _, c := range tc.cells {
				stdout, stderr, e := runCell(s, c)
				if e != nil {
					t.Fatalf("cell %q: %s: %s\n%s", c, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
				}
				out.WriteString(stdout + stderr)
			}
			if out.String() != tc.want {
				t.Errorf("printed:\n%s\nwant:\n%s", out.String(), tc.want)
			}
		})
	}
}
