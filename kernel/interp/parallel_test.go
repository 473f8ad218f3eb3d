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
