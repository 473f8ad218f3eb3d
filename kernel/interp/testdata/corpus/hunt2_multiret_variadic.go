// Multiple results passed straight to calls f(g()), variadic calls with
// slices..., shadowing in if/switch/for, and interface variadics.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func minmax(xs ...int) (lo, hi int) {
	if len(xs) == 0 {
		return 0, 0
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func pair(a, b int) string { return fmt.Sprintf("<%d,%d>", a, b) }

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func sum(xs ...float64) (t float64) {
	for _, x := range xs {
		t += x
	}
	return
}

func appendAll(dst []int, srcs ...[]int) []int {
	for _, s := range srcs {
		dst = append(dst, s...)
	}
	return dst
}

func logf(format string, args ...any) string {
	return fmt.Sprintf("[%d args] ", len(args)) + fmt.Sprintf(format, args...)
}

func split(s string) (string, string, bool) { return strings.Cut(s, "=") }

func kv(k, v string, ok bool) string {
	if !ok {
		return k + " (no value)"
	}
	return k + " -> " + v
}

func main() {
	fmt.Println(pair(divmod(17, 5)))
	fmt.Println(divmod(-17, 5))
	fmt.Println(minmax(5, 2, 9, -3, 7))
	fmt.Println(pair(minmax()))
	nums := []int{4, 8, 15, 16, 23, 42}
	fmt.Println(pair(minmax(nums...)))
	fmt.Println(join("-"), join("-", "a"), join("/", []string{"x", "y", "z"}...))
	fmt.Println(sum(), sum(1.5, 2.5), sum([]float64{0.1, 0.2}...))
	a := appendAll(nil, []int{1}, nil, []int{2, 3})
	b := appendAll(a[:1], [][]int{a[1:], {7}}...)
	fmt.Println(a, b, len(b))
	fmt.Println(logf("%s=%d", "x", 3), logf("none"))
	args := []any{"y", 4}
	fmt.Println(logf("%v/%v", args...))
	fmt.Println(kv(split("name=ratelab")))
	fmt.Println(kv(split("flag")))

	x := 10
	if x := x * 2; x > 15 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	for x := 0; x < 2; x++ {
		x := x + 100
		fmt.Print(x, " ")
	}
	fmt.Println(x)
	switch x := strconv.Itoa(x); x {
	case "10":
		fmt.Println("string x", x+x)
	}
	if n, err := strconv.Atoi("12a"); err != nil {
		fmt.Println("err", n, err)
	} else if n > 5 {
		fmt.Println("big")
	}
	var err error
	if _, err := strconv.ParseBool("maybe"); err != nil {
		fmt.Println("inner err set")
	}
	fmt.Println("outer err", err)
	q, r := divmod(100, 7)
	r, q = q, r
	fmt.Println(q, r)
	fmt.Println(fmt.Sprint(divmod(9, 4)), fmt.Sprintln(minmax(3, 1)))
}
