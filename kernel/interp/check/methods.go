package check

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"strings"
)

// A cell may declare methods on a type an earlier cell declared: values made
// before then have the method too, as in the interpreter. go/types only attaches
// methods to types of the package it checks, so such a method is handled here:
//
//  1. its signature is checked alone, against the session, and the method is
//     added to the earlier type (types.Named.AddMethod), so the whole cell sees it;
//  2. while the unit is checked, the declaration reads as a function taking the
//     receiver first, `func _(t T, x int) int {…}`, which types its body;
//  3. the declaration is then restored for the layers after the checker.
//
// A method cannot change its signature this way (go/types cannot take a method
// off a type), nor its body (the interpreter keeps the first method of a name
// it is given): the cell that declares the type must be re-run first. A cell
// re-run as it was declares its methods again as they were, which is accepted.
// Nor can a later cell declare a method its type promotes from an embedded
// interface: the desugarer wrote that promoted method out with the type
// (package desugar, promoted.go), and the interpreter would keep it.

// foreignMethods prepares u's methods on earlier cells' types (see above). undo
// restores the declarations; errs are Go's errors for methods that cannot be.
func (v *view) foreignMethods(fset *token.FileSet, u *Unit, own map[string]bool) (undo func(), errs scanner.ErrorList) {
	var restores []func()
	undo = func() {
		for _, r := range restores {
			r()
		}
	}
	if u.Kind != Decls {
		return undo, nil
	}
	errorf := func(pos token.Pos, format string, args ...any) {
		errs = append(errs, &scanner.Error{Pos: fset.Position(pos), Msg: fmt.Sprintf(format, args...)})
	}
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		base, generic := ReceiverBase(fd.Recv.List[0].Type)
		if base == nil || own[base.Name] {
			continue
		}
		tn, ok := v.lookup(base.Name).(*types.TypeName)
		if !ok {
			continue // not a type: go/types says so
		}
		named, _ := types.Unalias(tn.Type()).(*types.Named)
		switch {
		case named == nil || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main":
			errorf(base.Pos(), "cannot define new methods on non-local type %s", types.TypeString(types.Unalias(tn.Type()), qualifyMain))
			continue
		case generic || named.TypeParams().Len() > 0:
			errorf(base.Pos(), "method %s of generic type %s declared in another cell than the type: "+
				"ratelab can add methods to a generic type only in the cell that declares it; declare the type and its methods in one cell", fd.Name.Name, base.Name)
			continue
		}
		if msg := promotedFromInterface(named, fd.Name.Name); msg != "" {
			errorf(fd.Name.Pos(), "%s", msg)
			continue
		}
		name, body := fd.Name, methodSource(fset, fd)
		restores = append(restores, asFunction(fd))
		sig, err := v.methodSignature(fset, u, fd, own)
		if err != nil {
			errs = append(errs, err...)
			continue
		}
		if sig == nil {
			continue // its errors come from checking the unit
		}
		m := types.NewFunc(name.Pos(), u.Pkg, name.Name, sig)
		old, msg := addMethod(named, m)
		switch {
		case msg != "":
			errorf(name.Pos(), "%s", msg)
		case old == nil:
			u.bodies[m] = body
		case v.body(old) != "" && v.body(old) != body:
			errorf(name.Pos(), "method %s.%s was declared in an earlier cell with another body, and the interpreter keeps a method's first body: "+
				"re-run the cell that declares type %s (which starts it with no methods), then this one",
				named.Obj().Name(), name.Name, named.Obj().Name())
		default:
			u.bodies[old] = body
		}
	}
	return undo, errs
}

// methodBodies maps a method to its declaration's tokens (methodSource), so
// that two declarations of a method compare as Go source.
type methodBodies map[*types.Func]string

