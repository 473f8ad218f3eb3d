package interp

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/kernel/interp/exportdata"
)

// The generic standard packages (slices, maps, cmp, iter, errors.AsType) run in
// a cell as in Go: testdata/stdlib_program.go.txt calls every function with
// explicit type arguments, as the front end writes them, on ints, floats with a
// NaN, strings, a struct declared in the program and a named slice type, and
// prints the results; the cell must print what the program built by Go prints.
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
// call's result: yaegi left it empty (package desugar declares it first, then
// assigns the call).
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
		{`import "syscall"`, `cannot import "syscall": package syscall is not available in cells: its API differs`},
		{`import "github.com/nobody/nothing"`, `cannot import "github.com/nobody/nothing": package github.com/nobody/nothing is not built into ratelab`},
	} {
		e, _ := fail(t, s, c.code)
		if e.Name != "CompileError" || !strings.HasPrefix(e.Value, c.want) || strings.Contains(e.Value, "GOPATH") {
			t.Errorf("%s: %s: %s", c.code, e.Name, e.Value)
		}
	}
}

// TestStdSignatures checks that package std declares the API of the standard
// packages it stands in for: the checker types a cell's calls from Go's own
// packages, and the interpreter runs std's, so a name std declares must have
// Go's type, or a cell would run other code than it was checked against. A name
// of Go's that std lacks is refused at check time (see interpreterHas); those
// are listed here so that the gap stays in view.
func TestStdSignatures(t *testing.T) {
	missing := map[string]bool{}
	srcImporter := importer.ForCompiler(token.NewFileSet(), "source", nil)
	for ipath := range stdPackages {
		goPkg, err := exportdata.Default.Import(ipath)
		if err != nil {
			t.Fatal(err)
		}
		stdPkg, err := srcImporter.Import("github.com/ratelab/ratelab/kernel/interp/std/" + ipath)
		if err != nil {
			t.Fatal(err)
		}
		qualify := types.RelativeTo(stdPkg)
		for _, name := range goPkg.Scope().Names() {
			goObj := goPkg.Scope().Lookup(name)
			if !goObj.Exported() {
				continue
			}
			stdObj := stdPkg.Scope().Lookup(name)
			if stdObj == nil {
				missing[ipath+"."+name] = true
				continue
			}
			want, got := objectType(goObj, types.RelativeTo(goPkg)), objectType(stdObj, qualify)
			if got != want {
				t.Errorf("%s.%s: std declares %s, Go %s", ipath, name, got, want)
			}
		}
		if names := stdNames()[ipath]; len(names) == 0 {
			t.Errorf("std/%s declares no names", ipath)
		} else {
			for name := range names {
				if goPkg.Scope().Lookup(name) == nil {
					t.Errorf("std/%s declares %s, which Go's %s has not", ipath, name, ipath)
				}
			}
		}
	}
	var gaps []string
	for name := range missing {
		gaps = append(gaps, name)
	}
	slices.Sort(gaps)
	if want := []string(nil); !slices.Equal(gaps, want) {
		t.Errorf("Go's names std lacks: %q, want %q", gaps, want)
	}
}

// objectType describes obj as a declaration would: a type's definition (its
// type parameters and underlying type), else its type. Type parameters' are
// written by their type sets, so that a constraint std spells out (slices does
// not import cmp for Ordered) reads as the named one.
func objectType(obj types.Object, q types.Qualifier) string {
	kind := fmt.Sprintf("%T ", obj)
	typeParams := func(tps *types.TypeParamList) string {
		var b strings.Builder
		for i := range tps.Len() {
			tp := tps.At(i)
			fmt.Fprintf(&b, "%s %s; ", tp.Obj().Name(), types.TypeString(tp.Constraint().Underlying(), q))
		}
		return b.String()
	}
	switch obj := obj.(type) {
	case *types.TypeName:
		var tps string
		if named, ok := obj.Type().(*types.Named); ok {
			tps = typeParams(named.TypeParams())
		}
		if obj.IsAlias() {
			tps += "= "
		}
		return kind + tps + types.TypeString(obj.Type().Underlying(), q)
	case *types.Func:
		sig := obj.Signature()
		plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
		return kind + typeParams(sig.TypeParams()) + types.TypeString(plain, q)
	}
	return kind + types.TypeString(obj.Type(), q)
}
