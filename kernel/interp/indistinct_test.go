package interp

import (
	"strings"
	"testing"
)

// In an interface value the interpreter cannot tell a value of a named
// non-struct type of a cell from its underlying type, or from another such type
// (var v any = Celsius(3) passed v.(float64) and v.(Fahrenheit)): every
// assertion and type switch case such a value could pass for is refused, in the
// cell that declares the type and in the cells after it, whichever comes first.
func TestIndistinctTypeRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cells []string // all but the last run; the last is refused
		want  []string // in the refusal, one per refused construct
	}{
		{"same cell", []string{`type Celsius float64
type Fahrenheit float64
var v any = Celsius(3)
_, ok := v.(float64)
_, ok2 := v.(Fahrenheit)
switch v.(type) {
case Celsius:
}`}, []string{
			"line 4, column 13: type assertion to float64: in an interface value, the interpreter cannot tell a value of type float64 from one of session type ",
			"line 5, column 14: type assertion to Fahrenheit: in an interface value, the interpreter cannot tell a value of type Fahrenheit from one of its underlying type float64",
			"line 7, column 6: type switch case Celsius:",
		}},
		{"type first", []string{`type IDs []int`, `var v any = 1
_, ok := v.(map[string][]int)`}, []string{
			"type assertion to map[string][]int: in an interface value, the interpreter cannot tell a value of type []int from one of session type IDs (underlying type []int)"}},
		{"assertion first", []string{`func isFloat(v any) bool { _, ok := v.(float64); return ok }`, `type Celsius float64`}, []string{
			"type Celsius float64: in an interface value, the interpreter cannot tell a value of type Celsius from one of type float64, which an earlier cell's assertion to float64 would take it for"}},
		{"named type of a compiled package", []string{`import "time"
type Dur time.Duration`, `var v any = Dur(1)
_, ok := v.(time.Duration)`}, []string{"type assertion to time.Duration: in an interface value, the interpreter cannot tell a value of type int64 from one of session type Dur"}},
		{"generic instance", []string{`type List[T any] []T
var l List[string]`, `var v any = l
_, ok := v.([]string)`}, []string{"cannot tell a value of type []string from one of session type List[string]"}},
		{"local type", []string{`func main() {
	type Celsius float64
	var v any = Celsius(1)
	_, ok := v.(float64)
	_ = ok
}`}, []string{"type assertion to float64:"}},
		{"type declared again", []string{`type Celsius float64`, `type Celsius struct{ v float64 }`, `var v any = 1.5
_, ok := v.(float64)`}, []string{"type assertion to float64:"}},
		{"implementer later", []string{`type Temperature interface{ Degrees() float64 }
func isTemp(v any) bool { _, ok := v.(Temperature); return ok }`, `type Celsius float64`, `func (c Celsius) Degrees() float64 { return float64(c) }`}, []string{
			"line 1, column 18: method Celsius.Degrees: in an interface value, the interpreter cannot tell a value of type Celsius from one of type float64, so an assertion to Temperature, which Celsius implements, could answer false for it"}},
		{"implementer of a literal", []string{`func kind(v any) string {
	switch v.(type) {
	case interface{ Degrees() float64 }:
		return "temperature"
	}
	return "other"
}`, `type Celsius float64
func (c Celsius) Degrees() float64 { return float64(c) }`}, []string{
			"line 1, column 6: type Celsius: in an interface value, the interpreter cannot tell a value of type Celsius from one of type float64, so an assertion to interface{Degrees() float64}"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t)
			last := len(tc.cells) - 1
			for _, c := range tc.cells[:last] {
				run(t, s, c)
			}
			e, _ := fail(t, s, tc.cells[last])
			if e.Name != "Unsupported" {
				t.Errorf("%s: %s", e.Name, e.Value)
			}
			text := e.Value + "\n" + strings.Join(e.Traceback, "\n")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("refusal lacks %q:\n%s", w, text)
				}
			}
			if !strings.Contains(text, "declare the named type as a struct") {
				t.Errorf("refusal gives no way around it:\n%s", text)
			}
		})
	}
}

// Assertions that no value of the session's named non-struct types could pass
// for run, and answer as in Go.
func TestIndistinctTypeNotRefused(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"strconv"
)

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

type Reading struct{ c Celsius }

func describe(v any) string {
	switch x := v.(type) {
	case int:
		return "int " + strconv.Itoa(x)
	case string:
		return "string " + x
	case Reading:
		return "reading " + x.c.String()
	case fmt.Stringer:
		return "stringer " + x.String()
	}
	return "other"
}

func main() {
	for _, v := range []any{1, "a", Reading{2}, Celsius(3), 4.5} {
		fmt.Println(describe(v))
	}
	var v any = []string{"x"}
	s, ok := v.([]string)
	fmt.Println(s, ok)
}
`)
}
