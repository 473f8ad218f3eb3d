// Values of Stringer types through generics: a type parameter printed
// directly, a generic Stack whose String prints its elements, a Stringer constraint.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) String() string {
	var sb strings.Builder
	for i, it := range s.items {
		if i > 0 {
			sb.WriteString(" ")
		}
		fmt.Fprint(&sb, it)
	}
	return sb.String()
}

func Show[T any](x T) { fmt.Println("show:", x) }

func Join[T fmt.Stringer](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, ",")
}

func main() {
	Show(Celsius(3))
	Show(Point{1, 2})
	var st Stack[Celsius]
	st.Push(1)
	st.Push(2.5)
	fmt.Println(st.String())
	var sp Stack[Point]
	sp.Push(Point{3, 4})
	fmt.Println(sp.String())
	fmt.Println(Join([]Celsius{5, 6}), Join([]Point{{7, 8}}))
}
