package main

import (
	"fmt"
	"strings"
)

type K struct{ a, b int }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

var trace []string

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

func id(v int) int { return v }

func command(cmd string) string {
	switch cmd {
	case strings.ToUpper("exit"), strings.ToUpper("quit"):
		return "bye"
	case "HELP", strings.Repeat("?", 1):
		return "help"
	default:
		return "unknown command"
	}
}

func classify(n int) string {
	trace = nil
	r := ""
	switch val("tag", n) {
	case val("a", 1), val("b", 2):
		r = "small"
	case val("c", 3):
		r = "three"
	default:
		r = "other"
	case val("d", 4), val("e", 5), val("f", 6):
		r = "big"
	}
	return r + " " + strings.Join(trace, ",")
}

func forms(n int) []string {
	a := 1
	m := map[string]int{"x": 2, "y": 3}
	xs := []int{5, 6, 7}
	var out []string
	switch n {
	case id(10), id(n):
		out = append(out, "call")
	}
	switch n {
	case 1, id(2):
		out = append(out, "const then call")
	}
	switch n {
	case a, a + 1:
		out = append(out, "arith")
	}
	switch n {
	case 1, m["x"]:
		out = append(out, "index map")
	}
	switch n {
	case 9, xs[0] - 3, -xs[1]:
		out = append(out, "index slice")
	}
	switch k := (K{n, n}); k {
	case K{1, 1}, K{2, 2}:
		out = append(out, "composite")
	}
	switch byte(n + 63) {
	case byte(64), byte(id(65)):
		out = append(out, "conversion")
	}
	switch c := Color(n); c {
	case Red, Color(id(2)):
		out = append(out, "named "+c.String())
	}
	p := &K{a: 3, b: 2}
	switch n {
	case 0, p.b:
		out = append(out, "field")
	}
	switch n {
	case 0, func() int { return 2 }():
		out = append(out, "func literal")
	}
	var s Shape = Sq{2}
	switch s {
	case Sq{1}, Shape(Sq{float64(n)}):
		out = append(out, "interface tag")
	}
	var x any = n
	switch x {
	case "two", id(2), 2.0:
		out = append(out, "any tag")
	}
	switch 2 {
	case 1, id(n):
		out = append(out, "constant tag")
	}
	switch k := (K{n, 1}); {
	case k == K{1, 1}, k == K{2, 1}:
		out = append(out, "tagless composite")
	}
	switch f := float64(n) / 2; f {
	case 0.5, float64(id(2)) / 2:
		out = append(out, "float")
	}
	return out
}

func flow(n int) string {
	var b strings.Builder
outer:
	for i := 0; i < 3; i++ {
		switch x := n + i; x {
		case 0, id(2):
			b.WriteString("a")
			fallthrough
		case 100, id(3):
			b.WriteString("b")
			if i == 1 {
				break
			}
			b.WriteString("c")
		case 7, id(4):
			b.WriteString("d")
			continue outer
		case 8, id(5):
			b.WriteString("e")
			break outer
		}
		b.WriteString(".")
	}
	return b.String()
}

func labelled(n int) string {
	r := ""
sw:
	switch x := id(n) * 2; x {
	case 0, id(2):
		r += "small"
		if n == 1 {
			break sw
		}
		r += "!"
	case 5, x - 1 + 1:
		r += "any"
	}
	return r
}

func main() {
	fmt.Println(labelled(0), labelled(1), labelled(3))
	cmd := "QUIT"
	switch cmd {
	case strings.ToLower("X"), strings.ToUpper("quit"):
		fmt.Println("top bye")
	default:
		fmt.Println("top default")
	}
	for _, c := range []string{"QUIT", "EXIT", "?", "HELP", "go"} {
		fmt.Println(c, command(c))
	}
	for n := 0; n <= 7; n++ {
		fmt.Println(n, classify(n))
	}
	fmt.Println(forms(2))
	fmt.Println(forms(1))
	for n := 0; n <= 5; n++ {
		fmt.Println(n, flow(n))
	}
}
