package interp

import (
	"os"
	"strings"
	"testing"
)

// TestCellErrorsSameAsGo runs programs whose errors are of types declared in the
// cell, through ==, switch, errors.Is, As, AsType and Unwrap, as go run does.
func TestCellErrorsSameAsGo(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus/errors_custom_types.go")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("pointer receivers", func(t *testing.T) { sameAsGo(t, string(src)) })
	t.Run("sentinels", func(t *testing.T) {
		sameAsGo(t, `package main

import (
	"errors"
	"fmt"
	"io"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return e.msg }

var ErrX = &MyErr{"x"}
var ErrOther = &MyErr{"x"} // equal fields, another pointer

func get(i int) error {
	switch i {
	case 0:
		return ErrX
	case 1:
		return fmt.Errorf("wrap: %w", ErrX)
	case 2:
		return errors.Join(io.EOF, ErrOther)
	}
	return nil
}

func main() {
	for i := range 4 {
		err := get(i)
		var e2 error = ErrX
		fmt.Println(i, err == ErrX, err == e2, err == ErrOther, err != ErrX, ErrX == err, err == io.EOF)
		fmt.Println(errors.Is(err, ErrX), errors.Is(err, ErrOther), errors.Is(err, io.EOF), errors.Unwrap(err) == ErrX)
		var a, b any = err, ErrX
		fmt.Println(a == b, a == any(ErrX), a == nil)
	}
}
`)
	})
	t.Run("value receivers against compiled errors", func(t *testing.T) {
		// A value of a value-receiver struct type is kept without its type in an
		// error, but it is never equal to a compiled package's error.
		sameAsGo(t, `package main

import (
	"errors"
	"fmt"
	"io"
)

type Invalid struct{ field, why string }

func (v Invalid) Error() string { return v.field + ": " + v.why }

func check(id int) error {
	if id < 0 {
		return Invalid{"id", "negative"}
	}
	return nil
}

func main() {
	err := check(-1)
	fmt.Println(err, err == io.EOF, errors.Is(err, io.EOF), errors.Is(fmt.Errorf("w: %w", err), io.ErrUnexpectedEOF))
}
`)
	})
}

// TestCellErrorsRefused checks that what the interpreter cannot answer is
// refused with the reason and a way around, never answered wrongly.
func TestCellErrorsRefused(t *testing.T) {
	const decls = `type Invalid struct{ field string }

func (v Invalid) Error() string { return "invalid " + v.field }

type NotFound struct{ name string }

func (e *NotFound) Error() string { return e.name + " not found" }`
	for _, c := range []struct{ name, code, want string }{
		{"errors.As into a value-receiver type",
			`var err error = Invalid{"id"}
var target Invalid
errors.As(err, &target)`,
			"errors.As into Invalid, a struct type declared in a cell whose methods have value receivers"},
		{"errors.AsType of a value-receiver type",
			`var err error = Invalid{"id"}
_, ok := errors.AsType[Invalid](err)
_ = ok`,
			"errors.AsType into Invalid"},
		{"== on a value-receiver error",
			`func get() error { return Invalid{"id"} }
fmt.Println(get() == get())`,
			"ratelab cannot compare this error"},
		{"errors.Is with a value-receiver target",
			`var err error = &NotFound{"x"}
fmt.Println(errors.Is(err, Invalid{"id"}))`,
			"ratelab cannot compare this error"},
		{"an error of a cell's type as a map key",
			`counts := map[error]int{}
counts[&NotFound{"x"}]++`,
			"ratelab cannot use a value of type *main.NotFound, declared in a cell with methods, as the key of a map whose key type is an interface"},
		{"a literal map keyed by a cell's error",
			`m := map[any]string{&NotFound{"x"}: "x"}
_ = m`,
			"as the key of a map whose key type is an interface"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			run(t, s, `import ("errors"; "fmt")`)
			run(t, s, decls)
			e, _ := fail(t, s, c.code)
			if !strings.Contains(e.Value, c.want) {
				t.Errorf("error %s: %s\nwant it to say %q", e.Name, e.Value, c.want)
			}
		})
	}
}

// TestCellErrorsLaterType checks errors.Is in a function declared before the
// error type it meets: the cell could not list that type's Unwrap, so the call
// is refused until the function's cell runs again, and then answers as Go.
func TestCellErrorsLaterType(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("errors"; "fmt")`)
	run(t, s, `var ErrBase = errors.New("base")

type First struct{}

func (*First) Error() string { return "first" }

func isBase(err error) bool { return errors.Is(err, ErrBase) }`)
	run(t, s, `type Wrapper struct{ inner error }

func (w *Wrapper) Error() string { return "wrapper: " + w.inner.Error() }
func (w *Wrapper) Unwrap() error { return w.inner }`)
	e, _ := fail(t, s, `fmt.Println(isBase(&Wrapper{ErrBase}))`)
	if !strings.Contains(e.Value, "*main.Wrapper") || !strings.Contains(e.Value, "declared after the cell") {
		t.Errorf("error %s: %s\nwant it to name *main.Wrapper as declared after the cell", e.Name, e.Value)
	}
	run(t, s, `func isBase(err error) bool { return errors.Is(err, ErrBase) }`)
	_, rec := run(t, s, `fmt.Println(isBase(&Wrapper{ErrBase}), isBase(&Wrapper{&First{}}))`)
	if got := rec.out(); got != "true false\n" {
		t.Errorf("after re-running the function's cell: printed %q, want %q", got, "true false\n")
	}
}