// methodSource returns fd's tokens, space-separated, without comments and with
// a semicolon wherever Go has one except before a closing brace or parenthesis,
// which makes a declaration on one line read as the same on several.
func methodSource(fset *token.FileSet, fd *ast.FuncDecl) string {
	var src bytes.Buffer
	if err := printer.Fprint(&src, fset, fd); err != nil {
		return "" // an AST the checker has already rejected
	}
	var sc scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, src.Len())
	sc.Init(file, src.Bytes(), nil, 0)
	var b strings.Builder
	semicolon := false
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return b.String()
		}
		if tok == token.SEMICOLON {
			semicolon = true
			continue
		}
		if semicolon && tok != token.RBRACE && tok != token.RPAREN {
			b.WriteString("; ")
		}
		semicolon = false
		if lit == "" {
			lit = tok.String()
		}
		b.WriteString(lit)
		b.WriteByte(' ')
	}
}

// body returns the source m was declared with, or "" if no unit that ran
// declared it (a cell whose check failed after its methods were added).
func (v *view) body(m *types.Func) string {
	if body, ok := v.bodies[m]; ok {
		return body
	}
	return v.s.bodies[m]
}

// recordOwnMethods keeps the source of the methods u declares on its own types.
func (u *Unit) recordOwnMethods(fset *token.FileSet) {
	for _, d := range u.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			if m, ok := u.Info.Defs[fd.Name].(*types.Func); ok {
				u.bodies[m] = methodSource(fset, fd)
			}
		}
	}
}

// promotedFromInterface says why a later cell cannot declare method name on
// named, a struct type that promotes name from an embedded interface, or "".
func promotedFromInterface(named *types.Named, name string) string {
	obj, index, _ := types.LookupFieldOrMethod(named, true, named.Obj().Pkg(), name)
	if _, ok := obj.(*types.Func); !ok || len(index) < 2 {
		return ""
	}
	fields, viaInterface := EmbeddedPath(named, index)
	if !viaInterface {
		return ""
	}
	var path []string
	for _, f := range fields {
		path = append(path, f.Name())
	}
	return fmt.Sprintf("method %s.%s: %s promotes %s from its embedded interface (%s.%s), and the interpreter keeps the promoted method "+
		"from the cell that declared %s: declare %s in that cell, beside the type", named.Obj().Name(), name, named.Obj().Name(), name,
		named.Obj().Name(), strings.Join(path, "."), named.Obj().Name(), name)
}

// EmbeddedPath returns the embedded fields that index, a selection's path
// from struct type t, goes through to its method, and whether one of them is
// an interface.
func EmbeddedPath(t types.Type, index []int) (path []*types.Var, viaInterface bool) {
	for _, i := range index[:len(index)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, false
		}
		f := st.Field(i)
		path = append(path, f)
		t = f.Type()
		if types.IsInterface(t) {
			viaInterface = true
		}
	}
	return path, viaInterface
}

// ReceiverBase returns the type name of a receiver type expression, and whether
// it has type parameters.
func ReceiverBase(e ast.Expr) (*ast.Ident, bool) {
	e = ast.Unparen(e)
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	switch x := e.(type) {
	case *ast.Ident:
		return x, false
	case *ast.IndexExpr:
		id, _ := x.X.(*ast.Ident)
		return id, true
	case *ast.IndexListExpr:
		id, _ := x.X.(*ast.Ident)
		return id, true
	}
	return nil, false
}

// asFunction turns fd, a method, into `func _(recv, params…) results` and returns
// what restores it.
func asFunction(fd *ast.FuncDecl) (restore func()) {
	recv, name, params := fd.Recv, fd.Name, fd.Type.Params
	var fields []*ast.Field
	named := func(f *ast.Field) *ast.Field {
		if len(f.Names) > 0 {
			return f
		}
		return &ast.Field{Names: []*ast.Ident{{NamePos: f.Type.Pos(), Name: "_"}}, Type: f.Type}
	}
	fields = append(fields, named(recv.List[0]))
	if params != nil {
		for _, f := range params.List {
			fields = append(fields, named(f))
		}
	}
	fl := &ast.FieldList{Opening: recv.Opening, List: fields, Closing: recv.Closing}
	if params != nil {
		fl.Closing = params.Closing
	}
	fd.Recv = nil
	fd.Name = &ast.Ident{NamePos: name.NamePos, Name: "_"}
	fd.Type.Params = fl
	return func() { fd.Recv, fd.Name, fd.Type.Params = recv, name, params }
}

