package interp

import (
	"strings"
	"testing"
)

// TestPromotedFromEmbeddedInterface runs the methods a struct promotes from an
// embedded interface (desugar/promoted.go) as go run does.
func TestPromotedFromEmbeddedInterface(t *testing.T) {
	for name, src := range map[string]string{
		"call and type switch": `package main

import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

type Named struct {
	Shape
	Name string
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Named:
		return fmt.Sprintf("%s: %.1f", v.Name, v.Area())
	default:
		return fmt.Sprintf("shape: %.1f", v.Area())
	}
}

func main() {
	n := Named{Square{3}, "sq"}
	p := &n
	fmt.Println(n.Area(), p.Area())
	fmt.Println(describe(n), describe(Square{2}))
	shapes := []Shape{n, Square{1}, Named{Square{4}, "big"}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Println(total)
}
`,
		"sort.Interface overridden": `package main

import (
	"fmt"
	"sort"
)

type rev struct{ sort.Interface }

func (r rev) Less(i, j int) bool { return r.Interface.Less(j, i) }

type passthrough struct{ sort.Interface }

func main() {
	xs := []int{2, 3, 1}
	sort.Sort(rev{sort.IntSlice(xs)})
	fmt.Println(xs)
	sort.Sort(passthrough{sort.IntSlice(xs)})
	fmt.Println(xs, passthrough{sort.IntSlice(xs)}.Len())
}
`,
		"through an embedded pointer": `package main

import (
	"fmt"
	"io"
	"strings"
)

type inner struct{ io.Reader }

type outer struct {
	*inner
	label string
}

func main() {
	o := outer{&inner{strings.NewReader("hello")}, "o"}
	b, err := io.ReadAll(o)
	fmt.Println(string(b), err, o.label)
}
`,
		// Not through an interface, but printing: fmt calls the promoted
		// String on the value as a whole.
		"String promoted from an embedded struct": `package main

import "fmt"

type Base struct{ ID int }

func (b Base) String() string { return fmt.Sprintf("B%d", b.ID) }

type Derived struct {
	Base
	Name string
}

func main() {
	d := Derived{Base{1}, "x"}
	fmt.Println(d)
	fmt.Printf("%v %s|%d\n", d, &d, d.ID)
}
`,
	} {
		t.Run(name, func(t *testing.T) { sameAsGo(t, src) })
	}
}

// TestMethodsRedeclaredInLaterCells: the interpreter keeps a method's first
// body, so a later cell may declare a method again only as it was.
func TestMethodsRedeclaredInLaterCells(t *testing.T) {
	s := newSession(t)
	steps := []struct{ code, out, refused string }{
		{code: "type T struct{}\nfunc (T) M() int { return 1 }"},
		{code: "func (T) M() int { return 1 }\nfmt.Println(T{}.M())", out: "1\n"},
		{code: "func (T) M() int { return 2 }", refused: "method T.M was declared in an earlier cell with another body"},
		{code: "fmt.Println(T{}.M())", out: "1\n"},
		// Re-running the type's cell starts T again, with no methods.
		{code: "type T struct{}"},
		{code: "func (T) M() int { return 2 }\nfmt.Println(T{}.M())", out: "2\n"},
		{code: "type rev struct{ sort.Interface }"},
		{code: "func (r rev) Less(i, j int) bool { return r.Interface.Less(j, i) }", refused: "rev promotes Less from its embedded interface"},
		{code: "xs := []int{2, 3, 1}\nsort.Sort(rev{sort.IntSlice(xs)})\nfmt.Println(xs)", out: "[1 2 3]\n"},
	}
	if _, _, e := runCell(s, `import ("fmt"; "sort")`); e != nil {
		t.Fatal(e.Value)
	}
	for _, st := range steps {
		out, _, e := runCell(s, st.code)
		switch {
		case st.refused != "" && (e == nil || !strings.Contains(e.Value, st.refused)):
			t.Errorf("%q: got error %v, want one containing %q", st.code, e, st.refused)
		case st.refused == "" && e != nil:
			t.Errorf("%q: %s: %s", st.code, e.Name, e.Value)
		case out != st.out:
			t.Errorf("%q printed %q, want %q", st.code, out, st.out)
		}
	}
}

// A struct embedding an interface declared again (a notebook's cell run a
// second time) gets its promoted methods on the new type: they were declared
// on the old one, and n.Area() panicked with "invalid interface value".
func TestPromotedFromEmbeddedInterfaceRedeclared(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type Shape interface{ Area() float64 }\ntype Sq struct{ S float64 }\nfunc (s Sq) Area() float64 { return s.S * s.S }")
	decl := "type Named struct {\n\tShape\n\tName string\n}"
	run(t, s, decl)
	run(t, s, decl)
	prints(t, s, `n := Named{Sq{3}, "sq"}; var sh Shape = n; fmt.Println(n.Name, n.Area(), sh.Area())`, "sq 9 9\n")
}
