package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// instanceAliases writes each instance of a generic type with two or more
// type arguments (Pair[string, int]) that appears as a type in the unit by an
// alias declared at package level (instanceAlias).
//
// yaegi v0.16.1 makes one node of such an instance and shares it between the
// places that write it, so the control flow of the last one compiled
// overwrites the others': with two literals Pair[string, int]{…} in a
// function, the statements between them were skipped and the first variable
// stayed zero, without an error, and execution could even continue in
// another function. An alias is instantiated once, where it is declared, and
// runs right at every place that names it. (A local alias is no use: yaegi
// does not find it.)
//
// Instances whose type arguments hold a type parameter or a type declared
// inside a function, which a package-level alias cannot name, are left as
// they are.
func (d *desugarer) instanceAliases(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		if lit, ok := c.Node().(*ast.CompositeLit); ok {
			d.elideInstanceTypes(lit)
			if x := d.literalInSlice(lit); x != nil {
				c.Replace(x)
			}
			return true
		}
		if e, ok := c.Node().(*ast.IndexExpr); ok {
			// Its argument is already written (post-order).
			if tv, ok := d.info.Types[e]; ok && tv.IsType() {
				if x := indexed(e.X, []ast.Expr{e.Index}, e.Lbrack); x != ast.Expr(e) {
					d.info.Types[x] = tv
					c.Replace(x)
				}
			}
			return true
		}
		e, ok := c.Node().(*ast.IndexListExpr)
		if !ok {
			return true
		}
		tv, ok := d.info.Types[e]
		if !ok || !tv.IsType() {
			return true
		}
		named, ok := types.Unalias(tv.Type).(*types.Named)
		if !ok || named.TypeArgs().Len() < 2 || !d.packageLevel(named) {
			return true
		}
		// typeExpr writes such an instance by its alias, here and in the
		// types other rewrites write.
		if te, err := d.typeExpr(named, e.Pos()); err == nil {
			d.info.Types[te] = tv
			c.Replace(te)
		}
		return true
	})
}

// elideInstanceTypes drops the type of each composite literal among lit's
// elements (keys, values) that the type of lit gives, if it is written with
// an index-list expression: []S[P[K, V]]{S[P[K, V]]{…}} becomes
// []S[P[K, V]]{{…}}, and []*P[K, V]{&P[K, V]{…}} []*P[K, V]{{…}}, as Go
// allows (the latter gave a nil pointer when it ran). yaegi v0.16.1 takes the type of such an
// element from lit's, and then compiled the written type as the element's
// first value (a nil dereference in its compiler): it recognises an
// index-list expression as no type.
func (d *desugarer) elideInstanceTypes(lit *ast.CompositeLit) {
	tv, ok := d.info.Types[lit]
	if !ok {
		return
	}
	var key, elem types.Type
	switch u := tv.Type.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		key, elem = u.Key(), u.Elem()
	default:
		return
	}
	elide := func(e ast.Expr, t types.Type) ast.Expr {
		if t == nil {
			return e
		}
		x := e
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			p, ok := t.(*types.Pointer)
			if !ok {
				return e
			}
			x, t = u.X, p.Elem() // &T{…} of an element type *T: {…}
		}
		inner, ok := x.(*ast.CompositeLit)
		if !ok || inner.Type == nil || !holdsIndexList(inner.Type) {
			return e
		}
		if itv, ok := d.info.Types[inner]; ok && types.Identical(itv.Type, t) {
			inner.Type = nil
			return inner
		}
		return e
	}
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			kv.Key = elide(kv.Key, key)
			kv.Value = elide(kv.Value, elem)
			continue
		}
		lit.Elts[i] = elide(e, elem)
	}
}

// literalInSlice returns []T{{…}}[0] for a composite literal T{…} of an
// instance with several type arguments that holds a type parameter (no alias
// can name it), or nil. yaegi v0.16.1 makes one node of such an instance
// and shares it between the literals that write it, as it did the instances
// instanceAliases names: with two literals P[K, V]{k, v} in a generic
// function the first stayed zero, without an error, and &P[K, V]{…} twice
// gave a nil pointer. The type of a slice it compiles apart, and an element's
// type it takes from the slice's.
func (d *desugarer) literalInSlice(lit *ast.CompositeLit) ast.Expr {
	if _, ok := lit.Type.(*ast.IndexListExpr); !ok {
		return nil
	}
	tv, ok := d.info.Types[lit]
	if !ok || d.packageLevel(tv.Type) {
		return nil
	}
	pos := lit.Pos()
	slice := &ast.CompositeLit{Type: &ast.ArrayType{Lbrack: pos, Elt: lit.Type}, Lbrace: pos, Rbrace: lit.Rbrace,
		Elts: []ast.Expr{&ast.CompositeLit{Lbrace: lit.Lbrace, Elts: lit.Elts, Rbrace: lit.Rbrace}}}
	d.info.Types[slice] = types.TypeAndValue{Type: types.NewSlice(tv.Type)}
	zero := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}
	d.info.Types[zero] = types.TypeAndValue{Type: types.Typ[types.Int]}
	x := &ast.IndexExpr{X: slice, Lbrack: pos, Index: zero, Rbrack: lit.Rbrace}
	d.info.Types[x] = tv
	return x
}

