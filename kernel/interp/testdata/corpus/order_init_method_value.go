// Package-level variables initialised by a method value, a method expression, a
// closure and an interface value of types and functions declared after them.
package main

import (
	"fmt"
	"strings"
)

var greet = english.Say

var shout = Greeter.Loud

var twice = func(s string) string { return repeat(s, 2) }

var speakers = []Speaker{english, Greeter{prefix: "bonjour"}}

var english = Greeter{prefix: defaultPrefix}

type Speaker interface{ Say(string) string }

type Greeter struct{ prefix string }

func (g Greeter) Say(name string) string { return g.prefix + ", " + name }

func (g Greeter) Loud(name string) string { return strings.ToUpper(g.Say(name)) }

const defaultPrefix = "hello"

func repeat(s string, n int) string { return strings.Repeat(s, n) }

var counter = newCounter()

func newCounter() func() int {
	n := start
	return func() int { n++; return n }
}

var start = 10

func main() {
	fmt.Println(greet("ann"), shout(english, "bob"), twice("ab"))
	for _, s := range speakers {
		fmt.Println(s.Say("cy"))
	}
	fmt.Println(counter(), counter())
}
