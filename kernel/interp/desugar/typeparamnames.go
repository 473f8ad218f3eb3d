package desugar

import (
	"go/ast"
	"go/types"
)

// typeParamNames renames the type parameters of each generic declaration of
// the unit (a type and its methods, a function) that has another identifier
// of the same name, there or in the session: yaegi v0.16.1 instantiates a generic by replacing every
// identifier named as a type parameter with the type argument, a field's name
// and a selector's too. So
//
//	type Entry[K comparable, V any] struct{ K K; V V }
//
// failed (Entry[string, int]{K: "a"}: unknown field K; its fields became
// "string" and "int"), and so did e.K in a method. Renamed K__tp, the
// parameter is the only identifier of its name. A generic type's methods name
// its parameters as it does (yaegi matches them by name), so a type and its
// methods are renamed together. Later rewrites write a parameter by its new
// name too (typeExpr).
func (d *desugarer) typeParamNames(file *ast.File) {
	type generic struct {
		decl   ast.Node
		params *ast.FieldList
		typ    string // the generic type a method is of, or the type's name
	}
	var generics []generic
	clashing := map[string]bool{} // generic types with a clash in them or their methods
	for _, decl := range file.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			g := generic{decl: decl, params: decl.Type.TypeParams}
			if decl.Recv != nil && len(decl.Recv.List) == 1 {
				g.params, g.typ = receiverTypeParams(decl.Recv.List[0].Type)
			}
			if g.params != nil {
				generics = append(generics, g)
			}
		case *ast.GenDecl:
			for _, sp := range decl.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					generics = append(generics, generic{decl: ts, params: ts.TypeParams, typ: ts.Name.Name})
				}
			}
		}
	}
	for _, g := range generics {
		if g.typ != "" && d.typeParamClash(g.decl, g.params) {
			clashing[g.typ] = true
		}
	}
	for _, g := range generics {
		if g.typ != "" && clashing[g.typ] || g.typ == "" && d.typeParamClash(g.decl, g.params) {
			d.renameTypeParams(g.decl, g.params)
		}
	}
}

// receiverTypeParams returns the type parameters a method's receiver
// declares (func (e Entry[K, V]) …) as a field list, and the generic type's
// name; or nil.
func receiverTypeParams(recv ast.Expr) (*ast.FieldList, string) {
	if star, ok := recv.(*ast.StarExpr); ok {
		recv = star.X
	}
	var x ast.Expr
	var idx []ast.Expr
	switch r := recv.(type) {
	case *ast.IndexExpr:
		x, idx = r.X, []ast.Expr{r.Index}
	case *ast.IndexListExpr:
		x, idx = r.X, r.Indices
	default:
		return nil, ""
	}
	name, ok := x.(*ast.Ident)
	if !ok {
		return nil, ""
	}
	list := &ast.FieldList{}
	for _, e := range idx {
		if id, ok := e.(*ast.Ident); ok {
			list.List = append(list.List, &ast.Field{Names: []*ast.Ident{id}})
		}
	}
	return list, name.Name
}

// typeParamsOf returns the type parameters params declares, by name.
func (d *desugarer) typeParamsOf(params *ast.FieldList) map[string]*types.TypeName {
	byName := map[string]*types.TypeName{}
	for _, f := range params.List {
		for _, n := range f.Names {
			if tn, ok := d.info.Defs[n].(*types.TypeName); ok {
				byName[n.Name] = tn
			}
		}
	}
	return byName
}

// typeParamClash reports whether another identifier in decl, or a name the
// session declares, has the name of one of the type parameters params
// declares. (With a session's type T, Count[T comparable] instantiated with
// it failed: CFG post-order panic: nil reflect type.)
func (d *desugarer) typeParamClash(decl ast.Node, params *ast.FieldList) bool {
	byName := d.typeParamsOf(params)
	for name := range byName {
		if d.unit.Pkg.Scope().Lookup(name) != nil {
			return true
		}
	}
	clash := false
	ast.Inspect(decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if tn := byName[id.Name]; tn != nil && d.info.ObjectOf(id) != tn {
				clash = true
			}
		}
		return !clash
	})
	return clash
}

// renameTypeParams gives the type parameters params declares in decl their
// new names, there and in typeParams.
func (d *desugarer) renameTypeParams(decl ast.Node, params *ast.FieldList) {
	if d.typeParams == nil {
		d.typeParams = map[*types.TypeName]string{}
	}
	for name, tn := range d.typeParamsOf(params) {
		d.typeParams[tn] = name + "__tp"
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if tn, ok := d.info.ObjectOf(id).(*types.TypeName); ok && d.typeParams[tn] != "" {
				id.Name = d.typeParams[tn]
			}
		}
		return true
	})
}
