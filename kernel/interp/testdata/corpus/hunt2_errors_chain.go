// Error chains: custom error types with pointer and value receivers,
// errors.Is/As through fmt.Errorf %w, errors.Join, Is methods and sentinels.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var ErrEmpty = errors.New("empty input")

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

type RangeError struct {
	Val, Min, Max int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%d out of [%d,%d]", e.Val, e.Min, e.Max)
}

type Code struct{ N int }

func (c *Code) Error() string { return "code " + strconv.Itoa(c.N) }
func (c *Code) Is(target error) bool {
	t, ok := target.(*Code)
	return ok && (t.N == c.N || t.N == 0)
}

func parseLine(n int, s string) (int, error) {
	if s == "" {
		return 0, &ParseError{n, ErrEmpty}
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{Line: n, Err: err}
	}
	if v < 0 || v > 100 {
		return 0, &ParseError{n, &RangeError{v, 0, 100}}
	}
	return v, nil
}

func parseAll(lines []string) ([]int, error) {
	var out []int
	var errs []error
	for i, l := range lines {
		v, err := parseLine(i+1, l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, v)
	}
	return out, errors.Join(errs...)
}

func main() {
	vals, err := parseAll([]string{"10", "", "x1", "250", "42"})
	fmt.Println(vals)
	fmt.Println(err)
	fmt.Println("empty?", errors.Is(err, ErrEmpty))
	var re *RangeError
	if errors.As(err, &re) {
		fmt.Println("range:", re.Val, re.Max)
	}
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Println("num:", ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	}
	var pe *ParseError
	fmt.Println(errors.As(err, &pe), pe.Line)

	_, err2 := parseAll([]string{"1", "2"})
	fmt.Println(err2 == nil, err2)

	e := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", &Code{404}))
	fmt.Println(e)
	fmt.Println(errors.Is(e, &Code{404}), errors.Is(e, &Code{500}), errors.Is(e, &Code{0}))
	inner := errors.Unwrap(errors.Unwrap(e))
	var cp *Code
	fmt.Println(inner == &Code{404}, errors.As(e, &cp), cp.N, inner == error(cp))

	multi := fmt.Errorf("both: %w and %w", fs.ErrNotExist, &Code{7})
	fmt.Println(multi, errors.Is(multi, fs.ErrNotExist), errors.Is(multi, &Code{7}))

	var target *ParseError
	wrapped := fmt.Errorf("ctx: %w", &ParseError{9, &RangeError{-1, 0, 5}})
	if errors.As(wrapped, &target) {
		target.Line = 10
	}
	fmt.Println(wrapped)
	fmt.Printf("%T %T %v\n", err, e, errors.Is(nil, ErrEmpty))
}
