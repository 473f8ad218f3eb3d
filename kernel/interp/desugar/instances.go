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
	d.unit.File.Decls = append(d.unit.File.Decls, &ast.GenDecl{TokPos: pos, Tok: token.TYPE,
		Specs: []ast.Spec{&ast.TypeSpec{Name: ident(pos, name), Assign: pos, Type: te}}})
	return ident(pos, name)
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
