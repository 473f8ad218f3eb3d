package main

import (
	"errors"
	"fmt"
	"sort"
)

type Shape interface {
	Area() float64
}

type Namer interface {
	Name() string
}

type NamedShape interface {
	Shape
	Namer
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Tri struct{ A, B, C int }
type Key struct {
	Name string
	N    int
}

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (t Tri) Area() float64     { return float64(t.A+t.B+t.C) / 2 }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func find(fail bool) error {
	if fail {
		return &MyErr{404}
	}
	return nil
}

func classify(v any) string {
	switch x := v.(type) {
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string " + x
	case nil:
		return "nil"
	case NamedShape:
		return "named " + x.Name()
	case Shape:
		return fmt.Sprintf("shape %.1f", x.Area())
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Tri{1, 2, 3}}
	for _, s := range shapes {
		if n, ok := s.(Namer); ok {
			fmt.Println("namer:", n.Name())
		}
		if ns, ok := s.(NamedShape); ok {
			fmt.Println("named shape", ns.Name(), ns.Area())
		} else {
			fmt.Printf("%T %.2f\n", s, s.Area())
		}
	}
	for _, v := range []any{1, int64(2), "s", nil, Rect{1, 1}, &Circle{2}, &MyErr{1}, 2.5, Tri{}} {
		fmt.Println(classify(v))
	}

	err := find(false)
	fmt.Println(err == nil, err != nil)
	var e2 error
	fmt.Println(e2 == nil)
	var me *MyErr
	fmt.Println(errors.As(find(true), &me), me.Code)

	counts := map[any]int{}
	keys := []any{1, "1", Key{"a", 2}, Key{"a", 2}, [2]int{1, 2}, [2]int{1, 2}, 1.0, int64(1), true}
	for _, k := range keys {
		counts[k]++
	}
	fmt.Println(len(counts), counts[Key{"a", 2}], counts[[2]int{1, 2}], counts[1], counts[int64(1)])
	var s1, s2 Shape = Rect{1, 2}, Rect{1, 2}
	var s3 Shape = Tri{1, 2, 3}
	c1, c2 := &Circle{1}, &Circle{1}
	var s4, s5 Shape = c1, c2
	fmt.Println(s1 == s2, s1 == s3, s4 == s5, s4 == Shape(c1))
	var a1, a2 any = [2]string{"a", "b"}, [2]string{"a", "b"}
	fmt.Println(a1 == a2, a1 != any([2]string{"a", "c"}))

	byName := map[string]Shape{"unit": Rect{1, 1}, "flat": Tri{0, 0, 0}}
	names := []string{}
	for k, v := range byName {
		names = append(names, fmt.Sprintf("%s:%.1f", k, v.Area()))
	}
	sort.Strings(names)
	fmt.Println(names)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var k1 any = Key{"k", 1}
		m := map[any]bool{}
		m[k1] = true
		fmt.Println(m[Key{"k", 1}], m[Key{"k", 2}])
	}()
}
