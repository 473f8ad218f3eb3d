package interp

import (
	"reflect"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/desugar"
)

// cellStructMarks reads the marks package desugar left on field i of t, a struct
// type declared in a cell (see desugar.StructMarks).
func cellStructMarks(t reflect.Type, i int) (typeName string, unexported bool) {
	return desugar.StructMarks(t.Field(i).Tag)
}

// goFieldName is the name field i of t was declared with in its cell: yaegi
// exports an unexported name by putting an X in front.
func goFieldName(t reflect.Type, i int) string {
	name := t.Field(i).Name
	if _, unexported := cellStructMarks(t, i); unexported {
		return strings.TrimPrefix(name, "X")
	}
	return name
}
