// Assignments that replace a whole variable must write into it: pointers to
// it, method values bound to it and closures over it see the new value.
package main

import (
	"fmt"
	"time"
)

type Point struct{ X, Y int }

func (p *Point) Sum() int { return p.X + p.Y }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Named struct {
	Point
	Name string
}

var origin Point
var originPtr = &origin

func moveOrigin() { origin = Point{7, 8} }

// lastOf ranges into its named result, a variable of a type parameter.
func lastOf[S ~[]E, E any](s S) (e E) {
	p := &e
	for _, e = range s {
	}
	return *p
}

// drain receives into its named result until ch is closed.
func drain[T any](ch chan T) (t T) {
	for t = range ch {
	}
	return
}

func next(ch chan Point) Point { return <-ch }

// skipTwo continues its labelled range from an inner loop.
func skipTwo() (int, Point) {
	i, v := 0, Point{}
	sum := 0
outer:
	for i, v = range []Point{{1, 0}, {2, 0}, {3, 0}} {
		for {
			if v.X == 2 {
				continue outer
			}
			break
		}
		sum += v.X
	}
	return i + sum*10, v
}

func main() {
	v := Point{1, 2}
	q := &v
	read := func() Point { return v }
	sum := v.Sum
	v = Point{3, 4}
	fmt.Println("literal:", *q, read(), sum())

	ch := make(chan Point, 4)
	ch <- Point{5, 6}
	v = <-ch
	fmt.Println("receive:", *q, read())

	n := 1
	np := &n
	ints := make(chan int, 1)
	ints <- 2
	n = <-ints
	fmt.Println("receive int:", *np)

	holder := struct{ P Point }{}
	ch <- Point{9, 9}
	holder.P = <-ch
	fmt.Println("receive into a field:", holder.P)

	var s fmt.Stringer = Point{}
	sp := &s
	iface := make(chan fmt.Stringer, 1)
	iface <- Point{1, 1}
	s = <-iface
	fmt.Println("receive interface:", *sp)

	for _, v = range []Point{{10, 0}, {11, 0}} {
	}
	fmt.Println("range value:", *q, read())

	k := -1
	for k = range []string{"a", "b", "c"} {
	}
	fmt.Println("range key:", k)

	var shown []fmt.Stringer
	for _, s = range []Point{{1, 2}, {3, 4}} {
		shown = append(shown, s)
	}
	fmt.Println("range into interface:", s, shown)

	var key Point
	for key = range map[Point]bool{{12, 13}: true} {
	}
	fmt.Println("range map key:", key)

	ch <- Point{14, 0}
	ch <- Point{15, 0}
	close(ch)
	fmt.Println("range channel:", drain(ch), lastOf([]Point{{16, 0}, {17, 0}}), lastOf([]int{18, 19}))
	at, last := skipTwo()
	fmt.Println("labelled range:", at, last)

	more := make(chan Point, 1)
	more <- Point{20, 0}
	fmt.Println("return receive:", next(more))

	ok := false
	more <- Point{21, 0}
	select {
	case v, ok = <-more:
	}
	fmt.Println("select:", *q, read(), ok)

	for i := 0; i < 3; i++ {
		v = Point{30 + i, 0}
	}
	fmt.Println("loop:", *q)

	done := make(chan bool)
	go func() {
		v = Point{40, 0}
		done <- true
	}()
	<-done
	fmt.Println("goroutine:", *q)

	moveOrigin()
	fmt.Println("package variable:", *originPtr)

	nm := Named{Point{1, 1}, "a"}
	inner := &nm.Point
	nm = Named{Point{2, 2}, "b"}
	fmt.Println("embedded:", *inner, nm.Sum())

	anon := struct{ A int }{1}
	ap := &anon
	anon = struct{ A int }{2}
	fmt.Println("anonymous:", ap.A)

	var zero Point
	zp := &zero
	zero = Point{50, 0}
	fmt.Println("declared without value:", *zp)

	t := time.Date(2024, 1, 2, 3, 0, 0, 0, time.UTC)
	tp := &t
	t = time.Time{}
	fmt.Println("time.Time:", tp.IsZero())
}
