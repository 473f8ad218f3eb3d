package symbols

import (
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"reflect"

	"github.com/ratelab/ratelab/kernel/display"
)

// MapTypes tells yaegi which interfaces an interpreted value passed as `any` to a
// compiled function must be wrapped to satisfy: fmt checks for Stringer and
// Formatter, json and xml for their (Un)Marshalers. Without it a String method
// written in a cell is ignored by fmt.Println. (*interp.Interpreter).Use takes it
// under the key ".".
var MapTypes = map[reflect.Value][]reflect.Type{}

// Displayable lists the interfaces through which a value chooses how it is shown,
// richest first; a value defined in a cell is passed to display.Render, Show or
// Text wrapped for the first one it implements (yaegi wraps for one interface).
var Displayable = []reflect.Type{
	reflect.TypeFor[display.HTMLer](), reflect.TypeFor[display.Markdowner](), reflect.TypeFor[display.SVGer](),
	reflect.TypeFor[display.PNGer](), reflect.TypeFor[display.JSONer](), reflect.TypeFor[fmt.Stringer](),
}

func init() {
	Symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(MapTypes)}

	printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer]()}
	for _, f := range []any{
		fmt.Errorf, fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
		fmt.Sprint, fmt.Sprintf, fmt.Sprintln, fmt.Append, fmt.Appendf, fmt.Appendln,
		log.Fatal, log.Fatalf, log.Fatalln, log.Panic, log.Panicf, log.Panicln,
		log.Print, log.Printf, log.Println,
	} {
		MapTypes[reflect.ValueOf(f)] = printing
	}
	scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	for _, f := range []any{fmt.Scan, fmt.Scanf, fmt.Scanln, fmt.Sscan, fmt.Sscanf, fmt.Sscanln, fmt.Fscan, fmt.Fscanf, fmt.Fscanln} {
		MapTypes[reflect.ValueOf(f)] = scanning
	}
	for _, f := range []any{display.Render, display.Show, display.Text} {
		MapTypes[reflect.ValueOf(f)] = Displayable
	}
	MapTypes[reflect.ValueOf(json.Marshal)] = []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
	MapTypes[reflect.ValueOf(json.MarshalIndent)] = MapTypes[reflect.ValueOf(json.Marshal)]
	MapTypes[reflect.ValueOf(json.Unmarshal)] = []reflect.Type{reflect.TypeFor[json.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
	MapTypes[reflect.ValueOf(xml.Marshal)] = []reflect.Type{reflect.TypeFor[xml.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
	MapTypes[reflect.ValueOf(xml.Unmarshal)] = []reflect.Type{reflect.TypeFor[xml.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
}
