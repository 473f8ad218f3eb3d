package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

type Named interface{ Name() string }

type Dog struct{ n string }

func (d Dog) Name() string   { return d.n }
func (d Dog) String() string { return "dog " + d.n }

var trace []string

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

func first(x int) string {
	switch {
	default:
		return "default"
	case x > 0:
		return "positive"
	case x > 1:
		return "big"
	}
}

func order(n int) string {
	trace = nil
	r := ""
	switch val("tag", n) {
	default:
		r = "none"
	case val("a", 1):
		r = "a"
	case val("b", 2):
		r = "b"
	case val("c", 3), val("d", 4):
		r = "cd"
	}
	return r + " " + strings.Join(trace, ",")
}

func chain(n int) string {
	r := ""
	switch n {
	case 0:
		r += "0"
	default:
		r += "d"
	case 1:
		r += "1"
		fallthrough
	case 2:
		r += "2"
		fallthrough
	case 3:
		r += "3"
	}
	return r
}

func kind(v any) string {
	switch v.(type) {
	default:
		return "other"
	case Named:
		return "named"
	case fmt.Stringer:
		return "stringer"
	case error:
		return "error"
	}
}

func main() {
	for x := 0; x < 3; x++ {
		fmt.Println(x, first(x))
	}
	for n := 0; n < 5; n++ {
		fmt.Println(n, order(n))
	}
	for n := 0; n < 5; n++ {
		fmt.Print(chain(n), " ")
	}
	fmt.Println()
	fmt.Println(kind(Dog{"rex"}), kind(errors.New("e")), kind(fs.ErrNotExist), kind(3))
	i := 7
	switch {
	default:
		fmt.Println("top default")
	case i > 5:
		fmt.Println("top > 5")
	case i > 6:
		fmt.Println("top > 6")
	}
}
