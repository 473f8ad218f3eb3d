package desugar

import (
	"go/ast"
	"go/types"
)

// structDefinitions writes out the struct of a type defined from a cell's
// struct type, `type Tag Item` becoming `type Tag struct{ … }` with Item's
// fields. yaegi v0.16.1 gives such a Tag Item's reflect type, so a Tag in an
// interface was an Item: fmt printed it through Item's String method ("item b"
// where Go prints "tag b") and it passed an assertion to Item, with no error.
// Written out, the struct gets Tag's own mark (tagCellStructs), which tells the
// two apart; a conversion between them stays legal, as tags are ignored there.
func (d *desugarer) structDefinitions(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() || ts.TypeParams != nil {
			return true
		}
		var name *ast.Ident
		switch x := ast.Unparen(ts.Type).(type) {
		case *ast.Ident:
			name = x
		case *ast.SelectorExpr:
			name = x.Sel
		default:
			return true
		}
		obj, ok := d.info.Uses[name].(*types.TypeName)
		if !ok || !d.declared(obj.Type()) {
			return true
		}
		st, ok := obj.Type().Underlying().(*types.Struct)
		if !ok {
			return true
		}
		e, err := d.typeExpr(st, ts.Type.Pos())
		if err != nil {
			d.fail(ts.Type.Pos(), "type "+ts.Name.Name+" "+obj.Name(), err)
			return true
		}
		ts.Type = e
		return true
	})
}