// instanceAlias returns the name of an alias of the instance te writes,
// declared at package level: in the unit if it is one of declarations,
// otherwise by the session before the unit runs (Config.Alias); or nil
// without Config.Alias.
func (d *desugarer) instanceAlias(te ast.Expr, pos token.Pos) *ast.Ident {
	typ := types.ExprString(te)
	if d.unit.Body() != nil {
		if d.cfg.Alias == nil {
			return nil
		}
		return ident(pos, d.cfg.Alias(typ))
	}
	if name, ok := d.aliases[typ]; ok {
		return ident(pos, name)
	}
	if d.aliases == nil {
		d.aliases = map[string]string{}
	}
	name := d.temp("inst")
	d.aliases[typ] = name
	d.aliasDecls = append(d.aliasDecls, &ast.GenDecl{TokPos: pos, Tok: token.TYPE,
		Specs: []ast.Spec{&ast.TypeSpec{Name: ident(pos, name), Assign: pos, Type: te}}})
	return ident(pos, name)
}

// placeAliases puts the unit's instance aliases (instanceAlias) among its
// declarations: each right after the last declaration of a type it names
// (the generic type, a type argument, an earlier alias) or of a method of
// one (an instance made before a method is declared lacks it: "undefined
// selector"), or, if the unit declares none of them, after its imports.
//
// yaegi v0.16.1 resolves an alias when it meets it: an alias written after
// another that names it failed with "type not found" (type X = S[P[string,
// int]] in a cell of its own, where __inst = P[string, int] came last), and
// an alias before the generic type it instantiates with "nil reflect type".
func (d *desugarer) placeAliases() {
	for _, alias := range d.aliasDecls {
		decls := d.unit.File.Decls
		named := map[string]bool{}
		ast.Inspect(alias.Specs[0].(*ast.TypeSpec).Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				named[id.Name] = true
			}
			return true
		})
		at := 0
		for i, decl := range decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
				if base := receiverBase(fd.Recv.List[0].Type); base != nil && named[d.writtenName(base)] {
					at = max(at, i+1) // a method the instance must have
				}
				continue
			}
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			switch gd.Tok {
			case token.IMPORT:
				at = max(at, i+1)
			case token.TYPE:
				for _, spec := range gd.Specs {
					if named[d.writtenName(spec.(*ast.TypeSpec).Name)] {
						at = max(at, i+1)
					}
				}
			}
		}
		d.unit.File.Decls = append(decls[:at:at], append([]ast.Decl{alias}, decls[at:]...)...)
	}
	if len(d.aliasDecls) > 0 {
		d.aliasesAfterInstances()
	}
	d.aliasDecls = nil
}

// aliasesAfterInstances moves each declaration of the unit's own aliases
// (type X = S[P[string, int]]) that names an instance alias declared after
// it to right after that one: a method of P declared after X put the
// instance alias after X, and yaegi failed ("type not found").
func (d *desugarer) aliasesAfterInstances() {
	where := func(decls []ast.Decl) map[string]int {
		at := map[string]int{}
		for i, decl := range decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					at[spec.(*ast.TypeSpec).Name.Name] = i
				}
			}
		}
		return at
	}
	for i := 0; i < len(d.unit.File.Decls); i++ {
		decls := d.unit.File.Decls
		gd, ok := decls[i].(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE || slices.Contains(d.aliasDecls, gd) {
			continue
		}
		at := where(decls)
		last := -1
		ast.Inspect(gd, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "__inst") {
				if j, ok := at[id.Name]; ok && j > i {
					last = max(last, j)
				}
			}
			return true
		})
		if last < 0 {
			continue
		}
		moved := append(append(append([]ast.Decl{}, decls[:i]...), decls[i+1:last+1]...), gd)
		d.unit.File.Decls = append(moved, decls[last+1:]...)
		i-- // the declaration now at i is the next one
	}
}

// packageLevel reports whether a package-level declaration can name t: it
// holds no type parameter and no type declared inside a function.
func (d *desugarer) packageLevel(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return false
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
			return false
		}
		for a := range t.TypeArgs().Types() {
			if !d.packageLevel(a) {
				return false
			}
		}
		return true
	case *types.Pointer:
		return d.packageLevel(t.Elem())
	case *types.Slice:
		return d.packageLevel(t.Elem())
	case *types.Array:
		return d.packageLevel(t.Elem())
	case *types.Map:
		return d.packageLevel(t.Key()) && d.packageLevel(t.Elem())
	case *types.Chan:
		return d.packageLevel(t.Elem())
	case *types.Basic:
		return true
	}
	return false // a func, struct or interface literal: left as written
}

// writtenName returns the name rewritten code gives the type id names or
// declares: the session may have renamed a type declared again (P_7).
func (d *desugarer) writtenName(id *ast.Ident) string {
	if tn, ok := d.info.ObjectOf(id).(*types.TypeName); ok && !tn.IsAlias() {
		if name, ok := d.cfg.TypeName(tn); ok {
			return name
		}
	}
	return id.Name
}

