package interp

import (
	"strings"
	"testing"
)

// failsSaying fails t unless the cell code fails with an error that says want.
func failsSaying(t *testing.T, s *Session, code, want string) {
	t.Helper()
	if e, _ := fail(t, s, code); !strings.Contains(e.Value, want) {
		t.Errorf("%s: error %q, want it to say %q", code, e.Value, want)
	}
}

// A value of a cell's type with methods, held in an interface, is kept by yaegi
// in its valueInterface; these print as go run prints them, in containers too.
func TestValueInterfacesPrintAsGo(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

type Names []string

func (n Names) Len() int { return len(n) }

type Scene struct {
	Title  string
	Shapes []Shape
}

func main() {
	shapes := []Shape{Circle{1}, Sq(2), &Circle{3}}
	fmt.Println(shapes[:2], strings.HasPrefix(fmt.Sprint(shapes[2:]), "[0x"))
	fmt.Printf("%v|%+v|%d\n", shapes[:2], shapes[:2], len(shapes))
	var a any = Sq(3)
	fmt.Println(a)
	fmt.Printf("%v %T %#v\n", a, a, a)
	xs := []any{Names{"p"}, 3, "s", Circle{4}}
	fmt.Printf("%v %#v %+v\n", xs, xs, xs)
	fmt.Println(xs...)
	m := map[string]any{"n": Names{"q"}, "c": Circle{5}}
	fmt.Printf("%v %#v\n", m, m)
	sc := Scene{"two", shapes[:2]}
	fmt.Printf("%v %+v\n", sc, sc)
	fmt.Println(fmt.Sprint(shapes[:2]) == "[{1} 2]")
}
`)
}

// Where Go would print a held value through its String method, which the
// interpreter cannot call from inside a container, the cell is refused; and
// where %T or %#v would name an interface type the interpreter keeps no name
// for.
func TestValueInterfacesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type Shape interface{ Area() float64 }
type Circle struct{ R float64 }
func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) String() string { return fmt.Sprintf("circle(%g)", c.R) }`)
	for _, c := range []struct{ code, want string }{
		{`fmt.Println([]Shape{Circle{1}})`, "a value of type main.Circle, which fmt prints through its String method"},
		{`fmt.Sprintf("%#v", map[string]Shape{"a": nil})`, "the interpreter keeps no name for it"},
	} {
		failsSaying(t, s, c.code, c.want)
	}
	failsSaying(t, s, `[]Shape{Circle{1}}`, "through its String method")
	// Spread, each element is an argument of its own, printed as one
	// (PrintSpread).
	prints(t, s, `xs := []any{Circle{2}}; fmt.Println(xs...)`, "circle(2)\n")
	b, _ := run(t, s, `type Sq float64
func (s Sq) Area() float64 { return float64(s * s) }
[]Shape{Sq(2), nil}`)
	if got := plain(b); got != "[2 <nil>]" {
		t.Errorf("showing []Shape{Sq(2), nil}: %q, want [2 <nil>]", got)
	}
}

// A value of a named type that is not a struct, without methods, reaches fmt
// through an interface as its underlying value: where that could be the named
// type, %T (and %#v of a slice) is refused, %v printed; and where the named
// type has a String method, printing it at all is refused.
func TestLookalikesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type Celsius float64
type Names []string
func (n Names) String() string { return "names" }
var a any = 2.5`)
	printed := func(code, want string) {
		t.Helper()
		if out, _, e := runCell(s, code); e != nil || out != want {
			t.Errorf("%s printed %q (error %v), want %q", code, out, e, want)
		}
	}
	printed(`fmt.Println(a)`, "2.5\n")
	for _, c := range []struct{ code, want string }{
		{`fmt.Printf("%T", a)`, "it is a float64, or a main.Celsius, which the interpreter cannot tell apart"},
		{`var b any = []string{"x"}; fmt.Println(b)`, "it is a []string, or a main.Names, which fmt prints through its String method"},
	} {
		failsSaying(t, s, c.code, c.want)
	}
	// From a variable of its own type, the name is known.
	printed(`c := Celsius(3); fmt.Printf("%T %v", c, c)`, "main.Celsius 3")
}

// A cell's value of an interface type holding a value of a cell's struct type
// is shown through that type's String method, as fmt would print it.
func TestInterfaceResultShownByItsMethods(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
type Shape interface{ Area() float64 }
type Circle struct{ R float64 }
func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) String() string { return fmt.Sprintf("circle(%g)", c.R) }
type Sq float64
func (s Sq) Area() float64 { return float64(s * s) }`)
	for code, want := range map[string]string{
		`var s Shape = Circle{1}; s`: "circle(1)",
		`var q Shape = Sq(2); q`:     "2",
		`var e any = Circle{3}; e`:   "circle(3)",
	} {
		if b, _ := run(t, s, code); plain(b) != want {
			t.Errorf("%s shows %q, want %q", code, plain(b), want)
		}
	}
}

