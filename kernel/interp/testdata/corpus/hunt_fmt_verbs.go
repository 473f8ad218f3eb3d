// fmt verbs on structs, pointers, maps, slices, floats, strings and custom types.
package main

import (
	"fmt"
	"os"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
	Tags  []string
	Meta  map[string]int
	next  *Item
}

type Level int

const (
	Low Level = iota
	Mid
	High
)

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Money int64

func (m Money) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "$%d.%02d", int64(m)/100, int64(m)%100)
}

func main() {
	it := Item{Name: "pen", Price: 1.5, Qty: 3, Tags: []string{"a", "b"}, Meta: map[string]int{"z": 1, "a": 2}}
	fmt.Printf("%v\n%+v\n", it, it)
	fmt.Printf("%#v\n", Item{Name: "x"})
	fmt.Printf("%T %T %T %T\n", it, &it, it.Tags, it.Meta)
	fmt.Printf("%q %q %q\n", "hi\n", 'x', []string{"a b", "c"})
	fmt.Printf("%x %X % x %x\n", "hey", []byte{1, 171}, "ab", 3.5)
	fmt.Printf("|%6.2f|%-8.3f|%08.3f|%+.1e|%g|%G|\n", 3.14159, 2.5, -1.25, 12345.678, 1e21, 1e-7)
	fmt.Printf("|%5s|%-5s|%.2s|%5.1q|\n", "ab", "cd", "xyz", "hello")
	fmt.Printf("|%5d|%-5d|%05d|%+d|% d|\n", 42, 42, -42, 42, 42)
	fmt.Printf("%v %d %s\n", Mid, int(High), Low)
	fmt.Printf("%v %+v\n", Level(0), High)
	fmt.Printf("%v %s\n", Money(12345), Money(7))
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%t %v\n", true, nil)
	fmt.Printf("%v %v\n", [2]bool{true}, struct{ A, b int }{1, 2})
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%!d %d\n", 1)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%c %c %U\n", 65, 0x4E16, 'é')
	fmt.Printf("%6.2f%%\n", 12.345)
	fmt.Printf("%v %.3v %10.4v|\n", 1.0/3, 1.0/3, 2.0/3)
	fmt.Printf("%v %v\n", float32(1)/3, complex(1, -2))
	fmt.Printf("%s\n", []byte("bytes"))
	fmt.Printf("%v\n", &[]int{1})
	fmt.Printf("%v %+v\n", &it.Qty != nil, &Item{Name: "p"})
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil))
	fmt.Println(fmt.Sprintln("x", 1), fmt.Sprintf("%3c|", 'z'))
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	var ip *int
	var e error
	fmt.Printf("%v %v %d\n", ip, e, []any{1, "a", nil})
	fmt.Printf("%08b %o %#o %#b\n", 5, 64, 64, 5)
	fmt.Printf("%.0f %.0f %.0f %.1f\n", 0.5, 1.5, 2.5, 0.05)
	fmt.Printf("%v\n", map[string][]int{"b": {2}, "a": {1}})
}
