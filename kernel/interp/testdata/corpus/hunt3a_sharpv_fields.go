// %#v of cell structs as fmt writes it: nested cell structs, slices, maps and
// arrays of them, embedded structs, compiled types (Duration, Month, Time, big.Int),
// nil func/chan/map, unexported fields, an anonymous struct field.
package main

import (
	"fmt"
	"math/big"
	"time"
)

type Inner struct {
	A int
	B []string
}

type Rec struct {
	Name string
	D    time.Duration
	M    time.Month
	In   Inner
	Ins  []Inner
	Map  map[string]Inner
	F    float64
	Any  any
	T    time.Time
	Big  big.Int
}

func main() {
	r := Rec{Name: "x", D: time.Second, M: time.May, In: Inner{1, nil}, Ins: []Inner{{2, []string{"q"}}},
		Map: map[string]Inner{"k": {3, nil}}, F: 2, Any: Inner{4, nil}, T: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	fmt.Printf("%#v\n", r.In)
	fmt.Printf("%#v\n", r.Ins)
	fmt.Printf("%#v\n", r.Map)
	fmt.Printf("%#v %#v %#v %#v\n", r.D, r.M, r.F, r.Any)
	fmt.Printf("%#v\n", []any{1, "a", Inner{}})
	fmt.Printf("%#v\n", r)
	wide()
}

type Cell struct{ A int }

type Celsius float64

type Wide struct {
	Cell
	C   Celsius
	Arr [2]Cell
	F   func()
	Ch  chan int
	u   uint8
	R   rune
	St  struct{ X, Y int }
	Cx  complex64
	Ms  map[Cell]bool
}

func wide() {
	r := Wide{Cell: Cell{1}, C: 1.5, u: 7, R: 'x', Ms: map[Cell]bool{{2}: true}}
	fmt.Printf("%#v\n", r)
	fmt.Printf("%#v %#v\n", r.Arr, r.St)
	fmt.Printf("%#v\n", []Wide{})
	fmt.Printf("%#v\n", map[string][]Cell{"a": nil})
}
