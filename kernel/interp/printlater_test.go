package interp

import (
	"strings"
	"testing"
)

// laterTypesProgram prints values of its types through functions declared
// before them: split into cells (imports and functions, then types, then main's
// body), the functions are compiled before the types exist.
const laterTypesProgram = `package main

import (
	"errors"
	"fmt"
)

func show(v any)                     { fmt.Println(v) }
func showT(v any)                    { fmt.Printf("%T|%v|%s|%+v\n", v, v, v, v) }
func showErr(err error)              { fmt.Println("error:", err) }
func wrap(err error) error           { return fmt.Errorf("wrapped: %w", err) }
func describe(s fmt.Stringer) string { return fmt.Sprint("<", s, ">") }

type Circle struct{ R int }

func (c Circle) String() string { return fmt.Sprintf("circle(%d)", c.R) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type Point struct{ X, Y int }

func main() {
	show(Circle{2})
	showT(Circle{2})
	show(&Circle{3})
	show(Temp(3))
	showT(Temp(3))
	show(Point{1, 2})
	showT(Point{1, 2})
	showErr(&NotFound{"k"})
	showErr(Code(4))
	err := wrap(&NotFound{"x"})
	fmt.Println(err)
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key)
	err2 := wrap(Code(5))
	fmt.Println(err2, errors.Unwrap(err2), errors.Unwrap(err) == error(nf))
	fmt.Println(describe(Circle{4}), describe(Temp(1.5)))
	for _, v := range []any{Circle{5}, Temp(2), Point{3, 4}} {
		show(v)
	}
}
`

// TestPrintOfTypesDeclaredLater checks that a function prints the values of
// types declared after it as Go does: it printed <nil>, or the bare value, or
// float64 for %T of a Temp, without an error.
func TestPrintOfTypesDeclaredLater(t *testing.T) {
	t.Run("one cell", func(t *testing.T) { sameAsGo(t, laterTypesProgram) })
	t.Run("cells", func(t *testing.T) {
		want, _, _ := goRun(t, laterTypesProgram)
		src := strings.TrimPrefix(laterTypesProgram, "package main\n")
		funcs, rest, _ := strings.Cut(src, "type Circle")
		types, body, _ := strings.Cut("type Circle"+rest, "func main() {")
		body = strings.TrimSuffix(strings.TrimSpace(body), "}")
		s := newSession(t)
		var got strings.Builder
		for _, cell := range []string{funcs, types, body} {
			out, stderr, e := runCell(s, cell)
			if e != nil {
				t.Fatalf("cell\n%s\nfailed: %s: %s\n%s", cell, e.Name, e.Value, strings.Join(e.Traceback, "\n"))
			}
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			got.WriteString(out)
		}
		if got.String() != want {
			t.Errorf("cells printed:\n%s\ngo run printed:\n%s", got.String(), want)
		}
	})
}

// TestPrintOfRedeclaredType checks that a function declared before a type is
// declared again prints values of the new type with the new type's method, and
// names the type as declared (the interpreter knows it as Label_4).
func TestPrintOfRedeclaredType(t *testing.T) {
	s := newSession(t)
	for _, c := range [][2]string{
		{`import "fmt"` + "\nfunc show(v any) { fmt.Println(v) }", ""},
		{"type Label struct{ S string }\nfunc (l Label) String() string { return \"v1:\" + l.S }", ""},
		{`show(Label{"a"})`, "v1:a\n"},
		{"type Label struct{ S string }\nfunc (l Label) String() string { return \"v2:\" + l.S }", ""},
		{`show(Label{"b"})`, "v2:b\n"},
		{"type Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f°\", float64(t)) }", ""},
		{"type Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.2f°\", float64(t)) }", ""},
		{"show(Temp(2))\nvar a, b any = Temp(2), Label{}\nfmt.Printf(\"%T %T\\n\", a, b)", "2.00°\nmain.Temp main.Label\n"},
	} {
		out, _, e := runCell(s, c[0])
		if e != nil {
			t.Fatalf("cell %q: %s: %s", c[0], e.Name, e.Value)
		}
		if out != c[1] {
			t.Errorf("cell %q printed %q, want %q", c[0], out, c[1])
		}
	}
}
