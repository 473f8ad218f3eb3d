package interp

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path"
	"reflect"
	"runtime"
	"sort"
	"strconv"
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
}

// scope gathers the session's declarations. yaegi tells the variables and constants
// (Globals, any name) and the exported functions (Symbols("main")); the session's
// type table tells the types under the names the user gave them; the cells' source
// tells the unexported functions and the imports, which yaegi keeps to itself.
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
	sc := sessionScope{values: map[string]reflect.Value{}, imports: map[string]string{}}
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

	sourceFuncs := map[string]string{}
	for _, cell := range cells {
		cellDecls(cell, sourceFuncs, sc.imports)
	}
	for name, sig := range sourceFuncs {
		funcs[name] = sig // the source's signature has parameter names
	}
	for name, sig := range funcs {
		sc.names = append(sc.names, member{name, "function", sig})
	}
	if !running {
		idleScopes.store(s, sc)
	}
	return sc
}

// readInterpreter adds the variables and constants yaegi holds to sc, and the
// exported functions to funcs.
func (sc *sessionScope) readInterpreter(yi *interp.Interpreter, funcs map[string]string) {
	internal := func(name string) bool { return name == "_" || strings.HasPrefix(name, "__") }
	for name, v := range yi.Globals() {
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
	for name, v := range yi.Symbols("main")["main"] {
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

// cellDecls adds the functions a cell declares (name to signature) and the packages
// it imports (name to path) to funcs and imports. The session records cells with
// their magic lines blanked.
func cellDecls(cell string, funcs, imports map[string]string) {
	for _, piece := range topLevelPieces(cell) {
		if !strings.HasPrefix(piece, "func") && !strings.HasPrefix(piece, "import") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", "package p\n"+piece, parser.SkipObjectResolution)
		if err != nil {
			continue // a statement such as func() {}(), or code that did not compile
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			name := path.Base(p)
			if imp.Name != nil {
				name = imp.Name.Name
			} else if pkg := builtinPackages().byPath[p]; pkg != nil {
				name = pkg.name // math/rand/v2 is rand
			}
			if name != "_" && name != "." {
				imports[name] = p
			}
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name != "_" {
				var b bytes.Buffer
				if err := printer.Fprint(&b, fset, fd.Type); err == nil {
					funcs[fd.Name.Name] = strings.TrimPrefix(b.String(), "func")
				}
			}
		}
	}
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
