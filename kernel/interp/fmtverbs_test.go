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

// A cell's value held in an error or a fmt.Stringer reaches fmt as yaegi's
// wrapper, which keeps the interface's methods only: the verbs for which fmt
// calls them print as Go does, the others are refused (before, %d of P{1, 2}
// in a fmt.Stringer printed the wrapper's fields, {2 15447552}).
func TestFmtWrappedValues(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type P struct{ X, Y int }\nfunc (p P) String() string { return fmt.Sprintf(\"(%d,%d)\", p.X, p.Y) }")
	run(t, s, "type Q struct{ A int }\nfunc (q *Q) Error() string { return \"q failed\" }")
	run(t, s, "var st fmt.Stringer = P{1, 2}\nvar err error = &Q{8}")
	for _, src := range []string{
		`fmt.Printf("%d\n", st)`,
		`fmt.Printf("%5.1f\n", st)`,
		`fmt.Printf("%#v\n", st)`,
		`fmt.Sprintf("%[1]v %[1]d", st)`,
		`fmt.Printf("%d\n", err)`,
		`fmt.Errorf("wrapped: %w (%d)", err, err)`,
		`fmt.Errorf("%t", &Q{9})`,
	} {
		failsSaying(t, s, src, "as Go would: it is a value of a type declared in a cell, held in an interface of a compiled package")
	}
	want := "(1,2) (1,2) [(1,2)] 28312c3229 \"(1,2)\" q failed | wrapped: q failed\n"
	prints(t, s, `fmt.Printf("%v %+v %s %x %q %v | %v\n", st, st, []string{st.String()}, st, st, err, fmt.Errorf("wrapped: %w", err))`, want)
}

// yaegi keeps of a struct with value-receiver methods, in an error or a
// fmt.Stringer, only its last field: %T of it must not name the field's type
// (it printed time.Duration, main.Other, or main.Temp, a session type whose
// underlying type is the field's), nor print the field with a verb.
func TestFmtWrappedStructsNotNamedByLastField(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("fmt"; "time")`)
	run(t, s, "type Other struct{ N int }\ntype Temp float64\nfunc (t Temp) String() string { return \"temp\" }")
	run(t, s, "type E struct{ Code int; D time.Duration }\nfunc (e E) Error() string { return \"e\" }")
	run(t, s, "type F struct{ Code int; In Other }\nfunc (f F) Error() string { return \"f\" }")
	run(t, s, "type Reading struct{ ID int; V float64 }\nfunc (r Reading) String() string { return \"reading\" }")
	for _, src := range []string{
		`fmt.Println(fmt.Errorf("%T", E{1, time.Second}))`,
		`fmt.Println(fmt.Errorf("%T", F{1, Other{2}}))`,
		`var st fmt.Stringer = Reading{7, 2.5}; fmt.Printf("%T\n", st)`,
		`var st2 fmt.Stringer = Reading{7, 2.5}; fmt.Printf("%.3f\n", st2)`,
	} {
		failsSaying(t, s, src, "ratelab cannot print")
	}
	prints(t, s, `var st3 fmt.Stringer = Reading{7, 2.5}; fmt.Printf("%v %s\n", st3, fmt.Errorf("%v", F{1, Other{2}}))`, "reading f\n")
}

// A cell's struct whose printing method fmt would call, handed to fmt without
// its methods (in a slice held in an any, through a type parameter, through a
// forwarded ...any), is refused: it printed [{1 2}] where Go prints [<1,2>].
// A type whose pointers only print through a method prints its values bare,
// as Go does.
func TestFmtNestedPrintingRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type P struct{ X, Y int }\nfunc (p P) String() string { return fmt.Sprintf(\"<%d,%d>\", p.X, p.Y) }")
	run(t, s, "type Q struct{ A int }\nfunc (q *Q) String() string { return \"q\" }\ntype R struct{ N int }")
	run(t, s, "func logf(format string, args ...any) { fmt.Printf(\"[log] \"+format, args...) }\nfunc Show[T any](x T) { fmt.Println(x) }")
	for _, src := range []string{
		`logf("%v\n", []P{{1, 2}})`,
		`Show([]P{{1, 2}})`,
		`var v any = []P{{1, 2}}; fmt.Println(v)`,
		`var x any = []*Q{{3}}; fmt.Println(x)`,
		`var m any = map[string]P{"a": {1, 2}}; fmt.Printf("%v\n", m)`,
	} {
		failsSaying(t, s, src, "it holds a value of type")
	}
	prints(t, s, "var w any = []Q{{3}}\nfmt.Println([]R{{1}}, w, P{1, 2}, []P{{3, 4}}[0])", "[{1}] [{3}] <1,2> <3,4>\n")
}

// A slice, array, map or pointer of a named non-struct type with a String
// method, in an interface or through a type parameter, reaches fmt as its
// underlying values ([]Temp as []float64), and a cell struct with such a field
// as a struct of bare values: printed, it would skip the method. Each is
// refused, through a forwarder of ...any too; the value of a type argument
// itself keeps its method.
func TestFmtNestedLookalikesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, "import \"fmt\"\ntype Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f°C\", float64(t)) }\n"+
		"type Reading struct{ At int; T Temp }\nfunc Show[T any](xs []T) { fmt.Println(xs) }\nfunc One[T any](x T) { fmt.Println(x) }\n"+
		"func logf(format string, args ...any) { fmt.Printf(format, args...) }")
	failsSaying(t, s, `var v any = []Temp{21.5, 22}; fmt.Println(v)`, "it is a []float64, whose float64 values could be of type main.Temp")
	failsSaying(t, s, `var m any = map[string][2]Temp{"a": {1, 2}}; fmt.Println(m)`, "whose float64 values could be of type main.Temp")
	failsSaying(t, s, `Show([]Temp{1})`, "it is a []float64, whose float64 values could be of type main.Temp")
	failsSaying(t, s, `var w any = Reading{1, 4}; fmt.Println(w)`, "a value of type main.Reading, with a field of type main.Temp")
	failsSaying(t, s, `var r any = []Reading{{1, 4}}; fmt.Println(r)`, "a value of type main.Reading, with a field of type main.Temp")
	failsSaying(t, s, `logf("%v\n", []Temp{1})`, "it is a []float64, whose float64 values could be of type main.Temp")
	prints(t, s, `One(Temp(3))`, "3.0°C\n")
	prints(t, s, `logf("%v %d\n", Temp(3), 4)`, "3.0°C 4\n")
	prints(t, s, `xs := []float64{1.5}; fmt.Println(xs, Reading{2, 5}.T)`, "[1.5] 5.0°C\n")
}
