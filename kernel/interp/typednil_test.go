package interp

import "testing"

// A nil pointer of a cell's type converted to error (a compiled interface with
// methods) would be a nil error under the interpreter, where Go's error holds
// the nil pointer and is not nil: the conversion is refused, in each place it
// can happen.
func TestTypedNilToCompiledInterfaceRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type MyErr struct{ msg string }
func (e *MyErr) Error() string { return e.msg }
func fails(err error) bool { return err != nil }`)
	for _, code := range []string{
		`func f() error { var p *MyErr; return p }; _ = f()`,
		`var p *MyErr; var err error; err = p; _ = err`,
		`var p *MyErr; var err error = p; _ = err`,
		`var p *MyErr; fmt.Println(fails(p))`,
		`var p *MyErr; _ = []error{p}`,
		`var p *MyErr; _ = error(p)`,
		`type box struct{ p *MyErr }; b := box{}; ch := make(chan error, 1); ch <- b.p`,
	} {
		failsSaying(t, s, code, "ratelab cannot convert a nil *main.MyErr to error here")
	}
}

// Non-nil pointers, and the usual way of returning no error, run as in Go.
func TestTypedNilNotNilRuns(t *testing.T) {
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return e.msg }

func check(bad bool) error {
	var p *MyErr
	if bad {
		p = &MyErr{"bad"}
	}
	if p != nil {
		return p
	}
	return nil
}

func main() {
	fmt.Println(check(false) == nil, check(true) == nil, check(true))
	var target *MyErr
	fmt.Println(errors.As(check(true), &target), target.msg)
	errs := []error{&MyErr{"a"}, new(MyErr)}
	fmt.Println(len(errs), errs[0])
}
`)
}

// A nil value of a cell's named slice, map or func type with an Error method is
// made a nil error by the interpreter too (Go's error holds it and is not nil):
// refused as a nil pointer is; non-nil ones run as in Go.
func TestTypedNilNamedSliceMapFunc(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type Errs []error
func (e Errs) Error() string { return fmt.Sprint(len(e), " errors") }
type Codes map[string]int
func (c Codes) Error() string { return "codes" }
type Fail func() string
func (f Fail) Error() string { return f() }`)
	for code, typ := range map[string]string{
		`var es Errs; var err error = es; _ = err`:           "main.Errs",
		`func f() error { var es Errs; return es }; _ = f()`: "main.Errs",
		`var c Codes; var err error; err = c; _ = err`:       "main.Codes",
		`var fl Fail; fmt.Println(error(fl) == nil)`:         "main.Fail",
	} {
		failsSaying(t, s, code, "ratelab cannot convert a nil "+typ+" to error here")
	}
	sameAsGo(t, `package main

import "fmt"

type Errs []error

func (e Errs) Error() string { return fmt.Sprint(len(e), " errors") }

type Fail func() string

func (f Fail) Error() string { return f() }

func main() {
	es := Errs{fmt.Errorf("a")}
	var err error = es
	fmt.Println(err == nil, err)
	fl := Fail(func() string { return "failed" })
	err = fl
	fmt.Println(err == nil, err)
}
`)
}

// A nil pointer that a call returns, converted to error by the statement that
// calls (return lookup(), err = lookup(), var err error = lookup()), is refused
// too: the call's result goes through a temporary the check reads. Non-nil
// results run as in Go, the calls made once and in order.
func TestTypedNilFromCall(t *testing.T) {
	const decls = `import "fmt"
type MyErr struct{ msg string }
func (e *MyErr) Error() string { return e.msg }
func lookup(ok bool) *MyErr { fmt.Println("lookup", ok); if ok { return nil }; return &MyErr{"missing"} }
`
	s := newSession(t)
	run(t, s, decls)
	for _, code := range []string{
		`func find() error { return lookup(true) }; _ = find()`,
		`func f() { var err error; err = lookup(true); _ = err }; f()`,
		`func f() { var err error = lookup(true); _ = err }; f()`,
		`func get() (int, error) { return 0, lookup(true) }; _, _ = get()`,
		`func get2() (*MyErr, error) { x := 1; _ = x; return nil, lookup(true) }; _, _ = get2()`,
	} {
		failsSaying(t, s, code, "ratelab cannot convert a nil *main.MyErr to error here")
	}
	sameAsGo(t, `package main

`+decls+`
func find(ok bool) error { return lookup(ok) }

func get(ok bool) (int, error) { return 0, lookup(ok) }

func two() (error, error) { return lookup(false), lookup(false) }

func rec() (*MyErr, error) { return nil, lookup(false) }

func main() {
	fmt.Println(get(false))
	fmt.Println(two())
	fmt.Println(rec())
	fmt.Println(find(false))
	var err error
	err = lookup(false)
	fmt.Println(err)
	var e2 error = lookup(false)
	fmt.Println(e2, e2 != nil)
}
`)
}

// A nil pointer converted to error where it is evaluated, by a call that
// returns it or an index, is refused in each place, in a function and at a
// cell's top level; an interface holding one asserted to error too.
func TestTypedNilWhereEvaluated(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type MyErr struct{ msg string }
func (e *MyErr) Error() string { return e.msg }
type X struct{ f int }
func lookup() *MyErr { return nil }
func use(err error) bool { return err != nil }`)
	for _, code := range []string{
		`func get(x X) (int, error) { return x.f, lookup() }; _, _ = get(X{})`,
		`func get(s []int) (int, error) { return s[0], lookup() }; _, _ = get([]int{1})`,
		`func f() error { ps := []*MyErr{nil}; return ps[0] }; _ = f()`,
		`fmt.Println(use(lookup()))`,
		`func f() { fmt.Println(use(lookup())) }; f()`,
		`_ = []error{lookup()}`,
		`_ = map[string]error{"a": lookup()}`,
		`ch := make(chan error, 1); ch <- lookup()`,
		`var err error; if err = lookup(); err != nil {}`,
		`var err error; err, n := lookup(), 1; _, _ = err, n`,
		`var a any = lookup(); _ = fmt.Errorf("%w", a.(error))`,
		`var a any = lookup(); switch v := a.(type) { case error: _ = v }`,
		`func f(a any) { v, ok := a.(error); _, _ = v, ok }; var p *MyErr; f(p)`,
		`var p *MyErr; var a any = p; v, ok := a.(error); _, _ = v, ok`,
	} {
		failsSaying(t, s, code, "ratelab cannot convert a nil *main.MyErr to error here")
	}
}
