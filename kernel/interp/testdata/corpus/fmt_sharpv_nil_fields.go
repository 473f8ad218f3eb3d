// %#v of a cell struct with nil interface fields and a []byte field, below the
// top: named as printValue names them.
package main

import "fmt"

type Rec struct {
	Name string
	E    error
	A    any
	S    fmt.Stringer
	P    *int
	M    map[string]int
	Bs   []byte
}

func main() {
	fmt.Printf("%#v\n", Rec{Name: "x", Bs: []byte("hi")})
	fmt.Printf("%#v\n", []error{nil})
	fmt.Printf("%#v\n", struct{ E error }{})
	fmt.Printf("%#v %#v\n", []byte("a"), []Rec{{Name: "y"}})
}
