package main

import (
	"errors"
	"fmt"
	"io/fs"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type TempError struct {
	Op    string
	Tries int
}

func (e *TempError) Error() string   { return fmt.Sprintf("%s failed after %d tries", e.Op, e.Tries) }
func (e *TempError) Temporary() bool { return true }
func (e *TempError) Is(target error) bool {
	t, ok := target.(*TempError)
	return ok && t.Op == e.Op
}

type multi struct{ errs []error }

func (m *multi) Error() string   { return fmt.Sprintf("%d errors", len(m.errs)) }
func (m *multi) Unwrap() []error { return m.errs }

type temporary interface{ Temporary() bool }

func lookup(q string) error {
	switch q {
	case "missing":
		return &QueryError{q, ErrNotFound}
	case "flaky":
		return fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", &TempError{"dial", 3}))
	case "file":
		return &QueryError{q, &fs.PathError{Op: "open", Path: "/x", Err: fs.ErrNotExist}}
	}
	return nil
}

func mustRun(q string) {
	if err := lookup(q); err != nil {
		panic(fmt.Errorf("mustRun(%q): %w", q, err))
	}
}

func safe(q string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	mustRun(q)
	return nil
}

func main() {
	for _, q := range []string{"missing", "flaky", "file", "ok"} {
		err := fmt.Errorf("handler: %w", lookup(q))
		var qe *QueryError
		var te *TempError
		var pe *fs.PathError
		var tmp interface{ Temporary() bool }
		fmt.Printf("%-7s nf=%v as(q)=%v as(t)=%v as(pe)=%v temp=%v exist=%v\n", q,
			errors.Is(err, ErrNotFound), errors.As(err, &qe), errors.As(err, &te),
			errors.As(err, &pe), errors.As(err, &tmp), errors.Is(err, fs.ErrNotExist))
		if qe != nil {
			fmt.Println("  query:", qe.Query, "inner:", qe.Err)
		}
		if te != nil {
			fmt.Println("  tries:", te.Tries, errors.Is(err, &TempError{Op: "dial"}), errors.Is(err, &TempError{Op: "read"}))
		}
		if tmp != nil {
			fmt.Println("  temporary:", tmp.Temporary())
		}
		if pe != nil {
			fmt.Println("  path:", pe.Path)
		}
	}

	joined := errors.Join(lookup("missing"), lookup("flaky"), nil)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Is(joined, &TempError{Op: "dial"}))
	m := &multi{[]error{lookup("file"), ErrNotFound}}
	wrapped := fmt.Errorf("batch: %w", m)
	var pe *fs.PathError
	fmt.Println(wrapped, errors.As(wrapped, &pe), pe.Op, errors.Is(wrapped, ErrNotFound))
	var mm *multi
	fmt.Println(errors.As(wrapped, &mm), len(mm.errs), errors.Unwrap(wrapped) == error(m))

	for _, q := range []string{"ok", "missing", "flaky"} {
		err := safe(q)
		var qe *QueryError
		fmt.Println(q, "->", err, errors.As(err, &qe), errors.Unwrap(errors.Unwrap(err)) != nil)
	}
}
