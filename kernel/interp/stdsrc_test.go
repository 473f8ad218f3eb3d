package interp

import (
	"os"
	"strings"
	"testing"
)

// The generic standard packages (slices, maps, cmp, iter, errors.AsType) run in
// a cell as in Go: testdata/stdlib_program.go.txt calls every function with
// explicit type arguments, as the front end writes them, on ints, floats with a
// NaN, strings, a struct declared in the program and a named slice type, and
// prints the results; the cell must print what the program built by Go prints
// (bounds errors aside, see goBounds).
func TestGenericStdlibAsGo(t *testing.T) {
	src, err := os.ReadFile("testdata/stdlib_program.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	sameAsGo(t, string(src))
}

// Without type arguments, the calls whose types yaegi infers work too (not
// from untyped constants: cmp.Compare(2, 1) fails; the front end writes
// cmp.Compare[int](2, 1); nor through ~map[K]V or a result type: maps.Equal(m1,
// m2) fails to compile, maps.Equal[M, M, K, V](m1, m2) runs).
func TestGenericStdlibInferred(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("slices"; "cmp")`)
	expect(t, s,
		[2]string{`slices.Index([]int{4, 5, 6}, 6)`, "2"},
		[2]string{`slices.Contains([]string{"a"}, "a")`, "true"},
		[2]string{`cmp.Compare(int64(2), int64(1))`, "1"},
	)
}

// A panic in a cell's callback unwinds through package std's sort, as in Go,
// and leaves no stray lines.
func TestPanicThroughGenericSort(t *testing.T) {
	s := newSession(t)
	_, stderr, e := runCell(s, `import "slices"
slices.SortFunc[[]int, int]([]int{3, 1, 2}, func(a, b int) int { panic("no order") })`)
	if e == nil || e.Value != "no order" || stderr != "" {
		t.Errorf("error %v, stderr %q", e, stderr)
	}
}

// A session variable declared with a type and set from a generic call holds the
// call's result: yaegi left it empty (see splitGenericVarInit).
func TestTopLevelVarFromGenericCall(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "slices"
type point struct{ X float64 }
points := []point{{1}, {2}}`)
	expect(t, s, [2]string{`var ps []point = slices.Clone[[]point, point](points)
len(ps)`, "2"})
}

// unsafe is importable; syscall and packages the session does not have are
// refused with a message naming them, not with yaegi's advice to set GOPATH.
func TestUnsafeAndRefusedImports(t *testing.T) {
	s := newSession(t)
	expect(t, s, [2]string{`import "unsafe"
var word int64
p := unsafe.Pointer(&word)
*(*int64)(p) = 5
word + int64(unsafe.Sizeof(word))`, "13"})
	for _, c := range []struct{ code, want string }{
		{`import "syscall"`, `package "syscall" is not available in cells`},
		{`import "github.com/nobody/nothing"`, `package "github.com/nobody/nothing" is not available in cells`},
	} {
		e, _ := fail(t, s, c.code)
		if e.Name != "CompileError" || !strings.HasPrefix(e.Value, c.want) || strings.Contains(e.Value, "GOPATH") {
			t.Errorf("%s: %s: %s", c.code, e.Name, e.Value)
		}
	}
}
