// Struct types without fields declared in a cell, which the interpreter makes
// struct{}: assertions and type switch cases tell them apart by the type name
// the interpreter keeps with a value of one with methods, in an any or a map.
package main

import (
	"fmt"
)

type Token struct{}

func (Token) String() string { return "token" }

type Stop struct{}

func (*Stop) Error() string { return "stop" }

type NotFound struct{}

func (NotFound) Error() string { return "not found" }

type Empty struct{}

func kind(v any) string {
	switch x := v.(type) {
	case Token:
		return "Token " + x.String()
	case *Stop:
		return "*Stop " + x.Error()
	case fmt.Stringer:
		return "Stringer " + x.String()
	case error:
		return "error " + x.Error()
	case int:
		return "int"
	}
	return "other"
}

func main() {
	for _, v := range []any{Token{}, &Stop{}, NotFound{}, 3, "s"} {
		fmt.Println(kind(v))
		_, isTok := v.(Token)
		_, isStop := v.(*Stop)
		_, isStr := v.(fmt.Stringer)
		fmt.Println(isTok, isStop, isStr)
	}
	m := map[string]any{"t": Token{}, "s": &Stop{}}
	fmt.Println(kind(m["t"]), kind(m["s"]))
	t := m["t"].(Token)
	fmt.Println(t)
}
