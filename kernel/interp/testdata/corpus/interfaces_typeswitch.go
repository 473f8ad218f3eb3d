// Interfaces, type switches, type assertions, nil interfaces, Stringer.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(%g)", c.R) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case Shape:
		return fmt.Sprintf("shape with area %.2f", x.Area())
	case error:
		return "error " + x.Error()
	case []int:
		return fmt.Sprint("ints ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Perimeter()
		if c, ok := s.(Circle); ok {
			fmt.Println("circle radius", c.R, c)
		}
	}
	fmt.Printf("%.3f\n", total)
	for _, v := range []any{nil, 3, int64(4), "hey", Circle{2}, fmt.Errorf("e"), []int{1}, 2.5} {
		fmt.Println(describe(v))
	}
	var s Shape
	fmt.Println(s == nil)
	var r *Rect
	fmt.Println(r == nil)
	_, ok := any(r).(Shape)
	fmt.Println(ok)
}
