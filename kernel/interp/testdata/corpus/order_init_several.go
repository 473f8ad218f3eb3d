// Several init functions, interleaved with the variables they read: all
// variables first (in dependency order), then each init in the order written.
package main

import "fmt"

var log []string

func note(s string) int {
	log = append(log, s)
	return len(log)
}

func init() {
	note(fmt.Sprint("init1 a=", a, " c=", c))
	a *= 10
}

var a = note("a")

func init() {
	note(fmt.Sprint("init2 a=", a, " b=", b))
	b = a + 1
}

var b = note("b")

func init() {
	note(fmt.Sprint("init3 b=", b, " c=", c, " d=", d))
}

var c = note("c") + d

var d = note("d")

func main() {
	for _, l := range log {
		fmt.Println(l)
	}
	fmt.Println(a, b, c, d)
}
