package refuse

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// In an interface value, yaegi v0.16.1 keeps no name for a value of a named
// type declared in a cell whose underlying type is not a struct (type Celsius
// float64, type IDs []int): var v any = Celsius(3) passes v.(float64) and
// v.(Fahrenheit), a float64 passes v.(Celsius), and a type switch takes such a
// case. Such a value is its erasure there: its type with every such named type
// replaced by its underlying type, as yaegi's reflect type has it.
//
// The rule (kind IndistinctType): a type assertion, or a type switch case, to a
// type T that is not an interface is refused
//   - if T contains such a named type (a value of T's erasure would pass it), or
//   - if the erasure of a named non-struct type of the session, ever declared,
//     is T or a part of T (a slice's, array's, pointer's, channel's element, a
//     map's key or element, a function's parameter or result, a field of a
//     struct written out, the underlying type of a compiled package's named
//     non-struct type: type Dur time.Duration passes v.(time.Duration)), since
//     a value of such a type, or one built of it, would pass it;
//
// and the declaration of a named non-struct type is refused if its erasure is T
// or a part of T for an assertion an earlier cell compiled, or if an earlier
// cell calls reflect.TypeOf or reflect.ValueOf with a value of an interface
// type (reflect would describe such a type's values in it as their erasure; a
// call with a value of such a type itself is refused as ReflectErased, and a
// call with an interface value once the session has such a type is too), and so is the
// declaration of such a type, or of a method of one, that makes it implement an
// interface an earlier cell asserts to by its method set (see SourceInterface;
// the assertions to such interfaces of the types the session has when the cell
// runs are IndistinctImplementer's). All these sets only grow over a session (a
// type declared again keeps its old erasure in), so no assertion that could be
// fooled ever runs: the rule is broader than needed, never narrower.

// Indistinct holds, across a session's cells, what the rule needs to know of
// earlier cells. The zero value is a session with no cells; Check and Commit
// must not be called concurrently.
type Indistinct struct {
	erasures map[string]string // erasure of a named non-struct type → its name
	asserted map[string]string // erasure of a part of an assertion's target → the target
	ifaces   map[string]*types.Interface
	// reflected is an earlier cell's call of reflect with an interface value
	// (see reflectDynamic), or "".
	reflected string
	// The last cell Check passed, for Commit.
	pending *cellFacts
}

// cellFacts is what one cell adds to an Indistinct.
type cellFacts struct {
	erasures, asserted map[string]string
	ifaces             map[string]*types.Interface // the source interfaces it asserts to
	reflected          string                      // a call of reflect with an interface value
}

// Check returns the refusals of the units of one cell (checked, in order, and
// not rewritten yet) under the rule, given the earlier cells committed.
func (ix *Indistinct) Check(fset *token.FileSet, units []*check.Unit) []*Error {
	facts := cell(units)
	ix.pending = nil
	var errs []*Error
	for _, u := range units {
		if u.Info == nil {
			continue
		}
		for _, tc := range assertions(u, false) {
			if qualified(erase(tc.t)) != qualified(tc.t) { // T holds such a type
				errs = append(errs, At(fset, tc.pos, IndistinctType, tc.construct+" "+qualified(tc.t),
					"a value of type "+qualified(tc.t), "one of its underlying type "+qualified(erase(tc.t))))
				continue
			}
			for _, part := range parts(erase(tc.t)) {
				if name, ok := lookup(part, facts.erasures, ix.erasures); ok {
					errs = append(errs, At(fset, tc.pos, IndistinctType, tc.construct+" "+qualified(tc.t),
						"a value of type "+part, "one of session type "+name+" (underlying type "+part+")"))
					break
				}
			}
		}
		for _, rc := range reflectDynamic(u) {
			if name, ok := anyValue(facts.erasures, ix.erasures); ok {
				errs = append(errs, At(fset, rc.pos, ReflectErased, rc.construct, "a value of session type "+name+" it may be given",
					"its underlying type"))
			}
		}
		for _, named := range declaredNamed(u) {
			if ix.reflected != "" {
				errs = append(errs, At(fset, named.Obj().Pos(), ReflectErased, "type "+named.Obj().Name()+" "+qualified(erase(named)),
					"a value of it given to an earlier cell's "+ix.reflected, "its underlying type"))
			}
			key := qualified(erase(named))
			if target, ok := ix.asserted[key]; ok {
				errs = append(errs, At(fset, named.Obj().Pos(), IndistinctType, "type "+named.Obj().Name()+" "+key,
					"a value of type "+named.Obj().Name(), "one of type "+key+", which an earlier cell's assertion to "+target+" would take it for"))
			}
		}
	}
	errs = append(errs, ix.newImplementers(fset, units, facts.ifaces)...)
	sortErrors(errs)
	if len(errs) == 0 {
		ix.pending = facts
	}
	return errs
}

