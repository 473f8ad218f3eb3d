package main

import "fmt"

var trace []string

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

func classify(n int) string {
	trace = trace[:0]
	switch val("tag", n) {
	case val("a", 1):
		return "one"
	case val("b", 2):
		return "two"
	case val("c", 3):
		return "three"
	default:
		return "other"
	case val("d", 4):
		return "four"
	}
}

func bools(x int) []string {
	var out []string
	switch {
	case x > 0 && func() bool { out = append(out, "checked"); return true }():
		out = append(out, "positive")
		if x > 5 {
			break
		}
		out = append(out, "small positive")
		fallthrough
	case false:
		out = append(out, "fell")
	default:
		out = append(out, "default")
	}
	return out
}

func main() {
	for _, n := range []int{2, 3, 4, 9} {
		r := classify(n)
		fmt.Println(n, r, trace)
	}
	fmt.Println(bools(3), bools(7), bools(-1))
	x := 5
	switch y := x * 2; {
	case y > 8:
		x := y + 1
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	switch v := any(x).(type) {
	case int, string:
		fmt.Printf("%T %v\n", v, v)
	}
	var e any
	switch e.(type) {
	case nil:
		fmt.Println("nil case")
	}
	count := 0
	for i := 0; i < 10; i++ {
		switch i % 3 {
		case 0:
			continue
		case 1:
			count += 10
			if i > 5 {
				break
			}
			count++
		}
		count++
	}
	fmt.Println(count)
}
