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

// TestSwitchFallthroughDefaultRefused checks a fallthrough into or out of a
// default clause that is not the last of its switch is refused
// (desugar/switchcases.go): yaegi runs another clause there. A default that no
// fallthrough touches is moved last, and the other clauses keep their order and
// their fallthroughs.
func TestSwitchFallthroughDefaultRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	failsSaying(t, s, "n := 1\nswitch n {\ncase 1:\n\tfmt.Print(\"one \")\n\tfallthrough\ndefault:\n\tfmt.Print(\"default \")\ncase 3:\n\tfmt.Print(\"three\")\n}",
		"fallthrough into a default clause that is not the last clause of its switch")
	failsSaying(t, s, "func f(n int) {\n\tswitch {\n\tcase n == 1:\n\tdefault:\n\t\tfmt.Print(\"default \")\n\t\tfallthrough\n\tcase n == 3:\n\t\tfmt.Print(\"three\")\n\t}\n}",
		"fallthrough out of a default clause that is not the last clause of its switch")
	run(t, s, "func g(n int) string {\n\tr := \"\"\n\tswitch n {\n\tdefault:\n\t\tr += \"d\"\n\tcase 1:\n\t\tr += \"1\"\n\t\tfallthrough\n\tcase 2:\n\t\tr += \"2\"\n\t\tfallthrough\n\tcase 3:\n\t\tr += \"3\"\n\t}\n\treturn r\n}")
	if out, _, e := runCell(s, "fmt.Print(g(0), g(1), g(2))"); e != nil || out != "d12323" {
		t.Errorf("default first, fallthrough between cases: %q, %v; want d12323", out, e)
	}
}

// A type declared in a function or block with the name of a session type is
// refused: yaegi resolved the name to the session's type, so a local struct
// printed through the session type's String method (hunt4b S4). A local type
// of a name of its own runs.
func TestLocalTypeShadowingRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, "import \"fmt\"\ntype Point struct{ X, Y int }\nfunc (p Point) String() string { return fmt.Sprintf(\"P(%d,%d)\", p.X, p.Y) }")
	failsSaying(t, s, "func local() { type Point struct{ X, Y int }; fmt.Println(Point{1, 2}) }", "type Point declared inside a function or block, with the name of the session's type Point")
	failsSaying(t, s, "{ type Point [2]int; fmt.Println(Point{3, 4}) }", "type Point declared inside a function or block")
	prints(t, s, "func ok() { type item struct{ N int }; fmt.Printf(\"%T %v\\n\", item{1}, item{2}) }; ok()", "main.item {2}\n")
}
