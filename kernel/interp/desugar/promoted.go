package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// yaegi v0.16.1 does not promote the methods of an interface embedded in a
// struct: with `type Named struct { Shape; Name string }`, n.Area() panics
// ("invalid interface value"), a type switch on a Shape refuses `case Named:`
// ("impossible type assertion: main.Named does not implement main.Shape"), and
// handing `rev{sort.IntSlice(xs)}` (type rev struct{ sort.Interface }) to
// sort.Sort panics in reflect.StructOf. Go defines a promoted method as the
// method of the embedded field, so a unit declaring such a struct gets the
// promoted methods written out:
//
//	type Named struct { Shape; Name string }
//	→ func (__r Named) Area() float64 { return __r.Shape.Area() }
//
// only for methods whose selection goes through an embedded interface, since
// yaegi promotes a struct's embedded structs' methods itself. A method the
// struct declares shadows the promoted one, and go/types' method set already
// leaves it out. Generic structs are left as they are.
func (d *desugarer) promotedMethods(file *ast.File) {
	var decls []ast.Decl
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.TypeParams != nil || ts.Assign.IsValid() {
				continue
			}
			obj, _ := d.info.Defs[ts.Name].(*types.TypeName)
			if obj == nil {
				continue
			}
			decls = append(decls, d.interfaceForwarders(ts, obj.Type())...)
		}
	}
	file.Decls = append(file.Decls, decls...)
}

// interfaceForwarders returns the method declarations of t, a type ts declares,
// that call the methods it promotes from an embedded interface.
func (d *desugarer) interfaceForwarders(ts *ast.TypeSpec, t types.Type) []ast.Decl {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	pos := ts.Name.Pos()
	var decls []ast.Decl
	mset := types.NewMethodSet(t)
	for i := range mset.Len() {
		sel := mset.At(i)
		path, viaInterface := check.EmbeddedPath(t, sel.Index())
		if !viaInterface {
			continue
		}
		fun := ast.Expr(ident(pos, "__r"))
		for _, field := range path {
			sel := ident(pos, field.Name())
			// Known as the field, so that renaming a type declared again renames
			// its embedded field (Getter_7) here too.
			d.info.Uses[sel] = field
			fun = &ast.SelectorExpr{X: fun, Sel: sel}
		}
		fun = &ast.SelectorExpr{X: fun, Sel: ident(pos, sel.Obj().Name())}
		lit, err := d.forwarder(fun, sel.Type().(*types.Signature))
		if err != nil {
			d.fail(pos, "the method "+sel.Obj().Name()+" that "+ts.Name.Name+" promotes from an embedded interface", err)
			return nil
		}
		// Named as the interpreter knows it: a type declared again is Named_6.
		recvType, err := d.typeExpr(t, pos)
		if err != nil {
			d.fail(pos, "the method "+sel.Obj().Name()+" that "+ts.Name.Name+" promotes from an embedded interface", err)
			return nil
		}
		recv := &ast.FieldList{Opening: pos, List: []*ast.Field{{Names: []*ast.Ident{ident(pos, "__r")}, Type: recvType}}, Closing: pos}
		decls = append(decls, &ast.FuncDecl{Recv: recv, Name: ident(pos, sel.Obj().Name()), Type: lit.Type, Body: lit.Body})
	}
	return decls
}