// newImplementers returns the refusals of the named non-struct types of the
// session that implement an interface in ifaces or one an earlier cell asserts
// to: since such cells ran only if none did, the type, or a method of it, is
// new in the cell, or the cell asserts to the interface.
func (ix *Indistinct) newImplementers(fset *token.FileSet, units []*check.Unit, ifaces map[string]*types.Interface) []*Error {
	var candidates []*types.Named
	for _, u := range units {
		if u.Info == nil {
			continue
		}
		candidates = append(candidates, declaredNamed(u)...)
		scope := u.Pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
				if named := indistinct(tn.Type()); named != nil {
					candidates = append(candidates, named)
				}
			}
		}
	}
	var errs []*Error
	seen := map[*types.Named]bool{}
	for _, named := range candidates {
		if seen[named] {
			continue
		}
		seen[named] = true
	search:
		for _, m := range []map[string]*types.Interface{ix.ifaces, ifaces} {
			for _, name := range slices.Sorted(maps.Keys(m)) {
				if types.Implements(named, m[name]) || types.Implements(types.NewPointer(named), m[name]) {
					pos, construct, ok := declaredAt(units, named)
					if !ok {
						// The cell asserts to the interface, which desugar's
						// IndistinctImplementer refuses at the assertion.
						break search
					}
					errs = append(errs, At(fset, pos, IndistinctType, construct, "a value of type "+named.Obj().Name(),
						"one of type "+qualified(erase(named))+", so an assertion to "+name+", which "+named.Obj().Name()+" implements, could answer false for it"))
					break search
				}
			}
		}
	}
	return errs
}

// declaredAt returns where the units declare named, or a method of it, and
// what, if they do.
func declaredAt(units []*check.Unit, named *types.Named) (pos token.Pos, construct string, ok bool) {
	obj := named.Obj()
	for _, u := range units {
		if obj.Pos() >= u.File.Pos() && obj.Pos() <= u.File.End() {
			return obj.Pos(), "type " + obj.Name(), true
		}
		for _, d := range u.File.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 && receiverIs(fd.Recv.List[0].Type, obj.Name()) {
				return fd.Name.Pos(), "method " + obj.Name() + "." + fd.Name.Name, true
			}
		}
	}
	return token.NoPos, "", false
}

// receiverIs reports whether receiver type e is (a pointer to) the type name.
func receiverIs(e ast.Expr, name string) bool {
	id, _ := check.ReceiverBase(e)
	return id != nil && id.Name == name
}

// Commit adds what the cell that last passed Check declares and asserts to what
// later cells are checked against: call it once the cell is to run.
func (ix *Indistinct) Commit() {
	if ix.pending == nil {
		return
	}
	if ix.erasures == nil {
		ix.erasures, ix.asserted, ix.ifaces = map[string]string{}, map[string]string{}, map[string]*types.Interface{}
	}
	maps.Copy(ix.erasures, ix.pending.erasures)
	maps.Copy(ix.asserted, ix.pending.asserted)
	maps.Copy(ix.ifaces, ix.pending.ifaces)
	if ix.reflected == "" {
		ix.reflected = ix.pending.reflected
	}
	ix.pending = nil
}

// cell returns the erasures of the named non-struct types the units declare
// (or instantiate), the parts of their assertions' targets, and the source
// interfaces they assert to.
func cell(units []*check.Unit) *cellFacts {
	f := &cellFacts{map[string]string{}, map[string]string{}, map[string]*types.Interface{}, ""}
	for _, u := range units {
		if u.Info == nil {
			continue
		}
		for _, named := range declaredNamed(u) {
			f.erasures[qualified(erase(named))] = qualified(named)
		}
		for _, tc := range assertions(u, false) {
			for _, part := range parts(erase(tc.t)) {
				f.asserted[part] = qualified(tc.t)
			}
		}
		if rc := reflectDynamic(u); len(rc) > 0 && f.reflected == "" {
			f.reflected = rc[0].construct
		}
		for _, t := range assertedTypes(u) {
			if SourceInterface(t) {
				f.ifaces[qualified(t)] = t.Underlying().(*types.Interface)
			}
		}
	}
	return f
}

// SourceInterface reports whether t is an interface yaegi v0.16.1 asserts to by
// the method set of the interface value's own type, so wrongly for a value that
// reached an any from its concrete type: a non-empty interface declared at a
// cell's top level (not generic), or written as a literal.
func SourceInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.Empty() {
		return false
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return check.IsSessionLevel(t.Obj()) && t.TypeArgs().Len() == 0
	case *types.Interface:
		return true
	}
	return false
}

