// Values of named types that are not structs with a Format method beside
// String, Error or GoString, held in a fmt.Stringer, an error or an any: fmt
// calls Format first, as in Go.
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return "STR" }

func (c Celsius) Format(s fmt.State, v rune) { fmt.Fprintf(s, "FMT(%c %.1f)", v, float64(c)) }

type Code int

func (k Code) Format(s fmt.State, v rune) { fmt.Fprintf(s, "CODE(%c %d)", v, int(k)) }
func (k Code) GoString() string           { return "GOSTRING" }
func (k Code) Error() string              { return "ERROR" }

func main() {
	c := Celsius(3)
	fmt.Println(c)
	var x any = Celsius(3)
	fmt.Println(x)
	fmt.Printf("%v %s %d %T\n", x, x, x, x)
	var st fmt.Stringer = Celsius(2)
	fmt.Println(st)
	fmt.Printf("%v %#v %T %d\n", st, st, st, st)
	var e error = Code(1)
	fmt.Println(e)
	fmt.Printf("%v %#v %T %s\n", e, e, e, e)
	var a any = Code(2)
	fmt.Printf("%v %#v %T %s\n", a, a, a, a)
	k := Code(3)
	fmt.Printf("%v %#v %T %s\n", k, k, k, k)
	fmt.Println(fmt.Sprint(st, e), fmt.Sprintf("%x", e))
}
