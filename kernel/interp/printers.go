package interp

import (
	"fmt"
	"reflect"
	"strings"
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
	// printing holds the struct types whose values print through a method
	// (P), and those whose pointers only do (*Q), each to ""; and those that
	// hold in a field a type that does (R), each to that type (main.Temp):
	// see cellArgs.
	printing map[string]string
}

// set registers print, lookalikes, lastFields and printing; its result is for
// the package-level variable a cell of declarations only registers through.
func (p *sessionPrinters) set(print func(v any, errorf bool, held string) (any, bool), lookalikes, lastFields, printing []string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print, p.lookalikes, p.lastFields = print, lookalikes, lastFields
	p.printing = map[string]string{}
	for _, name := range printing {
		name, held, _ := strings.Cut(name, ">")
		p.printing[name] = held
	}
	return true
}

// cellArgs is the package's cellArgs, refusing an argument that holds, where
// fmt would call a method of its type, a struct of a cell's type with a
// printing method, which the interpreter handed over bare: `var v any =
// []P{{1, 2}}; fmt.Println(v)` printed [{1 2}] where Go calls P's String. So
// is one holding a struct with such a value in a field: `var w any =
// Reading{1, 4}` printed {1 4} where Go prints {1 4.0°C}.
func (p *sessionPrinters) cellArgs(args []any) []any {
	p.mu.Lock()
	printing := p.printing
	p.mu.Unlock()
	if len(printing) > 0 {
		for _, a := range args {
			if _, ok := a.(fmt.Formatter); ok || a == nil {
				continue // a cellValue (PrintArg) prints through its methods
			}
			name, held := printedByMethod(reflect.ValueOf(a), printing, 0)
			if name == "" {
				continue
			}
			what := "a value of type " + name + ", which fmt prints through its method,"
			if held != "" {
				what = "a value of type " + name + ", with a field of type " + held + ", which fmt prints through its method,"
			}
			panic(fmt.Errorf("ratelab cannot print this value as Go would: it holds %s "+
				"and the interpreter handed it over without its methods (in a slice, map or struct passed on as an any, or through a type parameter); "+
				"print such values one at a time from a variable of their own type (for _, v := range xs { fmt.Println(v) }), or call the method yourself", what))
		}
	}
	return cellArgs(args)
}

// printedByMethod returns the name of a struct type of printing (see
// sessionPrinters) whose value, or pointer, v holds where fmt would print it,
// and what it holds that prints through a method if that is why; or "".
func printedByMethod(v reflect.Value, printing map[string]string, depth int) (name, held string) {
	if !v.IsValid() || depth > 8 {
		return "", ""
	}
	t := v.Type()
	if !hasCellStruct(t) {
		return "", ""
	}
	switch t.Kind() {
	case reflect.Struct:
		if name := cellStructName(t); name != "" {
			if held, ok := printing[name]; ok {
				return "main." + name, held
			}
		}
		for i := range t.NumField() {
			if name, held := printedByMethod(v.Field(i), printing, depth+1); name != "" {
				return name, held
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			return "", ""
		}
		if name := cellStructName(t); name != "" {
			// A pointer below the top prints as an address, unless its
			// type has a printing method.
			if held, ok := printing[name]; ok && held == "" {
				return "*main." + name, ""
			}
			if _, ok := printing["*"+name]; ok {
				return "*main." + name, ""
			}
		}
		if depth == 0 {
			return printedByMethod(v.Elem(), printing, depth+1) // fmt prints &{…} at the top
		}
	case reflect.Interface:
		if !v.IsNil() {
			return printedByMethod(v.Elem(), printing, depth+1)
		}
	case reflect.Slice, reflect.Array:
		for i := range min(v.Len(), maxScan) {
			if name, held := printedByMethod(v.Index(i), printing, depth+1); name != "" {
				return name, held
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for n := 0; n < maxScan && it.Next(); n++ {
			if name, held := printedByMethod(it.Key(), printing, depth+1); name != "" {
				return name, held
			}
			if name, held := printedByMethod(it.Value(), printing, depth+1); name != "" {
				return name, held
			}
		}
	}
	return "", ""
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
	lookalikeBelow(v, lookalikes)
	return printLookalike(v, lookalikes, lastFields)
}

// spread returns what fmt is given for args, spread into a print function
// other than Errorf: a value of a cell's type as arg gives it, and any other
// refused if it holds below its top what could be a lookalike's
// (lookalikeBelow). Its top is right: a Temp converted to the forwarder's any
// keeps its name, so a bare float64 is one.
func (p *sessionPrinters) spread(args []any) []any {
	p.mu.Lock()
	lookalikes := p.lookalikes
	p.mu.Unlock()
	out := make([]any, len(args))
	for i, a := range args {
		if a == nil {
			continue
		}
		if mayHoldCellType(a) {
			out[i] = p.arg(a, false, true)
			continue
		}
		lookalikeBelow(a, lookalikes)
		out[i] = a
	}
	return out
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