// json.Marshal of a value held in an interface whose type has a MarshalJSON
// method fails saying why, rather than encode the bare value.
func TestJSONOfHeldMarshalerFails(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("encoding/json"; "fmt")
type Level int
func (l Level) MarshalJSON() ([]byte, error) { return []byte("\"high\""), nil }
func (l Level) Rank() int { return int(l) }`)
	out, _, e := runCell(s, `_, err := json.Marshal([]any{Level(3)}); fmt.Print(err)`)
	if e != nil || !strings.Contains(out, "json: ratelab cannot encode a value of type main.Level held in an interface or a container: encoding/json would call its MarshalJSON method") {
		t.Errorf("json.Marshal([]any{Level(3)}): printed %q (cell error %v), want the error saying why", out, e)
	}
}

// %#v names a cell's named non-struct types where Go does, and is refused
// where they sit below the top of a value, whose names the interpreter keeps
// nowhere.
func TestSharpVOfNamedTypes(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

type Celsius float64
type Names []string
type Reading struct {
	Where string
	T     Celsius
}
type Roster struct {
	Team    string
	Members Names
}

func main() {
	fmt.Printf("%#v\n", []Celsius{1, 2})
	fmt.Printf("%#v\n", Reading{"a", 3})
	fmt.Printf("%#v %v %+v\n", []Reading{{"b", 4}}, []Reading{{"b", 4}}, []Reading{{"b", 4}})
	fmt.Printf("%v %+v\n", Roster{"x", Names{"p"}}, Roster{"x", Names{"p"}})
	fmt.Printf("%v %+v\n", []Names{{"a"}}, map[string]Names{"k": {"q"}})
}
`)
	s := newSession(t)
	run(t, s, `import "fmt"
type Names []string
type Roster struct {
	Team    string
	Members Names
}`)
	failsSaying(t, s, `fmt.Printf("%#v", Roster{"x", Names{"p"}})`, "ratelab cannot print this main.Roster with %#v as Go would")
}

// A json.Encoder fails as json.Marshal does for a held value with MarshalJSON,
// and encodes a value of such a type given directly through its method.
func TestJSONEncoderOfHeldMarshaler(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("encoding/json"; "fmt"; "os")
type Level int
func (l Level) MarshalJSON() ([]byte, error) { return []byte("\"high\""), nil }
func (l Level) Rank() int { return int(l) }`)
	out, _, e := runCell(s, `fmt.Print(json.NewEncoder(os.Stdout).Encode([]any{Level(3)}))`)
	if e != nil || !strings.Contains(out, "json: ratelab cannot encode a value of type main.Level held in an interface or a container: encoding/json would call its MarshalJSON method") {
		t.Errorf("Encode([]any{Level(3)}): printed %q (cell error %v), want the error saying why", out, e)
	}
	if out, _, e := runCell(s, `fmt.Print(json.NewEncoder(os.Stdout).Encode(Level(3)))`); e != nil || out != "\"high\"\n<nil>" {
		t.Errorf("Encode(Level(3)): printed %q (cell error %v), want %q", out, e, "\"high\"\n<nil>")
	}
}
