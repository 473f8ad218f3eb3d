// Results of several values, one an error that may be a nil pointer of a
// program type, beside a package-level variable converted to an interface:
// the interface holds the value as it was at return.
package main

import "fmt"

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type NotFound struct{ K string }

func (e *NotFound) Error() string { return "nf " + e.K }

func find(k string) *NotFound {
	if k == "" {
		return nil
	}
	return &NotFound{k}
}

var cur = Sq{2}
var cp = &Sq{3}

func get(k string) (Shape, error)       { return cur, find(k) }
func getp(k string) (Shape, error, int) { return cp, find(k), len(k) }
func arr(k string) ([]Shape, Shape, error) {
	xs := []Sq{{1}, {2}}
	return nil, xs[1], find(k)
}

func main() {
	s, err := get("a")
	cur.S = 10
	fmt.Println(s.Area(), err)
	p, err2, n := getp("b")
	cp.S = 5
	fmt.Println(p.Area(), err2, n)
	var all []Shape
	for i := 0; i < 3; i++ {
		cur.S = float64(i)
		x, _ := get("k")
		all = append(all, x)
	}
	for _, x := range all {
		fmt.Print(x.Area(), " ")
	}
	fmt.Println()
	_, e, err3 := arr("z")
	fmt.Println(e.Area(), err3)
}
