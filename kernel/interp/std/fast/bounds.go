package fast

import (
	"reflect"
	"strconv"
	"strings"
)

// Go's bounds errors, by the runtime's boundsErrorCode (runtime/error.go):
// the format with x and y, and the one for a negative x, which omits y.
var boundsFormats = [...]struct{ format, negative string }{
	{"index out of range [%x] with length %y", "index out of range [%x]"},
	{"slice bounds out of range [:%x] with length %y", "slice bounds out of range [:%x]"},
	{"slice bounds out of range [:%x] with capacity %y", "slice bounds out of range [:%x]"},
	{"slice bounds out of range [%x:%y]", "slice bounds out of range [%x:]"},
	{"slice bounds out of range [::%x] with length %y", "slice bounds out of range [::%x]"},
	{"slice bounds out of range [::%x] with capacity %y", "slice bounds out of range [::%x]"},
	{"slice bounds out of range [:%x:%y]", "slice bounds out of range [:%x:]"},
	{"slice bounds out of range [%x:%y:]", "slice bounds out of range [%x::]"},
}

// RuntimeError is a run-time error worded as Go's runtime words it ("runtime
// error: index out of range [5] with length 3"): r.(runtime.Error) holds, as
// for Go's.
type RuntimeError string

func (e RuntimeError) Error() string { return string(e) }

// RuntimeError marks the error as a run-time error (runtime.Error).
func (RuntimeError) RuntimeError() {}

// NewBoundsError returns the error of a failed bounds check: code is the
// runtime's boundsErrorCode, x and y are integers (of any integer type: an
// unsigned one prints as such).
func NewBoundsError(code int, x, y any) RuntimeError {
	f := boundsFormats[code].format
	xs, ys := itoa(x), itoa(y)
	if strings.HasPrefix(xs, "-") {
		f = boundsFormats[code].negative
	}
	return RuntimeError("runtime error: " + strings.NewReplacer("%x", xs, "%y", ys).Replace(f))
}

// itoa writes the integer v in decimal, whatever its integer type.
func itoa(v any) string {
	switch rv := reflect.ValueOf(v); {
	case rv.CanInt():
		return strconv.FormatInt(rv.Int(), 10)
	case rv.CanUint():
		return strconv.FormatUint(rv.Uint(), 10)
	}
	return "?"
}

// Bounds panics with NewBoundsError(code, x, y): package slices's bounds checks.
func Bounds(code int, x, y int) { panic(NewBoundsError(code, x, y)) }