// methodSignature checks the signature of fd (already in function form) against
// the session alone and returns it as a method's. It returns nil and no errors
// when the signature has errors the unit's check reports.
func (v *view) methodSignature(fset *token.FileSet, u *Unit, fd *ast.FuncDecl, own map[string]bool) (*types.Signature, scanner.ErrorList) {
	pkg := types.NewPackage("main", "main")
	for _, name := range v.sessionNames() {
		if !own[name] {
			pkg.Scope().Insert(v.lookup(name))
		}
	}
	ft := &ast.FuncType{Func: fd.Type.Func, Params: fd.Type.Params, Results: fd.Type.Results}
	file := &ast.File{Package: u.File.Package, Name: u.File.Name}
	if imports := v.allImports(); len(imports) > 0 {
		gd := &ast.GenDecl{Tok: token.IMPORT}
		for _, im := range imports {
			spec := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: fmt.Sprintf("%q", im.path)}}
			if im.name != "" {
				spec.Name = ast.NewIdent(im.name)
			}
			gd.Specs = append(gd.Specs, spec)
		}
		file.Decls = append(file.Decls, gd)
	}
	file.Decls = append(file.Decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent("_")}, Type: ft}}})
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	var failed []types.Error
	conf := types.Config{Importer: v.s.imp, Sizes: v.s.sizes, Error: func(err error) {
		if te, ok := err.(types.Error); ok && !te.Soft {
			failed = append(failed, te)
		}
	}}
	types.NewChecker(&conf, fset, pkg, info).Files([]*ast.File{file})
	if len(failed) > 0 {
		var errs scanner.ErrorList
		for _, te := range failed {
			if name, ok := strings.CutPrefix(te.Msg, "undefined: "); ok && own[name] {
				errs = append(errs, &scanner.Error{Pos: fset.Position(te.Pos), Msg: fmt.Sprintf(
					"method %s adds to a type of an earlier cell and uses %s, which this cell declares: declare %s in an earlier cell, or the method in the type's cell",
					fd.Name.Name, name, name)})
			}
		}
		return nil, errs
	}
	sig, _ := info.Types[ft].Type.(*types.Signature)
	if sig == nil || sig.Params().Len() == 0 {
		return nil, nil
	}
	recv := sig.Params().At(0)
	rest := make([]*types.Var, sig.Params().Len()-1)
	for i := range rest {
		rest[i] = sig.Params().At(i + 1)
	}
	r := types.NewParam(recv.Pos(), u.Pkg, recv.Name(), recv.Type())
	return types.NewSignatureType(r, nil, nil, types.NewTuple(rest...), sig.Results(), sig.Variadic()), nil
}

// addMethod adds m to named, unless named has it already with the same
// signature: it returns that method then. msg says why it cannot, or is "".
func addMethod(named *types.Named, m *types.Func) (old *types.Func, msg string) {
	sig := m.Type().(*types.Signature)
	if st, ok := named.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if st.Field(i).Name() == m.Name() {
				return nil, fmt.Sprintf("field and method with the same name %s", m.Name())
			}
		}
	}
	_, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer)
	for i := range named.NumMethods() {
		old := named.Method(i)
		if old.Name() != m.Name() {
			continue
		}
		osig := old.Type().(*types.Signature)
		_, optr := types.Unalias(osig.Recv().Type()).(*types.Pointer)
		if types.Identical(osig, sig) && ptr == optr {
			return old, ""
		}
		return nil, fmt.Sprintf("method %s.%s was declared in an earlier cell as %s, and a type's method cannot change on its own: "+
			"re-run the cell that declares type %s (which starts it with no methods), then this one",
			named.Obj().Name(), m.Name(), methodString(old), named.Obj().Name())
	}
	named.AddMethod(m)
	return nil, ""
}

func methodString(f *types.Func) string {
	return types.ObjectString(f, qualifyMain)
}

// qualifyMain writes names of the session's package unqualified, as the compiler
// does for the package it compiles.
func qualifyMain(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	return p.Name()
}
