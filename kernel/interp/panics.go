package interp

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/std/fast"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// A panic in interpreted code carries another value than Go's would:
//
//   - panic(v) in a cell panics with reflect.ValueOf(v) (yaegi's _panic), so
//     recover() returned a reflect.Value, for which r.(string) and r.(error) are
//     false;
//
//   - a run-time error panics inside the reflect call yaegi made for the operation:
//     an index out of range is the string "reflect: slice index out of range", a
//     nil pointer dereference "reflect: call of reflect.Value.Field on zero Value", a
//     failed type assertion yaegi's own error with a position in front.
//
// goPanicValue gives back the value Go would have panicked with: the value passed
// to panic, or a runtime.Error worded as Go's runtime words it. Cells see it from
// recover() (package desugar rewrites it to __rt.Recovered(recover())) and in the
// reports of panics.

// runtimeError is a run-time error, as runtime.Error is: r.(runtime.Error) holds.
type runtimeError = fast.RuntimeError

// reflectPanics maps the messages of the panics of package reflect that stand for
// a Go run-time error to the run-time error's message. Go's messages also give
// the index and the length ("index out of range [5] with length 3"); reflect's do
// not, and neither can the report.
var reflectPanics = []struct{ prefix, goMsg string }{
	{"reflect: slice index out of range", "runtime error: index out of range"},
	{"reflect: array index out of range", "runtime error: index out of range"},
	{"reflect: string index out of range", "runtime error: index out of range"},
	{"reflect.Value.Slice: ", "runtime error: slice bounds out of range"},
	{"reflect.Value.Slice3: ", "runtime error: slice bounds out of range"},
	{"reflect.Value.Call: call of nil function", "runtime error: invalid memory address or nil pointer dereference"},
	// A dereferenced nil pointer is the zero Value to the interpreter: handed
	// to a function (f(*p), (*p).M with a value receiver), it reaches reflect.
	{"reflect: Call using zero Value argument", "runtime error: invalid memory address or nil pointer dereference"},
	{"reflect.MakeSlice: negative len", "runtime error: makeslice: len out of range"},
	{"reflect.MakeSlice: len > cap", "runtime error: makeslice: cap out of range"},
	{"reflect.MakeChan: negative buffer size", "makechan: size out of range"},
}

// bareInterfaceCall matches reflect's panic where the interpreter hands compiled
// code a struct of a cell's type, without its methods, for an interface
// parameter: errors.Is(e, e) after `var e error = Code{3}`.
var bareInterfaceCall = regexp.MustCompile(`^reflect: Call using struct \{.*ratelab:\\"type=(\w+)\\".*\} as type (\S+)$`)

// goPanicValue returns the value Go would have panicked with where interpreted
// code panicked with v.
func goPanicValue(v any) any {
	switch v := v.(type) {
	case *panicChain: // a panic that replaced others (deferring.go)
		return goPanicValue(v.last)
	case reflect.Value: // panic(x) in a cell
		if !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil()) {
			return nil
		}
		return v.Interface()
	case *reflect.ValueError:
		// An operation on the zero Value: the pointer it came from was nil.
		return runtimeError("runtime error: invalid memory address or nil pointer dereference")
	case string:
		for _, p := range reflectPanics {
			if strings.HasPrefix(v, p.prefix) {
				return runtimeError(p.goMsg)
			}
		}
		if m := bareInterfaceCall.FindStringSubmatch(v); m != nil {
			return fmt.Errorf("ratelab cannot hand this value of type main.%s to a compiled function's parameter of type %s: the interpreter stored it in a variable of "+
				"that interface type without its methods (var e %s = %s{…} declares it so); give %s's methods pointer receivers and use &%s{…}",
				m[1], m[2], m[2], m[1], m[1], m[1])
		}
	case error:
		// yaegi's failed type assertion: "cell3/_.go:4:7: interface conversion: …".
		msg := v.Error()
		if _, rest, ok := parsePos(msg); ok && strings.HasPrefix(rest, "interface conversion: ") {
			return runtimeError(rest)
		}
		// A map assignment through reflect (m[k] = v, k an any holding a slice)
		// words it without Go's "runtime error: " and with a colon.
		if t, ok := strings.CutPrefix(msg, "hash of unhashable type: "); ok {
			return runtimeError("runtime error: hash of unhashable type " + t)
		}
	}
	return v
}

// recovered is __rt.Recovered: what recover() gives in Go. An exit (os.Exit,
// log.Fatal) cannot be recovered: it panics on.
func recovered(v any) any {
	v = goPanicValue(v)
	if e, ok := v.(symbols.Exit); ok {
		panic(e)
	}
	return v
}

// panicMessage is what Go prints after "panic: " for a panic with value v: an
// error's Error(), a Stringer's String(), else the value, with a tab after each
// newline (printpanicval and printindented in runtime/error.go).
func panicMessage(v any) string {
	var msg string
	switch v := v.(type) {
	case nil:
		msg = "nil"
	case error:
		msg = v.Error()
	case fmt.Stringer:
		msg = v.String()
	default:
		args, err := cellArgsOrError([]any{v})
		if err != nil {
			args = []any{v} // a message with yaegi's wrapper beats none: the panic is what matters
		}
		msg = fmt.Sprint(args...)
	}
	return strings.ReplaceAll(msg, "\n", "\n\t")
}

// nilDeref is __rt.NilDeref, which package desugar calls where Go dereferences
// a nil pointer or interface that the interpreter would not (a method value of
// a nil interface: desugar/generic.go).
func nilDeref() {
	panic(runtimeError("runtime error: invalid memory address or nil pointer dereference"))
}

// boundsPanic is __rt.Bounds, which package desugar calls where an index or a
// slice expression is out of range (desugar/bounds.go): code is the runtime's
// boundsErrorCode, x and y integers of any integer type.
func boundsPanic(code int, x, y any) { panic(fast.NewBoundsError(code, x, y)) }

// boundsIf is __rt.BoundsIf: boundsPanic if the check failed.
func boundsIf(failed bool, code int, x, y any) {
	if failed {
		boundsPanic(code, x, y)
	}
}

// shiftCount is __rt.ShiftCount: n as a shift's count, panicking as Go's
// runtime does if it is negative.
func shiftCount(n int64) uint64 {
	if n < 0 {
		panic(runtimeError("runtime error: negative shift amount"))
	}
	return uint64(n)
}

// checkIndex is __rt.Index: i, checked against the length n.
func checkIndex(i int64, n int) int {
	if i < 0 || i >= int64(n) {
		panic(fast.NewBoundsError(0, i, n))
	}
	return int(i)
}

// checkIndexU is __rt.IndexU: checkIndex for an unsigned index.
func checkIndexU(i uint64, n int) int {
	if i >= uint64(n) {
		panic(fast.NewBoundsError(0, i, n))
	}
	return int(i)
}
