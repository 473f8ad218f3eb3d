package interp

import (
	"go/scanner"
	"go/token"
	"reflect"

	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// step is one element of a selector expression: a name, maybe called.
type step struct {
	name string
	call bool // followed by a call's (...)
}

// parseSelector reads the selector expression that ends at the end of code, such as
// `df`, `p.Field`, `strings.NewReader("x")` or `df.Col("crashes").Float()`. It
// returns nil when what ends there is something else (a literal, an index, an
// operator).
func parseSelector(code string) []step {
	var steps []step
	end := len(code)
	for {
		call := false
		if end > 0 && code[end-1] == ')' {
			open := matchingParen(code[:end])
			if open < 0 {
				return nil
			}
			end, call = open, true
		}
		start := identStart(code, end)
		id := code[start:end]
		if id == "" || !token.IsIdentifier(id) {
			return nil
		}
		steps = append([]step{{id, call}}, steps...)
		if start == 0 || code[start-1] != '.' {
			return steps
		}
		end = start - 1
	}
}

// matchingParen returns the offset of the "(" that the ")" ending code closes, or -1
// (also when a ")" before it closes nothing).
func matchingParen(code string) int {
	match := -1
	scanParens(code, func(at, open int) bool {
		if open >= 0 && at == len(code)-1 {
			match = open
		}
		return open >= 0 && match < 0
	})
	return match
}

// enclosingCall returns the byte offset of the innermost unclosed "(" in code, or -1.
func enclosingCall(code string) int {
	open := scanParens(code, nil)
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// scanParens scans code's Go tokens, so that parentheses in strings and comments do
// not count. At each ")" it calls closed, when not nil, with the ")"'s offset and that
// of the "(" it closes (-1 when none is open), and stops when closed returns false.
// It returns the offsets of the "(" left open, innermost last.
func scanParens(code string, closed func(at, open int) bool) []int {
	src := []byte(code)
	file := token.NewFileSet().AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, func(token.Position, string) {}, 0)
	var open []int
	for {
		pos, tok, _ := sc.Scan()
		switch tok {
		case token.EOF:
			return open
		case token.LPAREN:
			open = append(open, file.Offset(pos))
		case token.RPAREN:
			at := -1
			if len(open) > 0 {
				at = open[len(open)-1]
				open = open[:len(open)-1]
			}
			if closed != nil && !closed(file.Offset(pos), at) {
				return open
			}
		}
	}
}

// operand is what a selector expression evaluates to, as far as completion can tell
// without running it: a value when it names a variable or a field of one, else only
// a type (the result of a call).
type operand struct {
	v    reflect.Value // valid for variables and their fields
	t    reflect.Type
	addr bool // addressable, so that pointer methods apply
}

// valueOperand makes an operand of a variable's value, seeing through a non-nil
// interface to its dynamic type.
func valueOperand(v reflect.Value) operand {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		return operand{v: v.Elem(), t: v.Elem().Type()}
	}
	return operand{v: v, t: v.Type(), addr: v.CanAddr()}
}

// resolve evaluates steps statically: a session variable, or a package's variable or
// function, then fields, and methods and functions called for their first result.
// With a lone package name it returns that package instead.
func resolve(sc sessionScope, steps []step) (op operand, pkg *builtinPackage, ok bool) {
	return resolveDepth(sc, steps, 0)
}

// maxSourceDepth bounds how many variables of the cell being typed resolve follows
// from one to the next (x := y.F(); y := x.G() would go on for ever).
const maxSourceDepth = 8

func resolveDepth(sc sessionScope, steps []step, depth int) (op operand, pkg *builtinPackage, ok bool) {
	if len(steps) == 0 {
		return operand{}, nil, false // a source variable whose value is no selector (x := 41)
	}
	first := steps[0]
	d, inSource := sc.source[first.name]
	switch v, isVar := sc.values[first.name]; {
	case isVar && !first.call:
		op, steps = valueOperand(v), steps[1:]
	case first.call:
		return operand{}, nil, false // a function a cell declared: yaegi knows no types
	case inSource && (d.value != nil || d.typ != nil):
		// A variable the cell being typed declares, not run yet.
		if op, ok = sourceOperand(sc, d, depth); !ok {
			return operand{}, nil, false
		}
		steps = steps[1:]
	default:
		p := builtinPackages().lookupPackage(first.name, sc.imports)
		if p == nil {
			return operand{}, nil, false
		}
		if len(steps) == 1 {
			return operand{}, p, true
		}
		v, ok := symbols.Symbols[p.path+"/"+p.name][steps[1].name]
		switch {
		case !ok:
			return operand{}, nil, false
		case steps[1].call && v.Kind() == reflect.Func && v.Type().NumOut() > 0:
			op = operand{t: v.Type().Out(0)}
		case !steps[1].call && v.CanAddr(): // a package variable
			op = valueOperand(v)
		default:
			return operand{}, nil, false
		}
		steps = steps[2:]
	}
	for _, st := range steps {
		if op, ok = op.step(st); !ok {
			return operand{}, nil, false
		}
	}
	return op, nil, true
}

