package interp

import "testing"

// In a function literal, yaegi v0.16.1 never ran the deferred call of a
// function or method declared further down the cell, silently.
func TestDeferLaterDeclaredInLiteral(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

func main() {
	func() {
		defer cleanup("a")
		fmt.Println("body")
	}()
	run := func() {
		defer cleanup("b")
	}
	run()
	defer cleanup("c")
}

func cleanup(s string) { fmt.Println("cleanup", s) }
`)
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

var errBoom = errors.New("boom")

type conn struct{ name string }

func main() {
	var c conn
	func() {
		defer c.Close()
		defer c.note("x")
		fmt.Println("using")
	}()
	err := func() (err error) {
		defer guard(&err)
		panic("boom")
	}()
	fmt.Println("err:", err)
	for i := range 2 {
		func() {
			defer cleanup(i)
		}()
	}
	p := &conn{name: "p"}
	func() {
		defer p.Close()
		p.name = "changed"
	}()
	fmt.Println(errors.Is(err, errBoom))
}

func (c conn) Close()          { fmt.Println("close", c.name) }
func (c *conn) note(s string) { fmt.Println("note", s) }

func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("recovered %v: %w", r, errBoom)
	}
}

func cleanup(i int) { fmt.Println("cleanup", i) }
`)
}

// A deferred call of a value-receiver method through a pointer copies the
// value at the defer statement, as Go does: yaegi read it when the call ran.
func TestDeferValueMethodThroughPointer(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

type conn struct{ name string }

func (c conn) Close() { fmt.Println("close", c.name) }

func main() {
	p := &conn{name: "p"}
	func() {
		defer p.Close()
		p.name = "changed"
	}()
	q := &conn{name: "q"}
	defer q.Close()
	q.name = "changed"
}
`)
}
