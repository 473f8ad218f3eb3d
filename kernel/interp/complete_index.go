package interp

import (
	"go/constant"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/ratelab/ratelab/kernel/interp/docs"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// member is one completion candidate: a name, its kind as Jupyter's
// _jupyter_types_experimental metadata carries it, and a short signature.
type member struct {
	name, kind, sig string
}

// builtinPackage is one importable package of the symbol tables, with its exported
// symbols as completion candidates, sorted by name.
type builtinPackage struct {
	path, name string
	members    []member
}

// packageIndex lists the packages of the symbol tables by import path and by name.
type packageIndex struct {
	byPath map[string]*builtinPackage
	byName map[string][]*builtinPackage // sorted by path
	names  []string                     // sorted, unique
}

var (
	indexOnce sync.Once
	index     *packageIndex
)

// builtinPackages returns the index of the symbol tables, built on first use (a few
// milliseconds: the first completion pays for it, and for decoding the docs).
func builtinPackages() *packageIndex {
	indexOnce.Do(func() { index = newPackageIndex(symbols.Symbols) })
	return index
}

// newPackageIndex indexes yaegi symbol tables keyed "import/path/name".
func newPackageIndex(tables map[string]map[string]reflect.Value) *packageIndex {
	ix := &packageIndex{byPath: map[string]*builtinPackage{}, byName: map[string][]*builtinPackage{}}
	for key, syms := range tables {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue // yaegi's own entries, such as "."
		}
		p := &builtinPackage{path: key[:i], name: key[i+1:]}
		pd, _ := docs.Lookup(p.path)
		for name, v := range syms {
			if strings.HasPrefix(name, "_") {
				continue // yaegi's interface wrappers
			}
			p.members = append(p.members, describeSymbol(pd, name, v))
		}
		sort.Slice(p.members, func(i, j int) bool { return p.members[i].name < p.members[j].name })
		ix.byPath[p.path] = p
		ix.byName[p.name] = append(ix.byName[p.name], p)
	}
	for name, ps := range ix.byName {
		sort.Slice(ps, func(i, j int) bool { return ps[i].path < ps[j].path })
		ix.names = append(ix.names, name)
	}
	sort.Strings(ix.names)
	return ix
}

// describeSymbol tells the kind and signature of an exported symbol of a compiled
// package, from its documentation when there is some, else from the value as yaegi's
// extract writes it: a type as a nil pointer to it, a variable as an addressable
// value, an untyped constant as a go/constant value.
func describeSymbol(pd *docs.Package, name string, v reflect.Value) member {
	if pd != nil {
		if s, ok := pd.Symbol(name); ok {
			switch s.Kind {
			case docs.Func:
				return member{name, "function", funcSignature(s.Decl)}
			case docs.Type:
				return member{name, "type", ""}
			case docs.Const:
				return member{name, "const", constType(v)}
			case docs.Var:
				return member{name, "variable", v.Type().String()}
			}
		}
	}
	switch {
	case v.Kind() == reflect.Func:
		return member{name, "function", strings.TrimPrefix(v.Type().String(), "func")}
	case v.Kind() == reflect.Pointer && v.IsNil():
		return member{name, "type", ""}
	case v.CanAddr():
		return member{name, "variable", v.Type().String()}
	}
	return member{name, "const", constType(v)}
}

// constType is the type of a constant, "untyped" for a go/constant value.
func constType(v reflect.Value) string {
	if _, ok := v.Interface().(constant.Value); ok {
		return "untyped"
	}
	return v.Type().String()
}

// funcSignature cuts "func Name" from a function declaration, leaving its
// parameters and results on one line: "(s, sep string) []string".
func funcSignature(decl string) string {
	decl = strings.Join(strings.Fields(decl), " ")
	if i := strings.IndexAny(decl, "(["); i >= 0 {
		return decl[i:]
	}
	return decl
}

// lookupPackage finds the compiled package a cell reaches as name: the one it
// imported under that name, or else the one whose name that is. When several share
// the name (crypto/rand, math/rand) and the cell imported none of them, the first by
// path is taken. The session's own short paths ("display") are not in the tables:
// they resolve by name.
func (ix *packageIndex) lookupPackage(name string, imports map[string]string) *builtinPackage {
	if p, ok := ix.byPath[imports[name]]; ok {
		return p
	}
	if ps := ix.byName[name]; len(ps) > 0 {
		return ps[0]
	}
	return nil
}
