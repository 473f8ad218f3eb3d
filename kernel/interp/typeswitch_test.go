package interp

import (
	"strings"
	"testing"
)

// Type switch cases and assertions to compiled interfaces (fmt.Stringer,
// error) on values of a cell's types run as in Go, in one session's cells:
// before, `var x any = T{}` fell past `case fmt.Stringer:`, a P with String
// on *P passed it, and x.(error) of a nil any panicked.
func TestCompiledInterfaceCasesInCells(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type T struct{ n int }
func (T) String() string { return "t" }
type P struct{ n int }
func (p *P) String() string { return fmt.Sprint("p", p.n) }
type MyErr struct{ msg string }
func (e *MyErr) Error() string { return "myerr " + e.msg }
func kind(x any) string {
	switch v := x.(type) {
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	case nil:
		return "nil"
	}
	return "other"
}`)
	expect(t, s,
		[2]string{`var x any = T{}
kind(x)`, `"stringer t"`},
		[2]string{`kind(P{1}) + ", " + kind(&P{2}) + ", " + kind(nil)`, `"other, stringer p2, nil"`},
		[2]string{`var held error = &MyErr{"held"}
func() string { switch v := held.(type) { case error: return v.Error() }; return "none" }()`, `"myerr held"`},
		[2]string{`e, ok := held.(fmt.Stringer)
e == nil && !ok`, "true"},
		[2]string{`var none any
_, isErr := none.(error)
isErr`, "false"},
		// The nil pointer is not refused where its value is not used.
		[2]string{`var np *MyErr
var nx any = np
_, nilIsErr := nx.(error)
func() string { switch nx.(type) { case error: return "error" }; return "other" }() + fmt.Sprint(" ", nilIsErr)`, `"error true"`},
	)
}

// What the interpreter cannot answer is refused: an assertion to a compiled
// interface that a pointer to a named non-struct type of the session
// implements and the type does not (the interpreter would pass the type), a value
// of one of several struct types without fields that kept no type name, and a
// nil pointer of a cell's type asserted to a compiled interface where the
// result is used (Go's result holds the nil pointer; the interpreter's would
// be nil).
func TestCompiledInterfaceCasesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type MyErr struct{ msg string }
func (e *MyErr) Error() string { return "myerr " + e.msg }`)
	failsSaying(t, s, `var p *MyErr
var x any = p
func() bool { switch v := x.(type) { case error: return v != nil }; return false }()`,
		"ratelab cannot convert a nil *main.MyErr to error here")
	failsSaying(t, s, `var p *MyErr
func(a any) bool { v, ok := a.(error); return ok && v != nil }(p)`,
		"ratelab cannot convert a nil *main.MyErr to error here")

	run(t, s, `type Add struct{}
func (Add) String() string { return "add" }
type Nop struct{}
func isStringer(x any) bool { _, ok := x.(fmt.Stringer); return ok }`)
	// Nop, without methods, has its own type now (desugar/structtags.go).
	expect(t, s, [2]string{`isStringer(Nop{})`, "false"})

	run(t, s, `type Count int
func (c *Count) String() string { return fmt.Sprint("count ", int(*c)) }`)
	e, _ := fail(t, s, `func describe(x any) string { switch x.(type) { case fmt.Stringer: return "stringer" }; return "other" }`)
	if e.Name != "Unsupported" || !strings.Contains(e.Value, "type assertion to fmt.Stringer, which *Count implements and Count does not") {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
}

// A struct type declared after the cell that asserts to a compiled interface
// is not known to that cell's assertion, which the interpreter would answer
// wrongly for some of its values: the assertion stops the cell.
func TestCompiledInterfaceCaseOfLaterType(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
func isStringer(v any) bool { _, ok := v.(fmt.Stringer); return ok }`)
	run(t, s, `type Later struct{ n int }
func (l *Later) String() string { return "later" }`)
	failsSaying(t, s, `isStringer(Later{1})`, "Later was declared after the cell that makes this assertion; run that cell again")
	expect(t, s, [2]string{`isStringer(3)`, "false"})
}

// A struct type without fields is struct{} to the interpreter: a value of one
// with methods is told by the name the interpreter keeps with it, in an error
// returned by a function too, where the assertion panicked (reflect: Field
// index out of bounds); a struct{}{} passed x.(Token) and case Token as the
// session's only such type, and is refused now, as the interpreter keeps no
// name with it that tells it from a Token.
func TestFieldlessStructAssertions(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type Token struct{}
func (Token) String() string { return "token" }
type NotFound struct{}
func (NotFound) Error() string { return "not found" }
func find() error { return NotFound{} }
func kind(v any) string { switch v.(type) { case Token: return "Token"; case NotFound: return "NotFound" }; return "other" }`)
	expect(t, s,
		[2]string{`err := find()
_, ok := err.(NotFound)
ok`, "true"},
		[2]string{`kind(err) + " " + kind(map[string]any{"t": Token{}}["t"]) + " " + kind(1)`, `"NotFound Token other"`},
		[2]string{`var a any = err
_, isTok := a.(Token)
isTok`, "false"},
	)
	failsSaying(t, s, `var x any = struct{}{}
_, ok := x.(Token)`, "ratelab cannot tell whether this value is a main.Token")
	failsSaying(t, s, `kind(struct{}{})`, "ratelab cannot tell whether this value is a main.Token")
}
