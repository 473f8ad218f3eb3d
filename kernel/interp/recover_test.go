package interp

import "testing"

// A deferred function literal that takes arguments and calls recover was bound
// to a variable and deferred through it, and yaegi v0.16.1's recover() returns
// nil there: the panic went on and ended the cell.
func TestRecoverInDeferredLiteralWithArguments(t *testing.T) {
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

func guarded(name string, f func()) (err error) {
	defer func(label string) {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", label, r)
		}
	}(name)
	f()
	return nil
}

func main() {
	fmt.Println(guarded("ok", func() {}))
	fmt.Println(guarded("boom", func() { panic("boom") }))
	var zero int
	err := guarded("divide", func() { fmt.Println(1 / zero) })
	fmt.Println(err, errors.Unwrap(err) == nil)
	for i := range 3 {
		func() {
			defer func(n int, s string) { fmt.Println("iteration", n, s, recover()) }(i, "done")
			if i == 1 {
				panic(fmt.Sprint("at ", i))
			}
		}()
	}
}
`)
}
