package interp

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/desugar"
)

// cellStructMarks reads the marks package desugar left on field i of t, a struct
// type declared in a cell (see desugar.StructMarks).
func cellStructMarks(t reflect.Type, i int) (typeName string, unexported bool) {
	return desugar.StructMarks(t.Field(i).Tag)
}

// declaredFields is t.NumField() for t, a struct type, as its cell declared
// it: 0 for a struct type declared without fields, whose one field package
// desugar gave it to carry its mark (desugar.HiddenField).
func declaredFields(t reflect.Type) int {
	if t.NumField() == 1 && desugar.HiddenField(t.Field(0).Tag) {
		return 0
	}
	return t.NumField()
}

// goFieldName is the name field i of t was declared with in its cell: yaegi
// exports an unexported name by putting an X in front, and an embedded struct
// of a type a later cell redeclared is named as the session renamed the type
// (Base_18: see Session.redeclaredTypes); its marks keep the declared name.
func goFieldName(t reflect.Type, i int) string {
	f := t.Field(i)
	if declared := cellStructName(f.Type); declared != "" && f.Name != declared && strings.HasPrefix(f.Name, declared+"_") {
		if _, err := strconv.Atoi(f.Name[len(declared)+1:]); err == nil {
			return declared // yaegi does not mark the field as embedded
		}
	}
	name := f.Name
	if _, unexported := cellStructMarks(t, i); unexported {
		return strings.TrimPrefix(name, "X")
	}
	return name
}
