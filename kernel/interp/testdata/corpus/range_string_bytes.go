// Ranges over strings give each rune's byte offset, and utf8.RuneError one
// byte wide for each invalid byte; over []byte, []rune and string([]rune).
package main

import (
	"fmt"
	"strings"
)

type Text string

// offsets ranges over a value of a type parameter whose types are strings.
func offsets[S ~string](s S) (out []int) {
	for i, r := range s {
		out = append(out, i, int(r))
	}
	return out
}

func count[S string | Text](s S) (n int) {
	for i := range s {
		n += i
	}
	return n
}

func main() {
	samples := []string{"a\xffb\xe2\x82", "\xff\xfe", "héllo, 世界", "", "\xed\xa0\x80x", "\xf4\x90\x80\x80", "ab\xe2\x82\xac"}
	for _, s := range samples {
		for i, r := range s {
			fmt.Print(i, ":", r, " ")
		}
		fmt.Println()
		for i := range s {
			fmt.Print(i, " ")
		}
		n := 0
		for range s {
			n++
		}
		fmt.Println(n)
		for _, r := range s {
			fmt.Printf("%q ", r)
		}
		fmt.Println()
		for i, b := range []byte(s) {
			fmt.Print(i, ":", b, " ")
		}
		fmt.Println()
		for i, r := range []rune(s) {
			fmt.Print(i, ":", r, " ")
		}
		fmt.Println()
		for i, r := range string([]rune(s)) {
			fmt.Print(i, ":", r, " ")
		}
		fmt.Println()
	}

	var fs []func() string
	var i int
	var r rune
	for i, r = range "añb\xffc" {
		if r == 'b' {
			continue
		}
		if r == 'c' {
			break
		}
		fs = append(fs, func() string { return fmt.Sprint(i, string(r)) })
	}
	fmt.Println(i, r)
	for j, c := range "x€y" {
		fs = append(fs, func() string { return fmt.Sprint(j, string(c)) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

outer:
	for _, w := range strings.Fields("añ b€ \xffc") {
		for i, r := range w {
			i := i * 10
			if r == '€' {
				continue outer
			}
			if r == 0xFFFD {
				break outer
			}
			fmt.Print(i, string(r), " ")
		}
	}
	fmt.Println()

	t := Text("ü\x80")
	for i, r := range t {
		fmt.Print(i, r, " ")
	}
	const k = "çé"
	for i := range k {
		fmt.Print(i, " ")
	}
	calls := 0
	next := func() string { calls++; return "ab" }
	for range next() {
	}
	m := map[string]int{}
	for m["i"] = range "€x" {
	}
	fmt.Println(calls, m)
	fmt.Println(offsets(Text("ü\xffa")), offsets("€\xe2\x82"), count(Text("aé\x80b")), count("\xff\xfe"))
}
