// defer modifying named results, recover turning panics into errors, defer
// argument evaluation time, and loops of deferred closures.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Tx struct {
	log    []string
	closed bool
}

func (t *Tx) Commit() error {
	t.log = append(t.log, "commit")
	return nil
}

func (t *Tx) Rollback() {
	t.log = append(t.log, "rollback")
}

func withTx(t *Tx, fail bool) (err error) {
	defer func() {
		if err != nil {
			t.Rollback()
			err = fmt.Errorf("tx aborted: %w", err)
			return
		}
		err = t.Commit()
	}()
	t.log = append(t.log, "work")
	if fail {
		return errors.New("constraint violated")
	}
	return nil
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return
}

func counter() (n int) {
	defer func() { n *= 2 }()
	defer func() { n += 3 }()
	n = 1
	return n + 10
}

func trace(name string, b *strings.Builder) func() {
	fmt.Fprintf(b, "enter %s;", name)
	return func() { fmt.Fprintf(b, "exit %s;", name) }
}

func nested(b *strings.Builder) {
	defer trace("outer", b)()
	func() {
		defer trace("inner", b)()
		b.WriteString("body;")
	}()
}

type result struct {
	v   int
	err error
}

func parse(s string) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("%v", p)
		}
	}()
	if s == "" {
		panic("empty")
	}
	r.v = len(s)
	return r
}

func main() {
	t := &Tx{}
	fmt.Println(withTx(t, false), t.log)
	t2 := &Tx{}
	err := withTx(t2, true)
	fmt.Println(err, t2.log, errors.Unwrap(err))

	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(counter())

	var b strings.Builder
	nested(&b)
	fmt.Println(b.String())

	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print("loop ", i, "; ") }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Print("arg ", i, "; ")
	}
	fmt.Println(parse("abc").v, parse("").err)
	r := parse("")
	fmt.Println(r.v, r.err)
	fmt.Println("end of main", x)
}
