// Shapes behind interfaces: value and pointer receivers, promoted methods
// through embedded structs, embedded interfaces, and interface values copied.
package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Base struct{ label string }

func (b Base) Name() string { return b.label }

type Rect struct {
	Base
	W, H float64
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Circle struct {
	*Base
	R float64
}

func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) Grow(f float64)     { c.R *= f }

type Square struct {
	Rect
}

func (s Square) Name() string { return "square:" + s.Rect.Name() }

func describe(s NamedShape) string {
	return fmt.Sprintf("%-12s area=%7.2f perim=%6.2f", s.Name(), s.Area(), s.Perimeter())
}

func total(shapes ...Shape) (sum float64) {
	for _, s := range shapes {
		sum += s.Area()
	}
	return
}

func main() {
	r := Rect{Base{"rect"}, 3, 4}
	c := &Circle{&Base{"circle"}, 1}
	sq := Square{Rect{Base{"sq"}, 2, 2}}

	shapes := []NamedShape{r, c, sq}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}

	// The interface holds a copy of r; changing r afterwards does not show.
	r.W = 10
	fmt.Printf("%.1f %.1f\n", shapes[0].Area(), r.Area())

	// The interface holds the pointer c; growing it shows.
	c.Grow(2)
	fmt.Printf("%.2f\n", shapes[1].Area())
	c.Base.label = "big circle"
	fmt.Println(shapes[1].Name())

	// A type switch and an assertion to a wider interface.
	for i, s := range shapes {
		switch v := s.(type) {
		case Rect:
			fmt.Println(i, "Rect", v.W, v.H)
		case *Circle:
			fmt.Println(i, "*Circle", v.R)
		default:
			fmt.Printf("%d %T\n", i, v)
		}
		if g, ok := s.(interface{ Grow(float64) }); ok {
			g.Grow(0.5)
			fmt.Println(i, "grown to", s.Area() > 3)
		}
	}

	var plain []Shape
	for _, s := range shapes {
		plain = append(plain, s)
	}
	sort.Slice(plain, func(i, j int) bool { return plain[i].Area() < plain[j].Area() })
	for _, s := range plain {
		fmt.Printf("%T %.3f\n", s, s.Area())
	}
	fmt.Printf("total %.3f\n", total(plain...))

	var n Named = sq
	if ns, ok := n.(NamedShape); ok {
		fmt.Println("named shape", ns.Name(), ns.Perimeter())
	}
	var n2 Named = sq.Rect
	fmt.Println(n2.Name(), n == n2, n2 == Named(Rect{Base{"sq"}, 2, 2}))
}
