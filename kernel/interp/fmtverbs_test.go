package interp

import "testing"

// A value of a named type declared in a cell that is not a struct, held in an
// any, cannot be told from a value of its underlying type: where fmt would name
// its type (a bad verb, %!d(main.F=1.5)) or call its String method, the print
// is refused, never printed as the underlying type's.
func TestFmtLookalikesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type F float64\ntype Sl []int\ntype SlS []int\nfunc (s SlS) String() string { return \"sls\" }")
	failsSaying(t, s, `var a any = F(1.5); fmt.Printf("%d\n", a)`, "cannot print this value with %d as Go would: fmt names its type there (%!d(main.F=…))")
	failsSaying(t, s, `var b any = SlS{1, 2}; fmt.Println(b)`, "it is a []int, or a main.SlS, which fmt prints through its String method")
	run(t, s, `var c any = F(2.5); fmt.Printf("%v %.1f\n", c, c)`)
}
