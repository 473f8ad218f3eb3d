package interp

import (
	"reflect"
	"sync"
)

// sessionPrinters is how values of the session's types print when a cell's
// code passes them to a print function in an interface (desugar/printargs.go):
// the printer that the latest cell declaring types or methods registered, an
// interpreted function that asserts a value to each type with a printing
// method (String, Error, GoString) and calls it, which only interpreted code
// can; and the session's named types that are not structs (lookalikes, see
// printLookalike).
//
// A print call asks the printer when it runs, not when its cell was written: a
// function declared in one cell prints values of types that later cells
// declare. Written into the function, the cases of the types known then missed
// the later ones, and yaegi's own path printed <nil> for them.
type sessionPrinters struct {
	mu         sync.Mutex
	print      func(v any, errorf bool, held string) (any, bool)
	lookalikes []string
	lastFields []string // see wrappedName
}

// set registers print, lookalikes and lastFields; its result is for the
// package-level variable a cell of declarations only registers through.
func (p *sessionPrinters) set(print func(v any, errorf bool, held string) (any, bool), lookalikes, lastFields []string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print, p.lookalikes, p.lastFields = print, lookalikes, lastFields
	return true
}

// arg returns what fmt is given for v, an argument of a print function of an
// interface type (of fmt.Errorf if errorf; of the empty interface if empty).
func (p *sessionPrinters) arg(v any, errorf, empty bool) any {
	if inner, ok := valueInterfaceValue(v); v == nil || ok && inner == nil {
		// A nil interface of a cell's type reaches here as a valueInterface
		// holding nothing, which fmt.Println(sh) of a nil Shape dereferenced.
		return nil
	}
	p.mu.Lock()
	print, lookalikes, lastFields := p.print, p.lookalikes, p.lastFields
	p.mu.Unlock()
	if print != nil && mayHoldCellType(v) {
		arg, held := v, ""
		if valueInterfaceType(reflect.TypeOf(v)) {
			held = valueInterfaceHeld(reflect.ValueOf(v)).name
		} else if inner, wrapped := unwrap(v); wrapped {
			// yaegi's wrapper (of fmt.Stringer, of error…) has the methods of
			// its interface only, which print as Go's do unless the value's
			// type has Format or GoString: then the printer calls them all,
			// given the type the value is of.
			name, printer, err := wrappedName(v, inner, lookalikes, lastFields)
			if err != nil {
				panic(err)
			}
			if printer == "Format" || printer == "GoString" {
				arg, held = inner, name
			}
		}
		if r, ok := print(arg, errorf, held); ok {
			return r
		}
	}
	if errorf {
		return v
	}
	if inner, ok := valueInterfaceValue(v); ok && cellStructName(reflect.TypeOf(inner)) != "" &&
		valueInterfaceHeld(reflect.ValueOf(v), printingMethods...).method == "" {
		// The struct's marks name it as declared; the valueInterface names a
		// type declared again as the interpreter does (main.T_5).
		v = inner
	}
	if !empty {
		// A named type without methods implements the empty interface only.
		var withMethods []string
		for i := 0; i+2 < len(lookalikes); i += 3 {
			if lookalikes[i+2] != "" {
				withMethods = append(withMethods, lookalikes[i:i+3]...)
			}
		}
		lookalikes = withMethods
	}
	return printLookalike(v, lookalikes, lastFields)
}

// mayHoldCellType reports whether v may be a value of a cell's type with
// methods: one in yaegi's valueInterface or in one of its wrappers, or a
// struct declared in a cell (or a pointer to one).
func mayHoldCellType(v any) bool {
	t := reflect.TypeOf(v)
	if valueInterfaceType(t) || cellStructName(t) != "" {
		return true
	}
	_, wrapped := unwrap(v)
	return wrapped
}
