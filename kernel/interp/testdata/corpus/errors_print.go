// An error of a struct type with a value receiver, kept in an error variable: printed, wrapped with %w, compared.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func find(k string) error { return NotFound{k} }

func main() {
	var err error = NotFound{"k"}
	fmt.Println(err)
	fmt.Println(find("z"))
	e2 := find("y")
	fmt.Printf("%v %s\n", e2, e2)
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == err)
}
