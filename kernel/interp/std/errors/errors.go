// Package errors is Go's errors for the interpreter: the compiled package's
// functions, and AsType, which is generic.
package errors

import (
	stderrors "errors"

	"github.com/ratelab/ratelab/kernel/interp/std/fast"
)

// ErrUnsupported is errors.ErrUnsupported.
var ErrUnsupported = stderrors.ErrUnsupported

// New returns an error whose message is text.
func New(text string) error { return stderrors.New(text) }

// Is reports whether an error in err's tree matches target.
func Is(err, target error) bool { return stderrors.Is(err, target) }

// As finds the first error in err's tree that matches target, sets target to
// it and returns true.
func As(err error, target any) bool { return stderrors.As(err, target) }

// Unwrap returns the result of err's Unwrap method, or nil.
func Unwrap(err error) error { return stderrors.Unwrap(err) }

// Join returns an error that wraps errs, nil errors left out.
func Join(errs ...error) error { return stderrors.Join(errs...) }

// AsType finds the first error in err's tree (err, then depth first what its
// Unwrap() error or Unwrap() []error methods return) whose type is E, or whose
// As method, given a *E, returns true.
func AsType[E error](err error) (E, bool) {
	for _, e := range fast.ErrorTree(err) {
		if t, ok := e.(E); ok {
			return t, true
		}
		if as, ok := fast.AsMethod(e); ok {
			var target E
			if as(&target) {
				return target, true
			}
		}
	}
	var zero E
	return zero, false
}
