// Interfaces and type switches: multiple types per case, nil, embedded interfaces, assertions.
package main

import (
	"errors"
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case float64:
		return fmt.Sprintf("float %.2f", x)
	case string:
		return "string " + x
	case []int:
		return fmt.Sprintf("ints len %d", len(x))
	case error:
		return "error " + x.Error()
	case Shape:
		return fmt.Sprintf("shape %.2f", x.Area())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Square{Rect{2, 2}}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		switch v := s.(type) {
		case Rect:
			fmt.Println("rect", v.W)
		case *Circle:
			v.R *= 2
			fmt.Println("circle", v.R)
		default:
			fmt.Printf("%T %v\n", v, v)
		}
	}
	fmt.Printf("%.4f %.4f\n", total, shapes[1].Area())
	vals := []any{nil, 3, int64(4), 2.5, "hi", []int{1, 2}, errors.New("bad"), Rect{1, 1}, struct{}{}, uint8(1)}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	var s Shape = Rect{5, 1}
	if r, ok := s.(Rect); ok {
		r.W = 100
		fmt.Println(r.W, s.(Rect).W)
	}
	if _, ok := s.(*Circle); !ok {
		fmt.Println("not a circle")
	}
	var st fmt.Stringer
	fmt.Println(st == nil)
	var np *Circle
	s = np
	fmt.Println(s == nil, s != nil)
	var e any = 7
	switch e {
	case 7.0:
		fmt.Println("float seven")
	case 7:
		fmt.Println("int seven")
	}
	n, ok := e.(int)
	m, ok2 := e.(string)
	fmt.Printf("%d %v %q %v\n", n, ok, m, ok2)
}
