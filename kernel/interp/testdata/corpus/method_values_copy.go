// Method values copy a value receiver when they are made, also when it is
// reached through a pointer or an embedded pointer; a nil pointer panics there.
package main

import (
	"fmt"
	"strings"
	"time"
)

type P struct{ N int }

func (p P) Get() int       { return p.N }
func (p *P) Ptr() int      { return p.N }
func (p P) String() string { return fmt.Sprint("P", p.N) }

type Q struct{ P }

type R struct{ *Q }

type Getter interface{ Get() int }

// Deep reaches P's methods through a pointer, then a value.
type Deep struct {
	Label string
	*Q
}

type W struct{ Getter }

func run(f func() int) int { return f() }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	p := &P{3}
	g := p.Get
	p.N = -5
	fmt.Println(g())

	v := P{4}
	h := v.Get
	v.N = 9
	fmt.Println(h())

	p2 := &P{5}
	later := func() int { return run(p2.Get) }
	r := run(p2.Get)
	p2.N = 7
	fmt.Println(r, later())

	xs := []P{{1}, {2}, {3}}
	ps := []*P{{1}, {2}}
	var fs []func() int
	for _, x := range xs {
		fs = append(fs, x.Get)
	}
	for i := range xs {
		fs = append(fs, xs[i].Get)
	}
	for _, q := range ps {
		fs = append(fs, q.Get, q.Ptr)
	}
	xs[0].N = 100
	ps[0].N = 200
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	m := map[string]func() int{"a": p.Get}
	p.N = 11
	fmt.Println(m["a"]())

	e, ep := P.Get, (*P).Get
	fmt.Println(e(*p), ep(p))

	qq := &Q{P{8}}
	qg, qp := qq.Get, qq.P.Get
	qq.N = 1
	fmt.Println(qg(), qp())

	rr := R{&Q{P{9}}}
	rg := rr.Get
	rr.N = 2
	fmt.Println(rg())

	pp := p.Ptr
	p.N = 12
	fmt.Println(pp())

	st := p.String
	p.N = 13
	fmt.Println(st())

	d := new(time.Duration)
	ds := d.String
	*d = 5
	fmt.Println(ds())

	w := &W{P{20}}
	wg := w.Get
	x := w.Getter
	xg := x.Get
	w = &W{P{21}}
	x = P{22}
	fmt.Println(wg(), xg())

	deep := Deep{"d", &Q{P{30}}}
	dg, dp := deep.Get, deep.Ptr
	old := deep.Q
	deep.Q = &Q{P{31}}
	old.N = 32
	fmt.Println(dg(), dp(), deep.Get())

	pb := &strings.Builder{}
	ws := pb.WriteString
	ws("abc")
	fmt.Println(pb.String())

	var np *P
	var ni Getter
	try("ni.Get", func() { ng := ni.Get; fmt.Println("not reached", ng != nil) })
	try("w.Get", func() { var nw W; ng := nw.Get; fmt.Println("not reached", ng != nil) })
	var nr R
	try("p.Get", func() { ng := np.Get; fmt.Println("not reached", ng != nil) })
	try("(*p).Get", func() { ng := (*np).Get; fmt.Println("not reached", ng != nil) })
	try("rr.Get", func() { ng := nr.Get; fmt.Println("not reached", ng != nil) })
	try("p.Ptr", func() { ng := np.Ptr; fmt.Println("reached", ng != nil) })
}
