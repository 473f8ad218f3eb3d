// Errors: sentinel errors, wrapping with %w, errors.Is and errors.As with pointer receivers, Join.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var ErrNotFound = errors.New("not found")
var ErrEmpty = errors.New("empty input")

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

func parseAll(lines []string) ([]int, error) {
	if len(lines) == 0 {
		return nil, ErrEmpty
	}
	var out []int
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			return out, &ParseError{Line: i + 1, Err: err}
		}
		out = append(out, n)
	}
	return out, nil
}

func lookup(m map[string]int, k string) (int, error) {
	v, ok := m[k]
	if !ok {
		return 0, fmt.Errorf("lookup %q: %w", k, ErrNotFound)
	}
	return v, nil
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func main() {
	nums, err := parseAll([]string{"1", "x", "3", "4.5"})
	fmt.Println(nums)
	fmt.Println(err)
	var pe *ParseError
	if errors.As(err, &pe) {
		fmt.Println("first bad line", pe.Line)
	}
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, errors.Is(err, strconv.ErrSyntax))
	_, err = parseAll(nil)
	fmt.Println(err == ErrEmpty, errors.Is(err, ErrEmpty))
	_, err = lookup(map[string]int{"a": 1}, "b")
	fmt.Println(err, errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	wrapped := fmt.Errorf("outer: %w", err)
	fmt.Println(errors.Is(wrapped, ErrNotFound), wrapped)
	v, err := lookup(map[string]int{"a": 1}, "a")
	fmt.Println(v, err == nil)
	q, err := safeDiv(7, 0)
	fmt.Println(q, err)
	q, err = safeDiv(7, 2)
	fmt.Println(q, err)
	e2 := fmt.Errorf("two: %w and %w", ErrEmpty, fs.ErrNotExist)
	fmt.Println(errors.Is(e2, fs.ErrNotExist), errors.Is(e2, ErrNotFound))
	var target *ParseError
	fmt.Println(errors.As(wrapped, &target), target == nil)
	joined := errors.Join(ErrEmpty, nil, wrapped)
	fmt.Println(joined, errors.Is(joined, ErrNotFound))
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
}
