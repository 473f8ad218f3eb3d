package interp

import (
	"fmt"
	"go/doc/comment"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/docs"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// Inspect describes the symbol under or just before cursor (a rune offset), or, when
// the cursor is in a call's parentheses, the function called: for inspect_request.
//
// A symbol or method of a built-in package shows its declaration and doc comment (and
// Go's predeclared names theirs); a session variable, a field of one or a method of
// what an expression returns shows its type and doc, and a variable a bounded
// preview of its value; a function or type the cells declare shows its declaration
// and doc comment from their source; a package shows its doc. With detailLevel 0 the
// doc is cut to its first paragraph and a type's declaration to a few lines;
// detailLevel 1 gives the full doc and declaration, the method set of types and the
// examples of ratelab's own packages. The bundle has text/plain and text/markdown.
// Nothing is found inside comments and strings. It is safe to call while a cell runs.
func (s *Session) Inspect(code string, cursor, detailLevel int) (b engine.Bundle, found bool) {
	defer s.recoverQuery("inspection", func() { b, found = engine.Bundle{}, false })
	at := byteOffset(code, cursor)
	if enclosingLiteral(code[:at]).inside {
		return engine.Bundle{}, false // in a comment or a string
	}
	steps := inspectTarget(code, at)
	if steps == nil {
		return engine.Bundle{}, false
	}
	long := detailLevel > 0
	d, ok := describe(s.scopeWith(code), steps, long)
	if !ok {
		return engine.Bundle{}, false
	}
	if !long {
		d = d.short()
	}
	return engine.Bundle{
		Data:     map[string]any{"text/plain": d.text(), "text/markdown": d.markdown()},
		Metadata: map[string]any{},
	}, true
}

// description is what Inspect shows, before rendering.
type description struct {
	decl    string   // Go source: a declaration or "var df dataframe.DataFrame"
	value   string   // a preview of a value, or ""
	doc     string   // doc comment in Go doc syntax
	methods []string // method signatures, at detail level 1
	// examples, at detail level 1
	examples []docs.Example
}

// Bounds of what the short form shows; the long form (detail level 1) shows more.
const (
	shortDeclLines = 12
	shortPreview   = 600
	longPreview    = 6000
	previewItems   = 20
)

// inspectTarget returns the selector expression to inspect at byte offset at: the
// identifier under or just before at, with what it selects from, or the called
// function when at lies inside a call's parentheses.
func inspectTarget(code string, at int) []step {
	end := at
	for end < len(code) {
		r, size := utf8.DecodeRuneInString(code[end:])
		if !isIdentRune(r) {
			break
		}
		end += size
	}
	if steps := parseSelector(code[:end]); steps != nil {
		return steps
	}
	if call := enclosingCall(code[:at]); call >= 0 {
		return parseSelector(strings.TrimRight(code[:call], " \t"))
	}
	return nil
}

// describe finds what steps name (the last step's own call does not matter): a
// session variable, function or type; a package, or a package's symbol or a method
// of its type; a field or method of what the steps before the last evaluate to.
func describe(sc sessionScope, steps []step, long bool) (description, bool) {
	names := make([]string, len(steps))
	for i, st := range steps {
		names[i] = st.name
	}
	if len(steps) == 1 {
		return describeName(sc, names[0], long)
	}
	calls := steps[0].call
	for _, st := range steps[1 : len(steps)-1] {
		calls = calls || st.call
	}
	if _, isVar := sc.values[names[0]]; !isVar && !calls {
		if p := builtinPackages().lookupPackage(names[0], sc.imports); p != nil {
			return describePackageSymbol(p, strings.Join(names[1:], "."), long)
		}
	}
	op, _, ok := resolve(sc, steps[:len(steps)-1])
	if !ok || op.t == nil {
		return description{}, false
	}
	last := names[len(names)-1]
	if f, ok := op.field(last); ok {
		if f.v.IsValid() {
			return describeValue(strings.Join(names, "."), f.v, long)
		}
		return describeType("field "+last+" "+f.t.String(), f.t, long), true
	}
	if m, ok := op.method(last); ok {
		return describeMethod(op.t, m), true
	}
	return description{}, false
}

// describeName describes a name alone: a session variable, a function or type the
// cells declare, a package, or one of Go's predeclared names.
func describeName(sc sessionScope, name string, long bool) (description, bool) {
	if v, ok := sc.values[name]; ok {
		return describeValue(name, v, long)
	}
	if d, ok := sc.source[name]; ok && d.decl != "" {
		return description{decl: d.decl, doc: d.doc}, true
	} else if ok {
		// A variable of the cell being typed: its static type, if it tells one.
		if op, ok := sourceOperand(sc, d, 0); ok {
			return describeType("var "+name+" "+op.t.String(), op.t, long), true
		}
	}
	for _, m := range sc.names {
		if m.name == name {
			return description{decl: sessionDecl(m)}, true
		}
	}
	if p := builtinPackages().lookupPackage(name, sc.imports); p != nil {
		return describePackageSymbol(p, "", long)
	}
	if pd, ok := docs.Lookup("builtin"); ok {
		if sym, ok := pd.Symbol(name); ok {
			return description{decl: sym.Decl, doc: sym.Doc}, true
		}
	}
	return description{}, false
}

// describePackageSymbol describes a package (name ""), or a symbol or method
// ("Type.Method") of it, from its docs or else its symbol table.
func describePackageSymbol(p *builtinPackage, name string, long bool) (description, bool) {
	pd, _ := docs.Lookup(p.path)
	if name == "" {
		d := description{decl: fmt.Sprintf("import %q", p.path)}
		if pd != nil {
			d.doc = pd.Doc
		}
		return d, true
	}
	if pd != nil {
		if sym, ok := pd.Symbol(name); ok {
			d := description{decl: sym.Decl, doc: sym.Doc}
			if long {
				d.examples = sym.Examples
			}
			if sym.Kind == docs.Type && long {
				for _, m := range pd.Methods(name) {
					d.methods = append(d.methods, m.Decl)
				}
			}
			if v, ok := symbols.Symbols[p.path+"/"+p.name][name]; ok && sym.Kind == docs.Var {
				d.value = preview(v, long)
			}
			return d, true
		}
	}
	// Undocumented: what the symbol table tells.
	for _, m := range p.members {
		if m.name == name {
			return description{decl: p.name + "." + name + " " + m.sig}, true
		}
	}
	return description{}, false
}

// describeMethod describes method m of type t, from the docs of t's package when
// it has some.
func describeMethod(t reflect.Type, m reflect.Method) description {
	if sym, ok := methodDoc(t, m); ok {
		return description{decl: sym.Decl, doc: sym.Doc}
	}
	return description{decl: "func (" + t.String() + ") " + m.Name + methodSignature(t, m)}
}

// sessionDecl is the declaration line of a name whose source is not at hand: an
// exported function known to yaegi only, or a variable declared in the cell being typed.
func sessionDecl(m member) string {
	switch m.kind {
	case "function":
		return "func " + m.name + m.sig
	case "variable":
		return strings.TrimSpace("var " + m.name + " " + m.sig)
	case "const":
		return strings.TrimSpace("const " + m.name + " " + m.sig)
	}
	return "type " + m.name
}

// describeValue describes a session variable or a field of one.
func describeValue(name string, v reflect.Value, long bool) (description, bool) {
	if !v.IsValid() {
		return description{}, false
	}
	t := v.Type()
	if v.Kind() == reflect.Interface && !v.IsNil() {
		t = v.Elem().Type() // the dynamic type is the useful one
	}
	d := describeType("var "+name+" "+t.String(), t, long)
	d.value = preview(v, long)
	return d, true
}

// describeType describes a value of type t declared by decl: the doc of a compiled
// type, and its methods in the long form (as documented, or as reflect lists them
// for a type a cell declared).
func describeType(decl string, t reflect.Type, long bool) description {
	d := description{decl: decl}
	named := t
	if named.Kind() == reflect.Pointer {
		named = named.Elem()
	}
	if pd, ok := docs.Lookup(named.PkgPath()); ok && named.Name() != "" {
		if sym, ok := pd.Symbol(named.Name()); ok {
			d.doc = sym.Doc
			if long {
				for _, m := range pd.Methods(named.Name()) {
					d.methods = append(d.methods, m.Decl)
				}
			}
			return d
		}
	}
	if long {
		for _, m := range (operand{t: t, addr: true}).members() {
			if m.kind == "method" {
				d.methods = append(d.methods, "func ("+t.String()+") "+m.name+m.sig)
			}
		}
	}
	return d
}

// preview prints v for a human, bounded in time and length whatever its size: a
// value's String or Error method is used when it has one (those of gota and
// ratelab's tables print a few rows), long slices, arrays and maps show their first
// items, nesting is cut after a few levels, long text is cut.
func preview(v reflect.Value, long bool) string {
	limit := shortPreview
	if long {
		limit = longPreview
	}
	var b strings.Builder
	writePreview(&b, v, 0, limit)
	text := b.String()
	if r := []rune(text); len(r) > limit {
		text = string(r[:limit]) + " …"
	}
	return text
}

// previewDepth is how deep preview goes into nested values.
const previewDepth = 3

// writePreview writes v to b in fmt's %v style, stopping once b holds limit bytes.
func writePreview(b *strings.Builder, v reflect.Value, depth, limit int) {
	if b.Len() > limit {
		return
	}
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
	}
	if text, ok := stringMethod(v); ok {
		b.WriteString(text)
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		writePreview(b, v.Elem(), depth, limit)
	case reflect.Pointer:
		b.WriteString("&")
		writePreview(b, v.Elem(), depth, limit)
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Slice, reflect.Array:
		if depth >= previewDepth {
			fmt.Fprintf(b, "%s (len %d)", v.Type(), v.Len())
			return
		}
		b.WriteString("[")
		for i := range min(v.Len(), previewItems) {
			if i > 0 {
				b.WriteString(" ")
			}
			writePreview(b, v.Index(i), depth+1, limit)
		}
		if v.Len() > previewItems {
			fmt.Fprintf(b, " …] (len %d)", v.Len())
			return
		}
		b.WriteString("]")
	case reflect.Map:
		if depth >= previewDepth || v.Len() > previewItems {
			fmt.Fprintf(b, "%s (len %d)", v.Type(), v.Len())
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(" ")
			}
			writePreview(b, k, depth+1, limit)
			b.WriteString(":")
			writePreview(b, v.MapIndex(k), depth+1, limit)
		}
		b.WriteString("]")
	case reflect.Struct:
		if depth >= previewDepth {
			b.WriteString(v.Type().String() + "{…}")
			return
		}
		b.WriteString("{")
		for i := range v.NumField() {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(v.Type().Field(i).Name + ":")
			writePreview(b, v.Field(i), depth+1, limit)
		}
		b.WriteString("}")
	default:
		if v.CanInterface() {
			fmt.Fprint(b, v.Interface())
		} else {
			b.WriteString(v.String()) // an unexported field: its type
		}
	}
}

