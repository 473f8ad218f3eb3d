package desugar

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// typeExpr writes t as a type expression the interpreter reads at pos: the
// session's types under their interpreter names, other packages' types through
// imports the session makes for generated code (Config.Import), so that no name a
// cell declares can shadow them.
func (d *desugarer) typeExpr(t types.Type, pos token.Pos) (ast.Expr, error) {
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	switch t := t.(type) {
	case *types.Basic:
		switch {
		case t.Kind() == types.UnsafePointer:
			return &ast.SelectorExpr{X: id(d.cfg.Import("unsafe")), Sel: id("Pointer")}, nil
		case t.Info()&types.IsUntyped != 0:
			return d.typeExpr(types.Default(t), pos)
		}
		return id(t.Name()), nil
	case *types.Alias:
		return d.typeExpr(types.Unalias(t), pos)
	case *types.Named:
		return d.namedExpr(t, pos)
	case *types.TypeParam:
		if name := d.typeParams[t.Obj()]; name != "" {
			return id(name), nil // renamed: typeParamNames
		}
		return id(t.Obj().Name()), nil
	case *types.Pointer:
		elem, err := d.typeExpr(t.Elem(), pos)
		return &ast.StarExpr{Star: pos, X: elem}, err
	case *types.Slice:
		elem, err := d.typeExpr(t.Elem(), pos)
		return &ast.ArrayType{Lbrack: pos, Elt: elem}, err
	case *types.Array:
		elem, err := d.typeExpr(t.Elem(), pos)
		n := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.FormatInt(t.Len(), 10)}
		return &ast.ArrayType{Lbrack: pos, Len: n, Elt: elem}, err
	case *types.Map:
		k, err := d.typeExpr(t.Key(), pos)
		if err != nil {
			return nil, err
		}
		v, err := d.typeExpr(t.Elem(), pos)
		return &ast.MapType{Map: pos, Key: k, Value: v}, err
	case *types.Chan:
		elem, err := d.typeExpr(t.Elem(), pos)
		dir := ast.SEND | ast.RECV
		switch t.Dir() {
		case types.SendOnly:
			dir = ast.SEND
		case types.RecvOnly:
			dir = ast.RECV
		}
		return &ast.ChanType{Begin: pos, Arrow: pos, Dir: dir, Value: elem}, err
	case *types.Signature:
		return d.funcType(t, pos, false)
	case *types.Struct:
		fields := &ast.FieldList{Opening: pos, Closing: pos}
		for i := range t.NumFields() {
			f := t.Field(i)
			ft, err := d.typeExpr(f.Type(), pos)
			if err != nil {
				return nil, err
			}
			field := &ast.Field{Type: ft}
			if !f.Embedded() {
				field.Names = []*ast.Ident{id(f.Name())}
			}
			if tag := t.Tag(i); tag != "" {
				field.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(tag)}
			}
			fields.List = append(fields.List, field)
		}
		return &ast.StructType{Struct: pos, Fields: fields}, nil
	case *types.Interface:
		methods := &ast.FieldList{Opening: pos, Closing: pos}
		for i := range t.NumEmbeddeds() {
			e, err := d.typeExpr(t.EmbeddedType(i), pos)
			if err != nil {
				return nil, err
			}
			methods.List = append(methods.List, &ast.Field{Type: e})
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			ft, err := d.funcType(m.Type().(*types.Signature), pos, false)
			if err != nil {
				return nil, err
			}
			methods.List = append(methods.List, &ast.Field{Names: []*ast.Ident{id(m.Name())}, Type: ft})
		}
		return &ast.InterfaceType{Interface: pos, Methods: methods}, nil
	case *types.Union:
		var x ast.Expr
		for i := range t.Len() {
			term := t.Term(i)
			e, err := d.typeExpr(term.Type(), pos)
			if err != nil {
				return nil, err
			}
			if term.Tilde() {
				e = &ast.UnaryExpr{OpPos: pos, Op: token.TILDE, X: e}
			}
			if x == nil {
				x = e
			} else {
				x = &ast.BinaryExpr{X: x, OpPos: pos, Op: token.OR, Y: e}
			}
		}
		return x, nil
	}
	return nil, fmt.Errorf("type %s cannot be written for the interpreter", t)
}

