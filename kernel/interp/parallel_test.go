package interp

import "testing"

// TestParallelAssignmentRefused checks the parallel assignments whose values
// cannot go in temporaries before them (desugar/parallel.go) are refused, not
// run with variables left unassigned.
func TestParallelAssignmentRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, "func f() int { return 1 }\nfunc g(i int) []int { return []int{i} }")
	failsSaying(t, s, "for i, xs := 0, []int{}; i < 3; i, xs = i+1, g(i) {\n\t_ = xs\n}", "the post statement of a for loop assigns several values at once")
	failsSaying(t, s, "xs := make([]int, 3)\nvar n int\nxs[f()], n = 2, f()", "an assignment whose left side calls a function")
	failsSaying(t, s, "var a, b int\nL:\na, b = f(), 2\nif a < 0 {\n\tgoto L\n}\n_ = b", "a labelled statement assigns several values at once")
}

// A cell's top level that reads a variable it declares again with := would read
// the new one (yaegi gives `q := q + 1` after `q := 14` the value 1, where Go
// gives 15): those reads are refused, and the same values by cells apart run.
func TestTopLevelRedeclaredReadsRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "q, r := 14, 2")
	failsSaying(t, s, "q := q + 1\nprintln(q)", "the cell reads q, which the cell's top level assigns by :=")
	failsSaying(t, s, "q, s := r, q\nprintln(q, r, s)", "the cell reads q")
	failsSaying(t, s, "a, b := 1, 2\na, c := b, a\nprintln(a, b, c)", "this statement reads a")
	run(t, s, "old := q")
	run(t, s, "q := old + 1")
	if out, _, e := runCell(s, "fmt.Print(q, old)"); e != nil || out != "15 14" {
		t.Errorf("q, old after cells apart: %q, %v; want 15 14", out, e)
	}
	if out, _, e := runCell(s, "q := 7\nfmt.Print(q)"); e != nil || out != "7" {
		t.Errorf("a cell declaring q again and reading its own q: %q, %v; want 7", out, e)
	}
}
