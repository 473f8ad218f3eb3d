package interp

import "testing"

// TestSwitchCaseLists checks a switch without a tag whose cases list several
// conditions: the interpreter tested only the first (case y < 0, y > 10 missed 11).
func TestSwitchCaseLists(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

func classify(y int, ok bool) string {
	switch {
	case y < 0, y > 10:
		return "out"
	case ok, y == 5:
		return "ok or five"
	case y == 3, y == 7:
		return "three or seven"
	}
	return "in"
}

func main() {
	for _, y := range []int{-1, 11, 5, 3, 7} {
		fmt.Println(y, classify(y, false), classify(y, true))
	}
}
`)
}