// anyValue returns the first value, by key, of the first of maps that is not
// empty.
func anyValue(ms ...map[string]string) (string, bool) {
	for _, m := range ms {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			return m[k], true
		}
	}
	return "", false
}

func lookup(key string, maps ...map[string]string) (string, bool) {
	for _, m := range maps {
		if v, ok := m[key]; ok {
			return v, true
		}
	}
	return "", false
}

// A target is the type a type assertion or type switch case names.
type target struct {
	pos       token.Pos
	construct string
	t         types.Type
}

// assertedTypes returns the interfaces u's type assertions and type switch
// cases name.
func assertedTypes(u *check.Unit) []types.Type {
	var ts []types.Type
	for _, tc := range assertions(u, true) {
		ts = append(ts, tc.t)
	}
	return ts
}

// assertions returns the types u's type assertions and type switch cases name:
// the interfaces, or the other types.
func assertions(u *check.Unit, ifaces bool) []target {
	var ts []target
	add := func(e ast.Expr, construct string) {
		tv, ok := u.Info.Types[e]
		if !ok || !tv.IsType() || types.IsInterface(tv.Type) != ifaces {
			return
		}
		ts = append(ts, target{e.Pos(), construct, tv.Type})
	}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type != nil {
				add(n.Type, "type assertion to")
			}
		case *ast.TypeSwitchStmt:
			for _, s := range n.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					add(e, "type switch case")
				}
			}
		}
		return true
	})
	return ts
}

// declaredNamed returns the named non-struct types the unit declares, at its
// top level or in a function, and the instances of generic ones it uses.
func declaredNamed(u *check.Unit) []*types.Named {
	var out []*types.Named
	seen := map[*types.Named]bool{}
	note := func(t types.Type) {
		if named := indistinct(t); named != nil && !seen[named] {
			seen[named] = true
			out = append(out, named)
		}
	}
	for _, obj := range u.Info.Defs {
		if tn, ok := obj.(*types.TypeName); ok {
			note(tn.Type())
		}
	}
	for _, inst := range u.Info.Instances {
		note(inst.Type)
	}
	return out
}

// indistinct returns t if it is a named type of the session's package whose
// underlying type is neither a struct nor an interface, and has no type
// parameters left, or nil.
func indistinct(t types.Type) *types.Named {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
		return nil
	}
	if named.TypeParams().Len() > named.TypeArgs().Len() {
		return nil
	}
	switch named.Underlying().(type) {
	case *types.Struct, *types.Interface:
		return nil
	}
	return named
}

// erase returns t with every named non-struct type of the session replaced by
// (the erasure of) its underlying type.
func erase(t types.Type) types.Type {
	if named := indistinct(t); named != nil {
		return erase(named.Underlying())
	}
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return types.NewPointer(erase(t.Elem()))
	case *types.Slice:
		return types.NewSlice(erase(t.Elem()))
	case *types.Array:
		return types.NewArray(erase(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(erase(t.Key()), erase(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), erase(t.Elem()))
	case *types.Signature:
		return types.NewSignatureType(nil, nil, nil, eraseTuple(t.Params()), eraseTuple(t.Results()), t.Variadic())
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), erase(f.Type()), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	}
	return t
}

func eraseTuple(tu *types.Tuple) *types.Tuple {
	vars := make([]*types.Var, tu.Len())
	for i := range vars {
		vars[i] = types.NewParam(tu.At(i).Pos(), tu.At(i).Pkg(), "", erase(tu.At(i).Type()))
	}
	return types.NewTuple(vars...)
}

// parts returns t, written out, and those of the types it is built of (see
// the rule).
func parts(t types.Type) []string {
	out := []string{qualified(t)}
	var elems []types.Type
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		// A cell's type Dur time.Duration has Duration's reflect type in the
		// interpreter, but int64 as its underlying type (its erasure).
		switch t.Underlying().(type) {
		case *types.Struct, *types.Interface:
		default:
			elems = []types.Type{t.Underlying()}
		}
	case *types.Pointer:
		elems = []types.Type{t.Elem()}
	case *types.Slice:
		elems = []types.Type{t.Elem()}
	case *types.Array:
		elems = []types.Type{t.Elem()}
	case *types.Map:
		elems = []types.Type{t.Key(), t.Elem()}
	case *types.Chan:
		elems = []types.Type{t.Elem()}
	case *types.Signature:
		for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tu.Len() {
				elems = append(elems, tu.At(i).Type())
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			elems = append(elems, t.Field(i).Type())
		}
	}
	for _, e := range elems {
		out = append(out, parts(e)...)
	}
	return out
}

// qualified writes t with the session's names unqualified and others by path.
func qualified(t types.Type) string {
	return types.TypeString(t, qualifier)
}
