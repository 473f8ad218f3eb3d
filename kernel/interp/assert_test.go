package interp

import (
	"strings"
	"testing"
)

// A value of a cell's type held in an any or an error passes a type assertion
// (and a type switch case) to an interface it implements, declared in a cell or
// written as a literal, as in Go; yaegi alone answered false.
func TestAssertionToCellInterface(t *testing.T) {
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }

type NotFound struct{ name string }

func (e *NotFound) Error() string { return e.name + " not found" }
func (e *NotFound) Unwrap() error { return errors.ErrUnsupported }

func kind(v any) string {
	switch s := v.(type) {
	case nil:
		return "nil"
	case error:
		return "error " + s.Error()
	case Shape:
		return fmt.Sprint("shape ", s.Area())
	case interface{ Len() int }:
		return "len"
	default:
		return fmt.Sprintf("other %v", s)
	}
}

func area(v any) (a float64) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			a = -1
		}
	}()
	return v.(Shape).Area()
}

func main() {
	var v any = Square{2}
	s, ok := v.(Shape)
	fmt.Println(ok, s.Area())
	_, ok = any(&Circle{1}).(Shape)
	_, ok2 := any(Circle{1}).(Shape)
	fmt.Println(ok, ok2)
	var err error = &NotFound{"x"}
	u, ok := err.(interface{ Unwrap() error })
	fmt.Println(ok, u.Unwrap() == errors.ErrUnsupported)
	for _, x := range []any{nil, Square{3}, &Circle{2}, err, 7, "s"} {
		fmt.Println(kind(x))
	}
	fmt.Println(area(Square{5}), area(7))
	shapes := []Shape{Square{1}, &Circle{1}}
	for _, sh := range shapes {
		_, sq := sh.(Square)
		_, st := sh.(fmt.Stringer)
		fmt.Println(sq, st)
	}
}
`)
}

// An assertion to an interface that a named non-struct type of the session
// implements is refused: in an interface value the interpreter cannot tell such
// a value from one of its underlying type.
func TestAssertionToInterfaceOfNamedBasicRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `type Celsius float64
func (c Celsius) Degrees() float64 { return float64(c) }
type Temperature interface{ Degrees() float64 }`)
	e, _ := fail(t, s, `var v any = 1.5
_, ok := v.(Temperature)`)
	if e.Name != "Unsupported" || !strings.Contains(e.Value, "type assertion to main.Temperature, which Celsius implements") {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
}

// An assertion compiled before a type that implements the interface was
// declared answers for values of that type too.
func TestAssertionToCellInterfaceOfLaterType(t *testing.T) {
	s := newSession(t)
	run(t, s, `type Shape interface{ Area() float64 }
func isShape(v any) bool { _, ok := v.(Shape); return ok }`)
	run(t, s, `type Square struct{ side float64 }
func (s Square) Area() float64 { return s.side * s.side }`)
	expect(t, s, [2]string{`isShape(Square{1})`, "true"}, [2]string{`isShape(3)`, "false"})
}

// fmt prints a cell's Stringer at an argument's top level, or behind a pointer,
// through its method, and an unexported field of a struct without it, as Go
// does, and encoding/json calls a top-level value's MarshalJSON: those calls are
// not refused (TestRefusals has the refused ones).
func TestPrintOfCellStringers(t *testing.T) {
	sameAsGo(t, `package main

import (
	"encoding/json"
	"fmt"
)

type C float64

type Level int

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(fmt.Sprint("level ", int(l))) }

func (c C) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Q struct{ X int }

func (q *Q) String() string { return fmt.Sprint("Q", q.X) }

type W struct {
	c C
	n int
}

func main() {
	fmt.Println(C(2), &Q{4}, W{1, 2})
	fmt.Printf("%v %s\n", C(3), &Q{5})
	b, err := json.Marshal(Level(3))
	fmt.Println(string(b), err)
}
`)
}

// An error of a cell's pointer type that reached an any through error (yaegi
// holds it there in its wrapper) passes the assertion, and the type switch
// case, of its own type, as in Go; yaegi alone answered false or a nil pointer.
func TestAssertionThroughCompiledInterface(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"os"
)

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type S struct{ n, m int }

func (s S) String() string { return fmt.Sprint("S", s.n) }

func classify(v any) string {
	switch x := v.(type) {
	case *E:
		return "E " + x.msg
	case S:
		return fmt.Sprint("S ", x.n)
	case int:
		return "int"
	}
	return "other"
}

func open() error {
	_, err := os.Open("/nonexistent")
	return err
}

func main() {
	var err error = &E{"x"}
	var a any = err
	p, ok := a.(*E)
	fmt.Println(p != nil, ok, p.msg)
	fmt.Println(a.(*E).msg)
	_, ok = any(open()).(*E)
	fmt.Println(ok)
	fmt.Println(classify(a), classify(3), classify("x"), classify(&E{"y"}), classify(S{1, 2}))
	_, ok = a.(S)
	fmt.Println(ok)
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	fmt.Println(any(3).(*E))
}
`)
}

// A value of a cell's struct type that yaegi wrapped without its type (a
// one-field struct given as a fmt.Stringer, then as an any) cannot be asserted
// back: the assertion stops the cell rather than answer false.
func TestAssertionThroughCompiledInterfaceUndecided(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type S struct{ n int }
func (s S) String() string { return fmt.Sprint("S", s.n) }`)
	e, _ := fail(t, s, `var st fmt.Stringer = S{4}
var b any = st
_, ok := b.(S)
fmt.Println(ok)`)
	if !strings.Contains(e.Value, "ratelab cannot tell whether this value is a main.S") {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
}

// TestAssertionToCompositeTypeIsExact: yaegi passes an assertion to a composite
// type for a value whose type only shares its underlying type (a named slice for
// []string, and the other way), and its type switches take such a case; Go does
// not. Compared with go run, with the JSON shapes notebooks assert to every day.
func TestAssertionToCompositeTypeIsExact(t *testing.T) {
	sameAsGo(t, `package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
)

func kind(v any) string {
	switch v.(type) {
	case sort.StringSlice:
		return "sort.StringSlice"
	case []string:
		return "[]string"
	case http.Header:
		return "http.Header"
	case map[string][]string:
		return "map[string][]string"
	case func(int) int:
		return "func(int) int"
	}
	return "other"
}

func main() {
	var x any = []string{"a"}
	_, ok1 := x.(sort.StringSlice)
	var y any = sort.StringSlice{"b"}
	_, ok2 := y.([]string)
	s, ok3 := y.(sort.StringSlice)
	fmt.Println(ok1, ok2, ok3, s)
	fmt.Println(kind(x), kind(y), kind(http.Header{}), kind(map[string][]string{}), kind(func(i int) int { return i }), kind(3))

	var doc any
	if err := json.Unmarshal([]byte(`+"`"+`{"rates": [1.5, 2], "by": {"Mac": 3}}`+"`"+`), &doc); err != nil {
		panic(err)
	}
	m := doc.(map[string]any)
	rates := m["rates"].([]any)
	by, ok := m["by"].(map[string]any)
	fmt.Println(len(rates), rates[0].(float64), by["Mac"], ok)

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = y.([]string)
}
`)
}
