// Values of cell types printed by the methods of their method set only, as in
// Go: a value whose pointer type has Format, String, Error or GoString prints
// without them (directly, as a call's result and in an interface), a pointer
// with them; and GoString serves %#v beside String.
package main

import (
	"errors"
	"fmt"
)

type F struct{ A, B int }

func (f *F) Format(s fmt.State, c rune) { fmt.Fprint(s, "FORMAT") }

type S struct{ A int }

func (s *S) String() string { return "STRING" }

type E struct{ A int }

func (e *E) Error() string { return "ERROR" }

type G struct{ A int }

func (g *G) GoString() string { return "GOSTRING" }

type Both struct{ A int }

func (b Both) String() string              { return "VALUE-STRING" }
func (b *Both) Format(s fmt.State, c rune) { fmt.Fprint(s, "PTR-FORMAT") }

type Outer struct {
	F
	N int
}

type OuterP struct {
	*S
}

type N int

func (n *N) String() string { return "N-STRING" }

func mkF() F { return F{7, 8} }

type SG struct{ A int }

func (SG) String() string   { return "STR" }
func (SG) GoString() string { return "GOSTR" }

type GS struct{ A int }

func (GS) GoString() string { return "GOSTR" }

type ES struct{ A int }

func (ES) Error() string  { return "ERR" }
func (ES) String() string { return "STR" }

func main() {
	f := F{1, 2}
	fmt.Println(f, &f)
	fmt.Printf("%v %+v %d %v\n", f, f, f, &f)
	s := S{3}
	fmt.Println(s, &s)
	e := E{4}
	fmt.Println(e, &e)
	g := G{5}
	fmt.Printf("%#v %#v\n", g, &g)
	b := Both{6}
	fmt.Println(b, &b)
	o := Outer{F{1, 1}, 2}
	fmt.Println(&o)
	op := OuterP{&S{9}}
	fmt.Println(op)
	n := N(3)
	fmt.Println(n, &n == nil)
	fmt.Println(mkF())
	fmt.Println(fmt.Sprint(f), fmt.Sprintf("%v", s))
	fmt.Println(fmt.Errorf("e: %v", e), fmt.Errorf("e: %v", &e))
	var a any = f
	var pa any = &f
	fmt.Println(a, pa)
	var c any = s
	fmt.Println(c)
	var ea any = e
	fmt.Println(ea)
	var na any = n
	fmt.Println(na)
	fmt.Printf("%T %v\n", na, na)
	var ba any = b
	fmt.Println(ba)
	var ba2 fmt.Stringer = b
	fmt.Println(ba2)
	var err error = &e
	fmt.Println(err, errors.Unwrap(err) == nil)
	fmt.Println(fmt.Errorf("w: %w", err))
	sg, gs, es := SG{2}, GS{3}, ES{4}
	fmt.Printf("%v %#v %#v %v %#v %#v %v %v\n", sg, sg, &sg, gs, gs, &gs, es, &es)
	var sga any = sg
	fmt.Printf("%v %#v\n", sga, sga)
}
