// recover turns panics into errors; re-panics; panics with custom values.
package main

import (
	"errors"
	"fmt"
)

type parseError struct {
	line int
	msg  string
}

func (e *parseError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if b == 0 {
		panic("division by zero requested")
	}
	return a / b, nil
}

func parse(lines []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(*parseError); ok {
				err = pe
				return
			}
			panic(r)
		}
	}()
	for i, l := range lines {
		if l == "" {
			panic(&parseError{i + 1, "empty line"})
		}
	}
	return nil
}

func main() {
	fmt.Println(safeDiv(10, 3))
	fmt.Println(safeDiv(1, 0))
	err := parse([]string{"a", "", "c"})
	var pe *parseError
	fmt.Println(err, errors.As(err, &pe), pe.line)
	fmt.Println(parse([]string{"x"}))
	func() {
		defer func() {
			r := recover()
			s, isString := r.(string)
			fmt.Println("outer recovered:", s, isString)
		}()
		defer func() {
			panic("second")
		}()
		panic("first")
	}()
}
