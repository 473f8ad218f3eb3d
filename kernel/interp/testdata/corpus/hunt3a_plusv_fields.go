// %+v and %v of a cell struct with fields of many kinds: nested struct, map,
// time.Time, Duration, complex, error, any, array, bytes, nil func/chan/pointer.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Inner struct {
	A int
	B []string
}

type Outer struct {
	Name  string
	In    Inner
	M     map[string]int
	T     time.Time
	D     time.Duration
	F     float64
	C     complex128
	E     error
	Any   any
	Arr   [2]bool
	Bytes []byte
	Fn    func()
	Ch    chan int
	PtrIn *Inner
	u     int
}

func main() {
	o := Outer{
		Name: "x", In: Inner{1, []string{"p", "q"}}, M: map[string]int{"b": 2, "a": 1},
		T: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), D: 1500 * time.Millisecond,
		F: -1.5, C: complex(1, -2), E: errors.New("boom"), Any: Inner{2, nil},
		Arr: [2]bool{true, false}, Bytes: []byte("hi"), u: 9,
	}
	fmt.Printf("%+v\n", o)
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", &o.In)
	fmt.Printf("%+v\n", []Inner{{3, nil}})
	fmt.Printf("%+v\n", map[string]Inner{"k": {4, []string{}}})
	fmt.Printf("%+v %+v\n", struct{ P *int }{nil}, Outer{}.E)
	fmt.Printf("%+d %+.1f %+v\n", 5, 2.0, 7)
}
