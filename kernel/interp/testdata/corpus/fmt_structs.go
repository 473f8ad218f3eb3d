// fmt of exported structs declared in the program: %v, %+v, Stringer, errors.
package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Reading struct {
	Where string
	T     Temp
	At    *Point
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Println(p, &p == nil)
	r := Reading{"lab", 21.456, &Point{3, 4}}
	fmt.Printf("%v|%s|%v\n", r.T, r.T, []Temp{1, 2.25})
	fmt.Printf("%+v\n", *r.At)
	err := errors.New("sensor offline")
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(Temp(-3.25), []Point{{1, 2}, {3, 4}})
}
