package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
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
// []S[P[K, V]]{{…}}, as Go allows. yaegi v0.16.1 takes the type of such an
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
	elide := func(e ast.Expr, t types.Type) {
		inner, ok := e.(*ast.CompositeLit)
		if !ok || inner.Type == nil || t == nil || !holdsIndexList(inner.Type) {
			return
		}
		if itv, ok := d.info.Types[inner]; ok && types.Identical(itv.Type, t) {
			inner.Type = nil
		}
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			elide(kv.Key, key)
			elide(kv.Value, elem)
			continue
		}
		elide(e, elem)
	}
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
				if named[receiverBase(fd.Recv.List[0].Type)] {
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
					if named[spec.(*ast.TypeSpec).Name.Name] {
						at = max(at, i+1)
					}
				}
			}
		}
		d.unit.File.Decls = append(decls[:at:at], append([]ast.Decl{alias}, decls[at:]...)...)
	}
	d.aliasDecls = nil
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

// receiverBase returns the name of a receiver's type: T of T, *T, T[K, V].
func receiverBase(e ast.Expr) string {
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
			return x.Name
		default:
			return ""
		}
	}
}
