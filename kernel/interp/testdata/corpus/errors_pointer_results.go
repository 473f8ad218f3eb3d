// Pointers of a cell's type converted to error where they are evaluated: a call
// passed to an error parameter, a second result, elements, a send, a map value,
// a field, an if statement's assignment, a := that reassigns, an assertion.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

type Store struct {
	name string
	keys []string
}

func (s Store) lookup(key string) *NotFound {
	fmt.Println("lookup", key)
	return &NotFound{key}
}

func heldError(key string) string {
	var v any = &NotFound{key}
	e, ok := v.(error)
	return fmt.Sprint(e, " ", ok)
}

func describe(err error) string { return fmt.Sprint(err == nil, " ", err) }

func (s Store) get(key string) (string, error) { return s.name, s.lookup(key) }

type result struct {
	err  error
	tags []error
}

func main() {
	s := Store{"db", []string{"a", "b"}}
	fmt.Println(describe(s.lookup("x")))
	fmt.Println(s.get("y"))
	errs := []error{s.lookup("p"), s.lookup("q")}
	fmt.Println(len(errs), errs[1])
	byKey := map[string]error{"k": s.lookup("k")}
	fmt.Println(byKey["k"] != nil)
	ch := make(chan error, 1)
	ch <- s.lookup("c")
	fmt.Println(<-ch)
	r := result{err: s.lookup("r"), tags: []error{s.lookup("t")}}
	fmt.Println(r.err, r.tags)
	var err error
	if err = s.lookup("i"); err != nil {
		fmt.Println("if:", err)
	}
	err, n := s.lookup("d"), 2
	fmt.Println(err, n)
	wrapped := fmt.Errorf("wrapped: %w", error(s.lookup("w")))
	fmt.Println(wrapped, errors.Unwrap(wrapped) != nil)
	var held any = s.lookup("h")
	fmt.Println(held.(error))
	fmt.Println(heldError("v"))
	e2, ok := held.(error)
	fmt.Println(e2, ok)
	_, isStringer := held.(fmt.Stringer)
	fmt.Println(isStringer)
}