// sourceOperand is the (addressable) operand of a variable declared in source.
func sourceOperand(sc sessionScope, d sourceDecl, depth int) (operand, bool) {
	if depth >= maxSourceDepth {
		return operand{}, false
	}
	if d.typ != nil {
		t := packageType(sc, d.typ)
		if t == nil {
			return operand{}, false
		}
		if d.pointer {
			t = reflect.PointerTo(t)
		}
		return operand{t: t, addr: true}, true
	}
	op, pkg, ok := resolveDepth(sc, d.value, depth+1)
	if !ok || pkg != nil {
		return operand{}, false
	}
	return operand{t: op.t, addr: true}, true
}

// packageType returns the type steps name (pkg.T), from the package's symbol table,
// where yaegi keeps a type as a nil pointer to it; nil when steps name no such type.
func packageType(sc sessionScope, steps []step) reflect.Type {
	if len(steps) != 2 || steps[0].call || steps[1].call {
		return nil
	}
	if _, isVar := sc.values[steps[0].name]; isVar {
		return nil
	}
	p := builtinPackages().lookupPackage(steps[0].name, sc.imports)
	if p == nil {
		return nil
	}
	v, ok := symbols.Symbols[p.path+"/"+p.name][steps[1].name]
	if !ok || v.Kind() != reflect.Pointer || !v.IsNil() {
		return nil
	}
	return v.Type().Elem()
}

// method returns the method name of op's type, pointer methods included when op
// is addressable or a pointer.
func (op operand) method(name string) (reflect.Method, bool) {
	t := op.t
	if op.addr && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		t = reflect.PointerTo(t)
	}
	return t.MethodByName(name)
}

// field returns op's exported field name, through a pointer.
func (op operand) field(name string) (operand, bool) {
	t, v, addr := op.t, op.v, op.addr
	if t.Kind() == reflect.Pointer {
		t, addr = t.Elem(), true
		if v.IsValid() {
			if v.IsNil() {
				v = reflect.Value{}
			} else {
				v = v.Elem()
			}
		}
	}
	if t.Kind() != reflect.Struct {
		return operand{}, false
	}
	f, ok := t.FieldByName(name)
	if !ok || !f.IsExported() {
		return operand{}, false
	}
	if v.IsValid() {
		return valueOperand(v.FieldByIndex(f.Index)), true
	}
	return operand{t: f.Type, addr: addr}, true
}

// step applies one selector step to op.
func (op operand) step(st step) (operand, bool) {
	if !st.call {
		return op.field(st.name)
	}
	m, ok := op.method(st.name)
	if !ok || m.Type.NumOut() == 0 {
		return operand{}, false
	}
	return operand{t: m.Type.Out(0)}, true
}

// members lists the exported methods and fields of op's type.
func (op operand) members() []member {
	mt := op.t
	if op.addr && mt.Kind() != reflect.Pointer && mt.Kind() != reflect.Interface {
		mt = reflect.PointerTo(mt)
	}
	var ms []member
	for i := range mt.NumMethod() {
		m := mt.Method(i)
		ms = append(ms, member{m.Name, "method", methodSignature(mt, m)})
	}
	st := op.t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		ms = append(ms, fieldMembers(st)...)
	}
	return ms
}

// literalType returns the struct type of the composite literal whose elements the
// end of code is among, when the end is where a field key goes (just after the "{"
// or a ","): analysis.CompareOptions{Ch. It returns nil otherwise, and for types a
// cell declared (yaegi gives no reflect type for those).
func literalType(sc sessionScope, code string) reflect.Type {
	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var scn scanner.Scanner
	scn.Init(file, src, func(token.Position, string) {}, 0)
	var open []int // offsets of the unclosed brackets
	var last token.Token
	for {
		pos, tok, lit := scn.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, file.Offset(pos))
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case token.SEMICOLON:
			if lit == "\n" {
				continue
			}
		}
		last = tok
	}
	if len(open) == 0 || src[open[len(open)-1]] != '{' || (last != token.LBRACE && last != token.COMMA) {
		return nil
	}
	t := packageType(sc, parseSelector(code[:open[len(open)-1]]))
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

// fieldMembers lists the exported fields of struct type t.
func fieldMembers(t reflect.Type) []member {
	var ms []member
	for _, f := range reflect.VisibleFields(t) {
		if f.IsExported() {
			ms = append(ms, member{f.Name, "field", f.Type.String()})
		}
	}
	return ms
}
