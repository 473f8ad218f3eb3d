package fast

import (
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

// BoundsError is a failed bounds check, worded as Go's runtime words it; it is
// a runtime.Error.
type BoundsError struct{ msg string }

func (e BoundsError) Error() string { return e.msg }

// RuntimeError marks the error as a run-time error (runtime.Error).
func (BoundsError) RuntimeError() {}

// NewBoundsError returns the error of a failed bounds check: code is the
// runtime's boundsErrorCode, x and y are integers (of any integer type: an
// unsigned one prints as such).
func NewBoundsError(code int, x, y any) BoundsError {
	f := boundsFormats[code].format
	xs, ys := itoa(x), itoa(y)
	if strings.HasPrefix(xs, "-") {
		f = boundsFormats[code].negative
	}
	return BoundsError{"runtime error: " + strings.NewReplacer("%x", xs, "%y", ys).Replace(f)}
}

func itoa(v any) string {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v)
	case int8:
		return strconv.FormatInt(int64(v), 10)
	case int16:
		return strconv.FormatInt(int64(v), 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case int64:
		return strconv.FormatInt(v, 10)
	case uint:
		return strconv.FormatUint(uint64(v), 10)
	case uint8:
		return strconv.FormatUint(uint64(v), 10)
	case uint16:
		return strconv.FormatUint(uint64(v), 10)
	case uint32:
		return strconv.FormatUint(uint64(v), 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case uintptr:
		return strconv.FormatUint(uint64(v), 10)
	}
	return "?"
}

// Bounds panics with NewBoundsError(code, x, y): package slices's bounds checks.
func Bounds(code int, x, y int) { panic(NewBoundsError(code, x, y)) }
