// Printing values of named, interface and error types: %T, %v, %#v, Stringers held in interfaces, log.Logger.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type Celsius float64

type Names []string

type Grid [2][2]int

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64  { return 3 * c.R * c.R }
func (c Circle) String() string { return fmt.Sprintf("circle(%g)", c.R) }

type Rect struct{ W, H float64 }

func (r *Rect) Area() float64  { return r.W * r.H }
func (r *Rect) String() string { return fmt.Sprintf("rect %gx%g", r.W, r.H) }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Plain struct{ A int }

func (p Plain) Area() float64 { return float64(p.A) }

func Average[T ~float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s / T(len(xs))
}

func main() {
	c := Celsius(21.5)
	fmt.Printf("%T %v %#v\n", c, c, c)
	fmt.Printf("%T %v %#v\n", Average([]Celsius{1, 2}), Average([]Celsius{1, 2}), Average([]Celsius{3}))
	ns := Names{"a", "b"}
	fmt.Printf("%T %v %#v %+v\n", ns, ns, ns, ns)
	fmt.Printf("%T %v %#v\n", []Celsius{1}, []Celsius{1}, []Celsius{1})
	fmt.Printf("%T %v\n", map[string]Celsius{"x": 1}, map[string]Celsius{"x": 1})
	fmt.Printf("%T %v %#v\n", Grid{}, Grid{{1, 2}}, Grid{})
	fmt.Printf("%T %T\n", &c, &ns)
	shapes := []Shape{Circle{1}, &Rect{2, 3}, Plain{4}}
	for i, s := range shapes {
		fmt.Println(i, s)
		fmt.Printf("%v|%s|%T|%+v|%d\n", s, s, s, s, i)
	}
	var err error = NotFound{"k"}
	var a any = NotFound{"j"}
	fmt.Println(err, a)
	fmt.Printf("%v %T %T\n", a, a, err)
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == err)
	var nilRect *Rect
	var s2 Shape = nilRect
	fmt.Println(s2)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%v %T", shapes[0], c)
	fmt.Println(sb.String())
	l := log.New(os.Stdout, "", 0)
	l.Println(shapes[1], c)
	l.Printf("%T", ns)
}