// namedExpr writes a defined type, with its type arguments.
func (d *desugarer) namedExpr(t *types.Named, pos token.Pos) (ast.Expr, error) {
	obj := t.Obj()
	var x ast.Expr
	switch pkg := obj.Pkg(); {
	case pkg == nil: // error, comparable
		x = &ast.Ident{NamePos: pos, Name: obj.Name()}
	case pkg.Path() == "main":
		name, ok := d.cfg.TypeName(obj)
		if !ok {
			return nil, &unnameableError{obj}
		}
		x = &ast.Ident{NamePos: pos, Name: name}
	case !obj.Exported():
		return nil, fmt.Errorf("type %s is not exported by package %s", obj.Name(), pkg.Path())
	case !d.cfg.Has(pkg.Path(), obj.Name()):
		return nil, fmt.Errorf("the session has no type %s.%s to name", pkg.Path(), obj.Name())
	default:
		x = &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: d.cfg.Import(pkg.Path())}, Sel: &ast.Ident{NamePos: pos, Name: obj.Name()}}
	}
	args := t.TypeArgs()
	if args.Len() == 0 {
		return x, nil
	}
	list, err := d.typeList(args, pos)
	if err != nil {
		return nil, err
	}
	if args.Len() >= 2 && d.packageLevel(t) {
		if alias := d.instanceAlias(indexed(x, list, pos), pos); alias != nil {
			return alias, nil // see instances.go
		}
	}
	return indexed(x, list, pos), nil
}

// unnameableError is the error of writing a type of an earlier cell whose name
// a later cell took.
type unnameableError struct{ obj *types.TypeName }

func (e *unnameableError) Error() string {
	return fmt.Sprintf("type %s of an earlier cell was declared again since, and the interpreter can no longer name the old one", e.obj.Name())
}

// typeList writes each type of list.
func (d *desugarer) typeList(list *types.TypeList, pos token.Pos) ([]ast.Expr, error) {
	out := make([]ast.Expr, list.Len())
	for i := range list.Len() {
		e, err := d.typeExpr(list.At(i), pos)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return out, nil
}

// instanceCallee returns x[list…] to be called: an index-list expression even
// for one type argument, which Go's parser never makes but yaegi v0.16.1 takes.
// yaegi instantiates f[T] by looking T up by the name of the type T stands for
// when f is called from a generic function: a defined type's qualified name
// (main.Celsius) is no name in scope, and the instance is left uncompiled (a
// nil dereference when it runs). f[T1, T2] it instantiates with the types it
// was given.
func instanceCallee(x ast.Expr, list []ast.Expr, pos token.Pos) ast.Expr {
	return &ast.IndexListExpr{X: x, Lbrack: pos, Indices: list, Rbrack: pos}
}

// indexed returns x[list…]: an instantiation.
//
// An instance whose one type argument is itself an instance with several
// (S[P[K, V]], in a generic function, where no alias can name P[K, V]) is
// an index-list expression too: yaegi v0.16.1 types the argument of S[…]
// from its compiled node, and it leaves an index-list expression untyped
// there, so S[P[K, V]] in a function's body panicked in its compiler (nil
// pointer dereference), and so did S[*P[K, V]]; an index-list expression it
// types as a whole.
func indexed(x ast.Expr, list []ast.Expr, pos token.Pos) ast.Expr {
	if len(list) == 1 && !holdsIndexList(list[0]) {
		return &ast.IndexExpr{X: x, Lbrack: pos, Index: list[0], Rbrack: pos}
	}
	return &ast.IndexListExpr{X: x, Lbrack: pos, Indices: list, Rbrack: pos}
}

// funcType writes a signature as a function type. With named, parameters are
// named __p0, __p1… (for a function literal that forwards them).
func (d *desugarer) funcType(sig *types.Signature, pos token.Pos, named bool) (*ast.FuncType, error) {
	params, err := d.fieldList(sig.Params(), pos, named, sig.Variadic())
	if err != nil {
		return nil, err
	}
	results, err := d.fieldList(sig.Results(), pos, false, false)
	if err != nil {
		return nil, err
	}
	return &ast.FuncType{Func: pos, Params: params, Results: results}, nil
}

func (d *desugarer) fieldList(tuple *types.Tuple, pos token.Pos, named, variadic bool) (*ast.FieldList, error) {
	fl := &ast.FieldList{Opening: pos, Closing: pos}
	for i := range tuple.Len() {
		t := tuple.At(i).Type()
		var te ast.Expr
		var err error
		if variadic && i == tuple.Len()-1 {
			var elem ast.Expr
			elem, err = d.typeExpr(t.(*types.Slice).Elem(), pos)
			te = &ast.Ellipsis{Ellipsis: pos, Elt: elem}
		} else {
			te, err = d.typeExpr(t, pos)
		}
		if err != nil {
			return nil, err
		}
		f := &ast.Field{Type: te}
		if named {
			f.Names = []*ast.Ident{{NamePos: pos, Name: "__p" + strconv.Itoa(i)}}
		}
		fl.List = append(fl.List, f)
	}
	return fl, nil
}

// holdsIndexList reports whether the type expression e holds an index-list
// expression.
func holdsIndexList(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.IndexListExpr); ok {
			found = true
		}
		return !found
	})
	return found
}
