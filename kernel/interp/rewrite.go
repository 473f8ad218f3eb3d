package interp

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// The session's own renames, made after desugaring, on the checked identifiers:
//
//   - yaegi keeps the first declaration of a type name, so a type declared again
//     is compiled under a new name (T_5, for cell 5) and the old name becomes an
//     alias of it after the cell (see redeclaredTypes); every identifier that
//     denotes a session type is written with the name the interpreter knows it
//     by, and so is an embedded field of such a type, in selectors and keys too;
//   - yaegi runs a function main of package main after every compile once it
//     exists, so the session's main is __main (see mainName).

// runtimeName returns the name the interpreter knows a session type by.
func (s *Session) runtimeName(tn *types.TypeName, renamed map[string]string) string {
	s.mu.Lock()
	name, ok := s.typeNames[tn]
	s.mu.Unlock()
	if ok {
		return name
	}
	if to, ok := renamed[tn.Name()]; ok {
		return to
	}
	return tn.Name()
}

// nameableType returns the name rewritten code may write for tn, or false if
// the interpreter cannot name tn any more: it was known by its plain name, which
// now stands for a newer declaration (or will after this cell).
func (s *Session) nameableType(tn *types.TypeName, renamed map[string]string) (string, bool) {
	if !check.IsSessionLevel(tn) {
		return tn.Name(), true
	}
	s.mu.Lock()
	name, known := s.typeNames[tn]
	checker := s.checker
	s.mu.Unlock()
	if !known {
		return s.runtimeName(tn, renamed), true // declared by this cell
	}
	if name == tn.Name() && (checker.Lookup(name) != types.Object(tn) || renamed[name] != "") {
		return "", false
	}
	return name, true
}

// renameIdents writes the identifiers of u that denote session types, their
// embedded fields and main under the names the interpreter knows them by.
func (s *Session) renameIdents(u *check.Unit, renamed map[string]string) {
	ast.Inspect(u.File, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := u.Info.Uses[id]
		if obj == nil {
			obj = u.Info.Defs[id]
		}
		switch o := obj.(type) {
		case *types.TypeName:
			if check.IsSessionLevel(o) {
				id.Name = s.runtimeName(o, renamed)
			}
		case *types.Var:
			if !o.Embedded() {
				break
			}
			t := o.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if named, ok := types.Unalias(t).(*types.Named); ok && check.IsSessionLevel(named.Obj()) {
				id.Name = s.runtimeName(named.Obj(), renamed)
			}
		case *types.Func:
			if o.Name() == "main" && check.IsSessionLevel(o) {
				id.Name = mainName
			}
		}
		return true
	})
}

// interpreterHas reports whether the interpreter can give a cell path.name (the
// package itself for name ""): the Go source it runs for the generic standard
// packages (package std, which replaces the compiled errors and the empty iter
// too), or the symbol tables for compiled packages.
func interpreterHas(path, name string) bool {
	if names, ok := stdNames()[path]; ok {
		return names[name] || name == ""
	}
	if table, ok := tablesByPath()[path]; ok {
		_, has := table[name]
		return has || name == ""
	}
	return false
}

// tablesByPath indexes the symbol tables by import path.
var tablesByPath = sync.OnceValue(func() map[string]map[string]reflect.Value {
	byPath := map[string]map[string]reflect.Value{}
	for _, tables := range []map[string]map[string]reflect.Value{symbols.Symbols, unsafe.Symbols} {
		for key, table := range tables {
			if i := strings.LastIndex(key, "/"); i > 0 {
				byPath[key[:i]] = table
			}
		}
	}
	byPath["display"] = byPath["github.com/ratelab/ratelab/kernel/display"] // as cells import it
	return byPath
})
