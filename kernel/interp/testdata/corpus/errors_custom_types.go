// Errors of types declared in a cell, with pointer receivers: ==, switch,
// errors.Is/As/AsType/Unwrap through cell and compiled wrappers, Is and As methods.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + ": not found" }

type Temporary struct {
	Op  string
	Err error
}

func (e *Temporary) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *Temporary) Unwrap() error { return e.Err }

type Multi struct{ errs []error }

func (m *Multi) Error() string   { return fmt.Sprint(len(m.errs), " errors") }
func (m *Multi) Unwrap() []error { return m.errs }

type Code struct{ n int }

func (c *Code) Error() string { return fmt.Sprint("code ", c.n) }
func (c *Code) Is(target error) bool {
	t, ok := target.(*Code)
	return ok && t.n/100 == c.n/100
}

type Retry struct{ after int }

func (r *Retry) Error() string { return "retry" }
func (r *Retry) As(target any) bool {
	if p, ok := target.(**NotFound); ok {
		*p = &NotFound{fmt.Sprint("retry-", r.after)}
		return true
	}
	return false
}

var ErrGone = &NotFound{"gone"}
var ErrPlain = errors.New("plain")

func find(i int) error {
	switch i {
	case 0:
		return ErrGone
	case 1:
		return &Temporary{"read", ErrGone}
	case 2:
		return fmt.Errorf("outer: %w", &Temporary{"write", ErrPlain})
	case 3:
		return &Multi{[]error{ErrPlain, &NotFound{"x"}}}
	case 4:
		return &Code{404}
	case 5:
		return &Retry{3}
	case 6:
		_, err := os.Open("/no/such/file")
		return &Temporary{"open", err}
	}
	return nil
}

func main() {
	for i := 0; i < 8; i++ {
		err := find(i)
		var nf *NotFound
		var tmp *Temporary
		var pe *fs.PathError
		fmt.Println(i, err, err == ErrGone, err != ErrGone, err == ErrPlain, err == nil)
		fmt.Println("  Is:", errors.Is(err, ErrGone), errors.Is(err, ErrPlain), errors.Is(err, &Code{400}), errors.Is(err, fs.ErrNotExist))
		fmt.Println("  As:", errors.As(err, &nf), nf, errors.As(err, &tmp), errors.As(err, &pe))
		if t, ok := errors.AsType[*Temporary](err); ok {
			fmt.Println("  AsType:", t.Op, errors.Unwrap(err) == nil, errors.Unwrap(t) == t.Err)
		}
		switch err {
		case ErrGone:
			fmt.Println("  switch: gone")
		case ErrPlain, nil:
			fmt.Println("  switch: plain or nil")
		default:
			fmt.Println("  switch: other")
		}
	}
	var x any = ErrGone
	var y any = ErrGone
	fmt.Println(x == y, x == any(&NotFound{"gone"}), x != y)
	byMsg := map[string]int{}
	for i := 0; i < 8; i++ {
		if err := find(i); err != nil {
			byMsg[err.Error()]++
		}
	}
	fmt.Println(len(byMsg))
}