// stringMethod returns what v's Error or String method says, if it has one that
// cell code could call; a method that panics (on a nil receiver) is ignored.
func stringMethod(v reflect.Value) (text string, ok bool) {
	if !v.CanInterface() {
		return "", false
	}
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	switch x := v.Interface().(type) {
	case error:
		return x.Error(), true
	case fmt.Stringer:
		return x.String(), true
	}
	return "", false
}

// text renders d as plain text.
func (d description) text() string {
	var b strings.Builder
	b.WriteString(d.decl)
	b.WriteString("\n")
	if d.value != "" {
		b.WriteString("\nValue: " + d.value + "\n")
	}
	if d.doc != "" {
		var p comment.Parser
		var pr comment.Printer
		b.WriteString("\n")
		b.Write(pr.Text(p.Parse(d.doc)))
	}
	if len(d.methods) > 0 {
		b.WriteString("\nMethods:\n")
		for _, m := range d.methods {
			b.WriteString("  " + m + "\n")
		}
	}
	for _, ex := range d.examples {
		b.WriteString("\n" + exampleTitle(ex) + ":\n" + indent(ex.Code) + "\n")
		if ex.Output != "" {
			b.WriteString("  Output:\n" + indent(ex.Output) + "\n")
		}
	}
	return b.String()
}

