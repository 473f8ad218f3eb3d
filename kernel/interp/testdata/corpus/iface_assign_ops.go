// Operations (-i, i % 4, !ok, c * 2) whose value goes into an interface:
// assigned by = to a variable, an element, a field (of a cell's struct and of
// a compiled one), through a pointer, returned, declared, sent and passed.
// Each must arrive whole; none may end the function early.
package main

import (
	"container/list"
	"container/ring"
	"fmt"
)

// Celsius has a String method, so its operations can go into a fmt.Stringer.
// (The floats below are float32: an any holding a float64 could be a Celsius,
// which ratelab refuses to guess.)
type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

// Box is a cell's struct with an interface field.
type Box struct{ V any }

var global any

func neg(i int) any                 { return -i }
func not(b bool) any                { return !b }
func rem(i int) any                 { return i % 4 }
func sum(i int) any                 { return i + 1 }
func pair(i int) (int, any)         { return 1, -i }
func withErr(i int) (any, error)    { return i << 2, nil }
func colder(c Celsius) fmt.Stringer { return -c }
func warmer(c Celsius) fmt.Stringer { return c * 2 }

func main() {
	i, b, f, s, c := 7, true, float32(2.5), "ab", Celsius(1.5)

	var x any
	x = -i
	fmt.Println("local:", x)
	x = ^i
	fmt.Println("local:", x)
	x = +i
	fmt.Println("local:", x)
	x = i % 4
	fmt.Println("local:", x)
	x = i << 2
	fmt.Println("local:", x)
	x = i >> 1
	fmt.Println("local:", x)
	x = i &^ 1
	fmt.Println("local:", x)
	x = i ^ 5
	fmt.Println("local:", x)
	x = !b
	fmt.Println("local:", x)
	x = b && i > 9
	fmt.Println("local:", x)
	x = -f
	fmt.Println("local:", x)
	x = f * 3
	fmt.Println("local:", x)
	x = s + "c"
	fmt.Println("local:", x)

	var st fmt.Stringer
	st = -c
	fmt.Println("stringer:", st)
	st = c * 2
	fmt.Println("stringer:", st)

	xs := []any{0, 0, 0}
	xs[0] = -i
	xs[1] = i % 3
	xs[2] = !b
	fmt.Println("slice:", xs)

	var arr [2]any
	arr[0] = ^i
	arr[1] = i * 6
	fmt.Println("array:", arr)

	m := map[string]any{}
	m["neg"] = -i
	m["shr"] = i >> 2
	m["mul"] = i * 3
	fmt.Println("map:", m)

	var box Box
	box.V = -i
	fmt.Println("box:", box.V)
	box.V = i % 5
	fmt.Println("box:", box.V)
	pb := &box
	pb.V = i - 10
	fmt.Println("box:", box.V)

	p := &x
	*p = -f
	fmt.Println("pointer:", x)

	global = i << 3
	fmt.Println("global:", global)
	global = -i
	fmt.Println("global:", global)

	l := list.New()
	e := l.PushBack(0)
	e.Value = i + 1
	fmt.Println("list:", e.Value)
	e.Value = -i
	fmt.Println("list:", e.Value)
	e.Value = i * 2
	fmt.Println("list:", e.Value)

	r := ring.New(2)
	r.Value = i - 1
	r.Next().Value = i % 2
	r.Do(func(v any) { fmt.Println("ring:", v) })

	fmt.Println("returned:", neg(i), not(b), rem(i), sum(i))
	fmt.Println(pair(i))
	fmt.Println(withErr(i))
	fmt.Println("returned:", colder(c), warmer(c))

	var y any = -i
	var z fmt.Stringer = c * 3
	fmt.Println("declared:", y, z)

	ch := make(chan any, 1)
	ch <- -i
	fmt.Println("sent:", <-ch)

	show := func(v any) string { return fmt.Sprint(v) }
	fmt.Println("passed:", show(-i), show(i%3), show(!b), show(-c))

	fmt.Println("done")
}
