package interp

import (
	"cmp"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The verbs that show a type's name or its field names, %T, %+v and %#v, print
// a struct declared in a cell as Go prints it (main.Point, {x:1 y:2},
// main.Point{x:1, y:2}) rather than as the struct yaegi built for it (see
// celltypes.go). The session's fmt and log functions pass each argument that
// holds such a struct as a cellValue, whose Format prints those verbs itself
// from the marks tagCellStructs left, and hands every other verb to fmt.

// cellValue is an argument of a print function that holds a struct declared in
// a cell.
type cellValue struct{ v reflect.Value }

// Format implements fmt.Formatter.
func (c cellValue) Format(st fmt.State, verb rune) {
	switch {
	case verb == 'T':
		io.WriteString(st, goTypeString(c.v.Type()))
	case verb == 'v' && (st.Flag('#') || st.Flag('+')):
		p := cellPrinter{sharp: st.Flag('#')}
		p.value(c.v, 0)
		io.WriteString(st, p.b.String())
	default:
		fmt.Fprintf(st, fmt.FormatString(st, verb), c.v.Interface())
	}
}

// cellArgs returns args with each value that holds a struct declared in a cell
// made a cellValue. A value with methods yaegi wrapped (a String method) is left
// to fmt, which calls them.
func cellArgs(args []any) []any {
	var out []any
	for i, a := range args {
		if a == nil {
			continue
		}
		if _, ok := a.(fmt.Formatter); ok {
			continue
		}
		if _, ok := a.(fmt.Stringer); ok {
			continue
		}
		if _, ok := a.(error); ok {
			continue
		}
		v := reflect.ValueOf(a)
		if !holdsCellStruct(v, 0) {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = cellValue{v}
	}
	if out == nil {
		return args
	}
	return out
}

// cellTypes caches, per type, whether it contains a struct declared in a cell,
// looking through pointers, slices, arrays, maps, channels and struct fields, but
// not into interfaces (see holdsCellStruct).
var cellTypes sync.Map // reflect.Type → bool

func hasCellStruct(t reflect.Type) bool {
	if v, ok := cellTypes.Load(t); ok {
		return v.(bool)
	}
	cellTypes.Store(t, false) // a recursive type meets itself as false
	found := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		found = hasCellStruct(t.Elem())
	case reflect.Map:
		found = hasCellStruct(t.Key()) || hasCellStruct(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if _, ok := t.Field(i).Tag.Lookup("ratelab"); ok || hasCellStruct(t.Field(i).Type) {
				found = true
				break
			}
		}
	}
	cellTypes.Store(t, found)
	return found
}

// maxScan bounds how many elements holdsCellStruct looks at in a container of
// interfaces.
const maxScan = 1000

// holdsCellStruct reports whether v's type contains a cell struct, or v holds one
// in an interface (an []any of them, say) among its first maxScan elements.
func holdsCellStruct(v reflect.Value, depth int) bool {
	if !v.IsValid() || depth > 8 {
		return false
	}
	t := v.Type()
	if hasCellStruct(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer:
		return !v.IsNil() && holdsCellStruct(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if !containsInterface(t.Elem()) {
			return false
		}
		for i := range min(v.Len(), maxScan) {
			if holdsCellStruct(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		if !containsInterface(t.Elem()) {
			return false
		}
		it := v.MapRange()
		for n := 0; n < maxScan && it.Next(); n++ {
			if holdsCellStruct(it.Value(), depth+1) {
				return true
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if containsInterface(t.Field(i).Type) && holdsCellStruct(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

func containsInterface(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return containsInterface(t.Elem())
	case reflect.Map:
		return containsInterface(t.Elem())
	}
	return false
}

// goTypeString is t.String() with the names of the structs declared in cells, as
// Go's %T prints them: main.Point, []*main.Point.
func goTypeString(t reflect.Type) string {
	if !hasCellStruct(t) {
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + goTypeString(t.Elem())
	case reflect.Slice:
		return "[]" + goTypeString(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + goTypeString(t.Elem())
	case reflect.Map:
		return "map[" + goTypeString(t.Key()) + "]" + goTypeString(t.Elem())
	case reflect.Chan:
		switch t.ChanDir() {
		case reflect.RecvDir:
			return "<-chan " + goTypeString(t.Elem())
		case reflect.SendDir:
			return "chan<- " + goTypeString(t.Elem())
		}
		return "chan " + goTypeString(t.Elem())
	case reflect.Struct:
		if t.NumField() > 0 {
			if name, _ := cellStructMarks(t, 0); name != "" {
				return "main." + name
			}
		}
		var b strings.Builder
		b.WriteString("struct {")
		for i := range t.NumField() {
			if i > 0 {
				b.WriteString(";")
			}
			b.WriteString(" ")
			if !t.Field(i).Anonymous {
				b.WriteString(goFieldName(t, i) + " ")
			}
			b.WriteString(goTypeString(t.Field(i).Type))
		}
		if t.NumField() > 0 {
			b.WriteString(" ")
		}
		return b.String() + "}"
	}
	return t.String()
}

// cellPrinter prints a value as fmt's %+v (or %#v if sharp) does (printValue in
// fmt/print.go), with the names of cell structs and their fields.
type cellPrinter struct {
	b     strings.Builder
	sharp bool
}

func (p *cellPrinter) leaf(v reflect.Value) {
	if p.sharp {
		fmt.Fprintf(&p.b, "%#v", v.Interface())
	} else {
		fmt.Fprintf(&p.b, "%+v", v.Interface())
	}
}

func (p *cellPrinter) value(v reflect.Value, depth int) {
	if !v.IsValid() {
		p.b.WriteString("<nil>")
		return
	}
	t := v.Type()
	if !holdsCellStruct(v, 0) && t.Kind() != reflect.Pointer {
		p.leaf(v)
		return
	}
	sep := " "
	if p.sharp {
		sep = ", "
	}
	switch t.Kind() {
	case reflect.Struct:
		if p.sharp {
			p.b.WriteString(goTypeString(t))
		}
		p.b.WriteString("{")
		for i := range t.NumField() {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.b.WriteString(goFieldName(t, i) + ":")
			p.value(v.Field(i), depth+1)
		}
		p.b.WriteString("}")
	case reflect.Pointer:
		switch {
		case depth == 0 && !v.IsNil() && slices.Contains([]reflect.Kind{reflect.Array, reflect.Slice, reflect.Struct, reflect.Map}, t.Elem().Kind()):
			p.b.WriteString("&")
			p.value(v.Elem(), depth+1)
		case p.sharp && v.IsNil():
			p.b.WriteString("(" + goTypeString(t) + ")(nil)")
		case p.sharp:
			fmt.Fprintf(&p.b, "(%s)(%#x)", goTypeString(t), v.Pointer())
		case v.IsNil():
			p.b.WriteString("<nil>")
		default:
			fmt.Fprintf(&p.b, "%#x", v.Pointer())
		}
	case reflect.Interface:
		if v.IsNil() {
			if p.sharp {
				p.b.WriteString(goTypeString(t) + "(nil)")
			} else {
				p.b.WriteString("<nil>")
			}
			return
		}
		p.value(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if p.sharp {
			p.b.WriteString(goTypeString(t))
			if t.Kind() == reflect.Slice && v.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteString("{")
		} else {
			p.b.WriteString("[")
		}
		for i := range v.Len() {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.value(v.Index(i), depth+1)
		}
		if p.sharp {
			p.b.WriteString("}")
		} else {
			p.b.WriteString("]")
		}
	case reflect.Map:
		if p.sharp {
			p.b.WriteString(goTypeString(t))
			if v.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteString("{")
		} else {
			p.b.WriteString("map[")
		}
		keys := v.MapKeys()
		slices.SortStableFunc(keys, compareKeys)
		for i, k := range keys {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.value(k, depth+1)
			p.b.WriteString(":")
			p.value(v.MapIndex(k), depth+1)
		}
		if p.sharp {
			p.b.WriteString("}")
		} else {
			p.b.WriteString("]")
		}
	default:
		p.leaf(v)
	}
}

// compareKeys orders map keys as fmt does for the kinds a key usually has
// (internal/fmtsort); others keep the map's order.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Bool:
		switch {
		case a.Bool() == b.Bool():
			return 0
		case !a.Bool():
			return -1
		}
		return 1
	}
	return 0
}

// cellFormat prepares a Printf format and its arguments (after cellArgs): fmt
// prints %T itself, without asking the value, so each %T of a cellValue becomes
// %[k]s of its Go type's name, added as argument k. Once one is, every later
// verb and * takes its argument by index too ("[n]" before it), since an index
// moves fmt's count of arguments.
func cellFormat(format string, args []any) (string, []any) {
	if !strings.Contains(format, "T") {
		return format, args
	}
	var b []byte
	out := args
	arg := 0           // index of the next argument, as fmt counts
	indexed := false   // whether the current verb or * has its own [n]
	rewriting := false // whether a %T was replaced before
	indexAt := 0       // where in b the current [n] starts
	explicit := func() {
		if rewriting && !indexed {
			b = fmt.Appendf(b, "[%d]", arg+1)
		}
		indexed = false
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		b = append(b, c)
		for i++; i < len(format); i++ {
			c = format[i]
			switch {
			case c == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return string(append(b, format[i:]...)), out
				}
				if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
					arg = n - 1
					indexed = true
				}
				indexAt = len(b)
				b = append(b, format[i:i+end+1]...)
				i += end
				continue
			case c == '*':
				explicit()
				b = append(b, c)
				arg++
				continue
			case strings.IndexByte("+-# 0.", c) >= 0 || ('0' <= c && c <= '9'):
				b = append(b, c)
				continue
			case c == '%':
				b = append(b, c)
			case c == 'T' && arg >= 0 && arg < len(args):
				if cv, ok := args[arg].(cellValue); ok {
					if !rewriting {
						out = slices.Clone(args)
						rewriting = true
					}
					out = append(out, goTypeString(cv.v.Type()))
					if indexed {
						b = b[:indexAt] // the name's own index replaces the value's
					}
					b = fmt.Appendf(b, "[%d]s", len(out))
					indexed = false
					arg++
					break
				}
				fallthrough
			default:
				explicit()
				b = append(b, c)
				arg++
			}
			break
		}
	}
	return string(b), out
}
