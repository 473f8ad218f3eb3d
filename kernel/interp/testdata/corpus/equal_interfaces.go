// Comparing values of the program's types held in interfaces: slices.Equal,
// Index, Contains and Compact, maps.Equal and reflect.DeepEqual over []Shape,
// []any and map[string]Shape, beside == on the values themselves.
package main

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
)

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Label struct {
	Name  string
	Shape Shape
	Tags  []any
}

var errEmpty = errors.New("empty")

func main() {
	a := []Shape{Square{1}, Circle{2}}
	b := []Shape{Square{1}, Circle{2}}
	c := []Shape{Square{1}, Circle{3}}
	d := []Shape{Square{1}, Square{2}}
	fmt.Println("slices.Equal:", slices.Equal(a, b), slices.Equal(a, c), slices.Equal(a, d))
	fmt.Println("slices.Index:", slices.Index(a, Shape(Circle{2})), slices.Index(a, Shape(Square{2})), slices.Index(d, Shape(Square{2})))
	fmt.Println("slices.Contains:", slices.Contains(c, Shape(Circle{3})), slices.Contains(c, Shape(Circle{2})))
	runs := []Shape{Square{1}, Square{1}, Circle{1}, Circle{1}, Square{1}}
	fmt.Println("slices.Compact:", len(slices.Compact(runs)))
	anys := []any{1, "x", Square{4}}
	fmt.Println("[]any:", slices.Index(anys, any(Square{4})), slices.Equal(anys, []any{1, "x", Square{4}}), slices.Contains(anys, any(Square{5})))
	errs := []error{errEmpty, fmt.Errorf("wrapped: %w", errEmpty)}
	fmt.Println("[]error:", slices.Index(errs, errEmpty), slices.Contains(errs, error(nil)))

	m1 := map[string]Shape{"s": Square{2}, "c": Circle{1}}
	m2 := map[string]Shape{"s": Square{2}, "c": Circle{1}}
	m3 := map[string]Shape{"s": Square{2}, "c": Square{1}}
	fmt.Println("maps.Equal:", maps.Equal(m1, m2), maps.Equal(m1, m3))

	fmt.Println("DeepEqual slices:", reflect.DeepEqual(a, b), reflect.DeepEqual(a, c), reflect.DeepEqual(a, d))
	fmt.Println("DeepEqual maps:", reflect.DeepEqual(m1, m2), reflect.DeepEqual(m1, m3))
	l1 := Label{"one", Circle{1}, []any{Square{1}, 2}}
	l2 := Label{"one", Circle{1}, []any{Square{1}, 2}}
	l3 := Label{"one", Circle{1}, []any{Square{1}, 3}}
	fmt.Println("DeepEqual structs:", reflect.DeepEqual(l1, l2), reflect.DeepEqual(l1, l3), reflect.DeepEqual(&l1, &l2))
	var x, y any = Square{5}, Square{5}
	fmt.Println("==:", x == y, a[0] == b[0], a[1] == c[1])
}