// receiverBase returns the identifier of a receiver's type: T of T, *T,
// T[K, V].
func receiverBase(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x
		default:
			return nil
		}
	}
}

// genericPointers prepares or refuses, in functions' bodies, the pointer types
// *P[K, V] to an instance with several type arguments that holds a type
// parameter (no alias can name it: instanceAliases). yaegi v0.16.1 compiles
// such a type as the dereference of an expression, and its compiler panics
// (nil pointer dereference), where it meets the type in an expression: as the
// type of variables declared without a value, in a conversion, a type
// assertion or case, a type argument or a composite literal's type. It runs
// it in a function type, in a slice, array, map, channel or struct type, and
// as the type of one variable declared with a value. So
//
//	var p, q *P[K, V]   →   var p *P[K, V] = nil; var q *P[K, V] = nil
//	new(P[K, V])        →   &make([]P[K, V], 1)[0]   (new(P[K, V]) gave a nil pointer)
//
// and the other places are
// refused (refuse.GenericPointerType).
func (d *desugarer) genericPointers(root ast.Node) {
	bad := func(e ast.Expr) bool {
		star, ok := e.(*ast.StarExpr)
		if !ok || !holdsIndexList(star.X) {
			return false
		}
		tv, ok := d.info.Types[star]
		return ok && tv.IsType() && !d.packageLevel(tv.Type)
	}
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncType, *ast.FieldList, *ast.TypeSpec, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.StructType, *ast.InterfaceType:
			return false // compiled as types (a receiver's too)
		case *ast.GenDecl:
			if n.Tok == token.VAR {
				splitPointerVars(n, bad)
			}
		case *ast.CallExpr:
			if lit := d.newLiteral(n); lit != nil {
				c.Replace(lit)
				return false
			}
		case *ast.StarExpr:
			if !bad(n) {
				return true
			}
			if vs, ok := c.Parent().(*ast.ValueSpec); ok && c.Name() == "Type" && len(vs.Names) == 1 && len(vs.Values) == 1 {
				return false
			}
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, n.Pos(), refuse.GenericPointerType, types.ExprString(n), pointerPlace(c.Parent())))
			return false
		}
		return true
	}, nil)
}

// splitPointerVars gives each variable of decl declared without a value, of
// a type bad reports, a declaration of its own, with the value nil.
func splitPointerVars(decl *ast.GenDecl, bad func(ast.Expr) bool) {
	var specs []ast.Spec
	for _, spec := range decl.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok || vs.Type == nil || len(vs.Values) > 0 || !bad(vs.Type) {
			specs = append(specs, spec)
			continue
		}
		for _, name := range vs.Names {
			specs = append(specs, &ast.ValueSpec{Names: []*ast.Ident{name}, Type: vs.Type, Values: []ast.Expr{ident(name.Pos(), "nil")}})
		}
	}
	if len(specs) > 1 && !decl.Lparen.IsValid() {
		decl.Lparen, decl.Rparen = decl.TokPos, decl.End()
	}
	decl.Specs = specs
}

// newLiteral returns &make([]T, 1)[0] for new(T), T an instance with
// several type arguments that holds a type parameter; or nil. new(T) gave a
// nil pointer, and &T{} twice too (see literalInSlice).
func (d *desugarer) newLiteral(call *ast.CallExpr) ast.Expr {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || len(call.Args) != 1 || !holdsIndexList(call.Args[0]) {
		return nil
	}
	if b, ok := d.info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return nil
	}
	tv, ok := d.info.Types[call.Args[0]]
	if !ok || !tv.IsType() || d.packageLevel(tv.Type) {
		return nil
	}
	pos := call.Pos()
	slice := types.NewSlice(tv.Type)
	st := &ast.ArrayType{Lbrack: pos, Elt: call.Args[0]}
	d.info.Types[st] = types.TypeAndValue{Type: slice}
	one := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "1"}
	mk := &ast.CallExpr{Fun: ident(pos, "make"), Lparen: pos, Args: []ast.Expr{st, one}, Rparen: call.Rparen}
	d.info.Types[mk] = types.TypeAndValue{Type: slice}
	zero := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}
	elem := &ast.IndexExpr{X: mk, Lbrack: pos, Index: zero, Rbrack: call.Rparen}
	d.info.Types[elem] = types.TypeAndValue{Type: tv.Type}
	ptr := &ast.UnaryExpr{OpPos: pos, Op: token.AND, X: elem}
	d.info.Types[ptr] = d.info.Types[call]
	return ptr
}

// pointerPlace names the place of a type in parent, for a refusal.
func pointerPlace(parent ast.Node) string {
	switch parent.(type) {
	case *ast.TypeAssertExpr:
		return "the type of a type assertion or type switch case"
	case *ast.CallExpr, *ast.ParenExpr:
		return "the type of a conversion"
	case *ast.IndexExpr, *ast.IndexListExpr:
		return "a type argument"
	case *ast.CompositeLit:
		return "a composite literal's type"
	case *ast.ValueSpec:
		return "the type of several variables declared with values"
	}
	return "a type in an expression"
}
