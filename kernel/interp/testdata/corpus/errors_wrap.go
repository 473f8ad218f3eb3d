// Errors: sentinel errors, wrapping with %w, errors.Is/As/Unwrap/Join, custom types.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
}

func (v ValidationError) Error() string { return "invalid " + v.Field }

func lookup(id int) error {
	if id < 0 {
		return ValidationError{"id"}
	}
	if id > 10 {
		return fmt.Errorf("lookup %d: %w", id, ErrNotFound)
	}
	return nil
}

func main() {
	for _, id := range []int{3, -1, 42} {
		err := lookup(id)
		var ve ValidationError
		fmt.Println(id, err, errors.Is(err, ErrNotFound), errors.As(err, &ve), ve.Field)
	}
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(wrapped, errors.Unwrap(wrapped), errors.Is(wrapped, ErrNotFound))
	joined := errors.Join(ErrNotFound, ValidationError{"name"})
	fmt.Println(joined, errors.Is(joined, ErrNotFound))
	_, err := strconv.Atoi("12x")
	var numErr *strconv.NumError
	fmt.Println(err, errors.As(err, &numErr), numErr.Func, numErr.Num)
	_, err = os.Open("/definitely/not/here.txt")
	fmt.Println(errors.Is(err, fs.ErrNotExist))
}
