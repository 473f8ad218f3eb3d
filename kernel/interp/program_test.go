package interp

import (
	"fmt"
	"testing"
)

// A pasted program may declare its types, methods, constants and variables
// below the main that uses them, as Go allows; the cell failed with
// "undefined: conn".
func TestProgramDeclaredInAnyOrder(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

var _ fmt.Stringer = conn{}

func main() {
	var c conn
	c.name = "x"
	fmt.Println(c, c.describe(), defaultLimit, limits, a, b)
	fmt.Println(table[3], order)
}

func (c conn) describe() string { return prefix + c.name }

func (c conn) String() string { return "<" + c.name + ">" }

const defaultLimit = 10

var limits = []int{defaultLimit, 2 * defaultLimit}

// Package variables are initialized in dependency order, else in the order
// declared.
var a = b + 1
var b = note("b", 2)
var x = note("x", 0)
var order []string

var table = build(4)

func build(n int) []square {
	t := make([]square, n)
	for i := range t {
		t[i] = square(i * i)
	}
	return t
}

func note(name string, v int) int { order = append(order, name); return v }

type square int

var prefix = "conn "

type conn struct{ name string }
`)
}

// Pieces depending on one another keep the cell's order; the rest come after
// what they name, nearest the cell's order first.
func TestDependencyOrder(t *testing.T) {
	for _, tc := range []struct {
		after [][]int
		want  string
	}{
		{[][]int{{}, {}, {}}, "[[0] [1] [2]]"},
		{[][]int{{2}, {2}, {}}, "[[2] [0] [1]]"},
		{[][]int{{1}, {0}, {}}, "[[0 1] [2]]"},
		{[][]int{{3}, {}, {0}, {}}, "[[1] [3] [0] [2]]"},
		{[][]int{{}, {2}, {1}, {1}}, "[[0] [1 2] [3]]"},
	} {
		if got := fmt.Sprint(dependencyOrder(tc.after)); got != tc.want {
			t.Errorf("dependencyOrder(%v) = %s, want %s", tc.after, got, tc.want)
		}
	}
}

// TestProgramPanicWritesNoStrayFrame checks that a program cell's panic comes
// out as its error alone: yaegi wrote "-: panic: main(...)" to the cell's
// stderr for main's frame, which has no position.
func TestProgramPanicWritesNoStrayFrame(t *testing.T) {
	src := "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n"
	_, stderr, e := runCell(newSession(t), src)
	if e == nil || e.Value != "assignment to entry in nil map" {
		t.Fatalf("error %v, want the nil map panic", e)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want none", stderr)
	}
}
