package interp

import (
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"weak"

	"github.com/traefik/yaegi/interp"
)

// sessionScope is what earlier cells declared, as completion and inspection see it.
type sessionScope struct {
	// values holds the session's package-level variables and constants.
	values map[string]reflect.Value
	// names lists every declared name with its kind and type.
	names []member
	// imports maps the names cells imported packages under to their paths.
	imports map[string]string
	// source holds the declarations read from the cells' source.
	source map[string]sourceDecl
}

// scope gathers the session's declarations. yaegi tells the variables and constants
// (Globals, any name) and the exported functions (Symbols("main")); the session's
// type table tells the types under the names the user gave them; the cells' source
// tells the unexported functions, the imports, and declarations and doc comments
// for inspection, which yaegi keeps to itself.
// Names starting with "__" are the session's own.
//
// yaegi's compiler writes the tables Globals and Symbols read without a lock, and a
// concurrent map write is fatal: so they are read only between cells, holding s.mu,
// which the session takes to start a cell. While a cell runs, completion sees the
// scope as it was when last read between cells.
func (s *Session) scope() sessionScope {
	builtinPackages() // built once, not while holding s.mu
	s.mu.Lock()
	if s.run != nil {
		if sc, ok := idleScopes.load(s); ok {
			s.mu.Unlock()
			return sc
		}
	}
	running := s.run != nil
	sc := sessionScope{values: map[string]reflect.Value{}}
	funcs := map[string]string{}
	if s.yi != nil && !running {
		sc.readInterpreter(s.yi, funcs)
	}
	ids := make([]int, 0, len(s.cells))
	for id := range s.cells {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	cells := make([]string, len(ids))
	for i, id := range ids {
		cells[i] = s.cells[id]
	}
	for name := range s.types {
		sc.names = append(sc.names, member{name, "type", ""})
	}
	s.mu.Unlock()

	src := newSourceDecls()
	for _, cell := range cells {
		src.add(cell)
	}
	sc.imports, sc.source = src.imports, src.names
	for name, d := range src.names {
		if d.kind == "function" {
			funcs[name] = d.sig // the source's signature has parameter names
		}
	}
	for name, sig := range funcs {
		sc.names = append(sc.names, member{name, "function", sig})
	}
	if !running {
		idleScopes.store(s, sc)
	}
	return sc
}

// scopeWith is the session's scope with the declarations and imports of code, the
// cell being typed, added: names it declares before they run, and those of the
// blocks and functions code ends in.
func (s *Session) scopeWith(code string) sessionScope {
	sc := s.scope()
	cur := newSourceDecls()
	cur.add(code)
	cur.addEnclosing(code)
	if len(cur.names) == 0 && len(cur.imports) == 0 {
		return sc
	}
	// The maps of sc may be shared with the cache: copy before adding.
	merged := sessionScope{values: sc.values, names: append([]member(nil), sc.names...),
		imports: map[string]string{}, source: map[string]sourceDecl{}}
	for name, p := range sc.imports {
		merged.imports[name] = p
	}
	for name, p := range cur.imports {
		merged.imports[name] = p
	}
	for name, d := range sc.source {
		merged.source[name] = d
	}
	for name, d := range cur.names {
		merged.source[name] = d
		merged.names = append(merged.names, member{name, d.kind, d.sig})
	}
	return merged
}

// readInterpreter adds the variables and constants yaegi holds to sc, and the
// exported functions to funcs.
func (sc *sessionScope) readInterpreter(yi *interp.Interpreter, funcs map[string]string) {
	internal := func(name string) bool { return name == "_" || strings.HasPrefix(name, "__") }
	globals, _ := safeGlobals(yi) // yaegi may panic on what a failed cell left
	for name, v := range globals {
		if internal(name) || !v.IsValid() {
			continue
		}
		sc.values[name] = v
		kind := "variable"
		if !v.CanAddr() {
			kind = "const"
		}
		sc.names = append(sc.names, member{name, kind, v.Type().String()})
	}
	exports, _ := safeSymbols(yi, "main")
	for name, v := range exports["main"] {
		if _, ok := sc.values[name]; !ok && !internal(name) && v.Kind() == reflect.Func {
			funcs[name] = reflectSignature(v.Type(), 0)
		}
	}
}

// idleScopes keeps, per session, the scope last read between cells. Its keys are weak
// so that a session no longer used can be collected, and its entry then goes too.
var idleScopes = scopeCache{m: map[weak.Pointer[Session]]sessionScope{}}

type scopeCache struct {
	mu sync.Mutex
	m  map[weak.Pointer[Session]]sessionScope
}

func (c *scopeCache) load(s *Session) (sessionScope, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sc, ok := c.m[weak.Make(s)]
	return sc, ok
}

func (c *scopeCache) store(s *Session, sc sessionScope) {
	k := weak.Make(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; !ok {
		runtime.AddCleanup(s, func(k weak.Pointer[Session]) {
			c.mu.Lock()
			delete(c.m, k)
			c.mu.Unlock()
		}, k)
	}
	c.m[k] = sc
}

// universe lists Go's predeclared identifiers and keywords.
var universe = func() []member {
	var ms []member
	add := func(kind string, names ...string) {
		for _, n := range names {
			ms = append(ms, member{n, kind, ""})
		}
	}
	add("function", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag",
		"len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover")
	add("type", "any", "bool", "byte", "comparable", "complex64", "complex128", "error",
		"float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string",
		"uint", "uint8", "uint16", "uint32", "uint64", "uintptr")
	add("const", "true", "false", "iota", "nil")
	add("keyword", "break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
		"package", "range", "return", "select", "struct", "switch", "type", "var")
	return ms
}()