// markdown renders d as Markdown, the declaration as a Go code block.
func (d description) markdown() string {
	var b strings.Builder
	b.WriteString("```go\n" + d.decl + "\n```\n")
	if d.value != "" {
		b.WriteString("\n```\n" + d.value + "\n```\n")
	}
	if d.doc != "" {
		var p comment.Parser
		pr := comment.Printer{DocLinkBaseURL: "https://pkg.go.dev"}
		b.WriteString("\n")
		b.Write(pr.Markdown(p.Parse(d.doc)))
	}
	if len(d.methods) > 0 {
		b.WriteString("\n**Methods**\n\n```go\n" + strings.Join(d.methods, "\n") + "\n```\n")
	}
	for _, ex := range d.examples {
		b.WriteString("\n**" + exampleTitle(ex) + "**\n\n```go\n" + ex.Code + "\n```\n")
		if ex.Output != "" {
			b.WriteString("\nOutput:\n\n```\n" + strings.TrimRight(ex.Output, "\n") + "\n```\n")
		}
	}
	return b.String()
}

// exampleTitle names an example as go doc does: "Example" or "Example (suffix)".
func exampleTitle(ex docs.Example) string {
	if ex.Suffix == "" {
		return "Example"
	}
	return "Example (" + ex.Suffix + ")"
}

// indent indents every line of text by two spaces.
func indent(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	return "  " + strings.Join(lines, "\n  ")
}

// short cuts d to the short form: the doc's first paragraph, the declaration's first
// lines.
func (d description) short() description {
	if i := strings.Index(d.doc, "\n\n"); i >= 0 {
		d.doc = d.doc[:i+1]
	}
	if lines := strings.Split(d.decl, "\n"); len(lines) > shortDeclLines {
		d.decl = strings.Join(lines[:shortDeclLines], "\n") + "\n\t…"
	}
	return d
}
