// Constants of named types declared in the program, with and without a String
// method, printed with fmt's verbs, next to conversions and variables.
package main

import (
	"fmt"
	"log"
	"os"
	"strconv"
)

type Code int

func (c Code) String() string { return "code" + strconv.Itoa(int(c)) }

const Two Code = 2

type Plain int

const Three Plain = 3

type Name string

const Bob Name = "bob"

// Money prints itself through fmt.Formatter, which fmt asks before String.
type Money int64

func (m Money) Format(f fmt.State, verb rune) {
	if verb == 'd' {
		fmt.Fprintf(f, "%d¢", int64(m))
		return
	}
	fmt.Fprintf(f, "$%d.%02d", int64(m)/100, int64(m)%100)
}

const Price Money = 250

func show(a any) { fmt.Printf("%T %v %d\n", a, a, a) }

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	n := 5
	v := Code(7)
	fmt.Printf("%d %x %v %s %q %5d|\n", Code(2), Code(2), Code(2), Code(2), Code(2), Code(2))
	fmt.Printf("%d %x %v %s %q %5d|\n", Two, Two, Two, Two, Two, Two)
	fmt.Printf("%d %x %v %s %q %5d|\n", Code(n), Code(n), Code(n), Code(n), Code(n), Code(n))
	fmt.Printf("%d %x %v %s %q %5d|\n", v, v, v, v, v, v)
	fmt.Println(Code(2), Two, Code(n), v)
	fmt.Print(Code(2), Two, Code(n), v, "\n")
	fmt.Println(fmt.Sprint(Two), fmt.Sprintf("%d|%v", Two, Two))
	fmt.Printf("%d %v %T\n", Three, Three, Three)
	fmt.Printf("%T %T %+v %#v\n", Two, v, Two, Two)
	fmt.Fprintln(os.Stdout, Two, Three)
	fmt.Println(Two+1, -Two, Two*Code(3))
	show(Two)
	log.Println(Two, Three)
	fmt.Printf("%v %s %q %T\n", Bob, Bob, Bob, Bob)
	fmt.Println(fmt.Sprintf("%03d|%-4d|%+d|%o|%b|%X|%c|%U", Two, Two, Two, Two, Two, Two, Code(65), Code(65)))
	fmt.Println(fmt.Errorf("e %v %d", Two, Two))
	fmt.Print(Three, Three, "\n")
	fmt.Println(fmt.Sprint(Two, Two), fmt.Sprint(Three, Three))
	m := Money(7)
	var held any = m
	fmt.Printf("%v|%d|%s|%#v|%x|%T|%8v|\n", Price, Price, Money(3), Price, m, Price, m)
	fmt.Println(Price, m, held, fmt.Errorf("cost %v", Price))
}
