// Type switches and type assertions to interface types (compiled ones such as
// error and fmt.Stringer, one declared here, and interface literals) on values
// of the program's own types, with value and pointer receivers.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type Shape interface{ Area() float64 }

type Named interface {
	Shape
	Name() string
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }
func (s Square) Name() string  { return "square" }

type Circle struct{ r float64 }

func (c *Circle) Area() float64  { return 3 * c.r * c.r }
func (c *Circle) String() string { return fmt.Sprintf("circle(%g)", c.r) }

// Token has a field: in an any, a pointer to a struct type without fields is a
// *struct{} to the interpreter, refused as it cannot be told from &struct{}{}.
type Token struct{ _ byte }

func (Token) String() string { return "token" }

type Label struct{ text string }

func (l Label) String() string { return "label " + l.text }

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

type Timeout struct{ secs int }

func (e Timeout) Error() string  { return fmt.Sprintf("timeout after %ds", e.secs) }
func (e Timeout) String() string { return "Timeout" }

type Plain struct{ n int }

type Bag struct{ items []int }

func (b Bag) Len() int { return len(b.items) }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case error:
		return "error: " + v.Error()
	case Named:
		return fmt.Sprintf("named %s %.1f", v.Name(), v.Area())
	case Shape:
		return fmt.Sprintf("shape %.1f", v.Area())
	case fmt.Stringer:
		return "stringer: " + v.String()
	case interface{ Len() int }:
		return fmt.Sprint("has Len ", v.Len())
	case int, string:
		return fmt.Sprint("int or string ", v)
	default:
		return "other"
	}
}

func kinds(x any) string {
	switch x.(type) {
	case fmt.Stringer, error:
		return "stringer or error"
	case Shape:
		return "shape"
	}
	return "-"
}

func asserts(x any) string {
	e, isErr := x.(error)
	s, isStringer := x.(fmt.Stringer)
	sh, isShape := x.(Shape)
	out := fmt.Sprint(isErr, isStringer, isShape)
	if isErr {
		out += " | " + e.Error()
	}
	if isStringer {
		out += " | " + s.String()
	}
	if isShape {
		out += fmt.Sprintf(" | %.1f", sh.Area())
	}
	return out
}

func classify(err error) string {
	switch e := err.(type) {
	case *NotFound:
		return "missing " + e.key
	case interface{ Timeout() bool }:
		return "timeout method"
	case fmt.Stringer:
		return "error with String: " + e.String()
	case nil:
		return "ok"
	}
	return "other error: " + err.Error()
}

func find(key string) error {
	if key == "" {
		return nil
	}
	if key == "slow" {
		return &Timeout{3}
	}
	return &NotFound{key}
}

func main() {
	values := []any{nil, Square{2}, &Square{1}, Circle{1}, &Circle{2}, Token{}, &Token{}, Label{"a"},
		&NotFound{"k"}, NotFound{"v"}, Timeout{5}, &Timeout{6}, Plain{1}, &Plain{2},
		errors.New("plain"), fmt.Errorf("wrapped: %w", &NotFound{"w"}), Bag{[]int{1, 2, 3}}, strings.Repeat("s", 2),
		7, "s", 2.5}
	for i, v := range values {
		fmt.Println(i, describe(v), "|", kinds(v), "|", asserts(v))
	}

	// From variables of their own types put into interfaces.
	var tok any = Token{}
	lab := any(Label{"b"})
	var circ any = &Circle{3}
	var sq any = Square{3}
	fmt.Println(describe(tok), describe(lab), describe(circ), describe(sq))
	if s, ok := tok.(fmt.Stringer); ok {
		fmt.Println("tok is a Stringer:", s.String())
	}
	if _, ok := any(Circle{1}).(fmt.Stringer); !ok {
		fmt.Println("a Circle value has no String method")
	}

	// A switch on a variable of the enclosing function, with and without a
	// bound variable.
	switch v := lab.(type) {
	case fmt.Stringer:
		fmt.Println("lab:", v.String())
	default:
		fmt.Println("lab: other")
	}
	switch circ.(type) {
	case Named:
		fmt.Println("circ: named")
	case Shape:
		fmt.Println("circ: shape")
	}

	// An error variable holding a pointer, asserted and switched on.
	var held error = &NotFound{"held"}
	switch v := held.(type) {
	case error:
		fmt.Println("held:", v)
	}
	switch v := held.(type) {
	case fmt.Stringer:
		fmt.Println("held is a Stringer", v.String())
	case *NotFound:
		fmt.Println("held is a *NotFound", v.key)
	}
	if e, ok := held.(error); ok {
		fmt.Println("held as error:", e.Error())
	}
	if _, ok := held.(fmt.Stringer); !ok {
		fmt.Println("held is no Stringer")
	}

	for _, key := range []string{"", "slow", "x"} {
		fmt.Println(classify(find(key)))
	}
	fmt.Println(classify(io.EOF), classify(fmt.Errorf("ctx: %w", &Timeout{1})))

	// Shapes in a slice of the interface, asserted to another interface.
	shapes := []Shape{Square{1}, &Circle{1}}
	for _, s := range shapes {
		if n, ok := s.(Named); ok {
			fmt.Println("named:", n.Name())
		} else if st, ok := s.(fmt.Stringer); ok {
			fmt.Println("stringer:", st.String())
		}
	}
}
