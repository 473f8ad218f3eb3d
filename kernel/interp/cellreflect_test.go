package interp

import "testing"

// Package reflect, used by a cell, describes the struct types declared in
// cells as Go declares them, not as yaegi builds them (unnamed, with ratelab's
// marks in the tags and unexported fields exported as Xname).
func TestReflectCellStructsAsGo(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Point struct{ X, Y int }

type Base struct{ ID int }

type Row struct {
	Base
	name  string `+"`json:\"name\"  db:\"n\"`"+`
	Score float64 `+"`db:\"score\"`"+`
	hits  []Point
}

func describe(v any) string {
	t := reflect.TypeOf(v)
	return t.String() + " " + t.Name() + " " + t.PkgPath() + " " + t.Kind().String()
}

func main() {
	t := reflect.TypeOf(Point{})
	fmt.Println(t)
	fmt.Println(t.Name(), t.String(), t.PkgPath(), t.Kind(), t.NumField())
	fmt.Printf("%v %s %T %q\n", t, t, t, t)
	fmt.Printf("%q %q\n", t.Field(0).Tag, t.Field(1).Tag)
	fmt.Println(reflect.ValueOf(Point{1, 2}).Type(), reflect.ValueOf(Point{1, 2}).String())
	fmt.Println(describe(Point{}), "|", describe(&Point{}), "|", describe([]Point{}), "|", describe(map[string]Point{}))
	fmt.Println(reflect.TypeOf(&Point{}).Elem().Name(), reflect.TypeOf([]Point{}).Elem())

	rt := reflect.TypeOf(Row{})
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		fmt.Printf("%s %q %s %q %v %v %q %q\n", f.Name, f.PkgPath, f.Type, f.Tag, f.IsExported(), f.Anonymous, f.Tag.Get("json"), f.Tag.Get("db"))
	}
	for _, name := range []string{"name", "Xname", "ID", "Score", "hits", "Base", "nope"} {
		f, ok := rt.FieldByName(name)
		fmt.Println(name, f.Name, f.Index, ok)
	}
	f, ok := rt.FieldByNameFunc(func(s string) bool { return strings.HasPrefix(s, "Sc") })
	fmt.Println(f.Name, ok, rt.FieldByIndex([]int{0, 0}).Name)

	r := Row{Base{7}, "x", 1.5, nil}
	v := reflect.ValueOf(&r).Elem()
	for i := 0; i < v.NumField(); i++ {
		fv := v.Field(i)
		fmt.Println(rt.Field(i).Name, fv.CanSet(), fv.CanInterface(), fv.CanAddr(), fv.Kind())
	}
	fmt.Println(v.FieldByName("name").String(), v.FieldByName("name").CanSet(), v.FieldByName("ID").Int(), v.FieldByName("Xname").IsValid())
	fmt.Println(v.FieldByIndex([]int{0, 0}).CanSet(), reflect.ValueOf(r).Field(1).CanInterface())
	v.FieldByName("Score").SetFloat(2.5)
	fmt.Println(r.Score, v.Type(), v.Type() == rt, v.Type() == reflect.TypeOf(Point{}))
}
`)
}

// What package reflect cannot be made to answer as Go does for a cell's types
// is refused, never answered wrongly.
func TestReflectCellTypesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, "import (\"fmt\"; \"reflect\")\ntype Celsius float64\ntype Reading struct{ Temps []Celsius }\ntype Point struct{ X, Y int }\nfunc (p Point) Sum() int { return p.X + p.Y }\nvar _ = fmt.Sprint")
	failsSaying(t, s, "fmt.Println(reflect.TypeOf(Celsius(3)).Name())", "reflect.TypeOf(Celsius(3)): reflect would describe main.Celsius as float64")
	failsSaying(t, s, "fmt.Println(reflect.ValueOf(Reading{}).Field(0).Type())", "reflect.ValueOf(Reading{}): reflect would describe main.Celsius as float64")
	failsSaying(t, s, "func kind(v any) string { return reflect.TypeOf(v).Name() }", "reflect.TypeOf(v): reflect would describe a value of session type Celsius it may be given as its underlying type")
	failsSaying(t, s, "t := reflect.TypeOf(Point{})\nname := t.Name\nfmt.Println(name())", "method t.Name used as a value")
	failsSaying(t, s, "f := reflect.Type.String\n_ = f", "method reflect.Type.String used as a value")
	failsSaying(t, s, "fmt.Println(reflect.TypeOf(Point{}).NumMethod())", "ratelab cannot run reflect.Type.NumMethod on main.Point")
	failsSaying(t, s, "fmt.Println(reflect.ValueOf(&Point{}).MethodByName(\"Sum\").IsValid())", "ratelab cannot run reflect.Value.MethodByName on *main.Point")
	failsSaying(t, s, "fmt.Println(reflect.TypeOf(Point{}).Implements(reflect.TypeOf((*fmt.Stringer)(nil)).Elem()))", "ratelab cannot run reflect.Type.Implements on main.Point")
}

// A named non-struct type declared after a cell that reflects on interface
// values is refused: such a value given to it would be described as its
// underlying type.
func TestReflectErasedTypeDeclaredLater(t *testing.T) {
	s := newSession(t)
	run(t, s, "import \"reflect\"\nfunc kind(v any) string { return reflect.TypeOf(v).Name() }")
	failsSaying(t, s, "type Celsius float64", "type Celsius float64: reflect would describe a value of it given to an earlier cell's reflect.TypeOf(v) as its underlying type")
}

// A reflect.Type of a cell's struct type printed inside another value (a
// reflect.StructField, a slice) is refused: fmt would name it as the
// interpreter built it.
func TestReflectTypeInsideValuesRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, "import (\"fmt\"; \"reflect\")\ntype P struct{ X int }\ntype W struct{ In P }\nvar _ = fmt.Sprint")
	failsSaying(t, s, "fmt.Println(reflect.TypeOf(W{}).Field(0))", "ratelab cannot print a reflect.StructField that holds a reflect.Type of main.P")
	failsSaying(t, s, "fmt.Println([]reflect.Type{reflect.TypeOf(W{})})", "ratelab cannot print a []reflect.Type that holds a reflect.Type of main.W")
	failsSaying(t, s, "reflect.TypeOf(W{}).Field(0)", "ratelab cannot print a reflect.StructField that holds a reflect.Type of main.P")
	sameAsGo(t, `package main

import (
	"fmt"
	"reflect"
)

type P struct{ X int }

func main() {
	fmt.Println(reflect.TypeOf(P{}).Field(0), []reflect.Type{reflect.TypeOf(0)}, reflect.TypeOf(P{}).Field(0).Type)
}
`)
}
