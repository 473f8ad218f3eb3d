// Package check type-checks ratelab cells with go/types before anything runs, so
// that a cell's compile errors read as the Go compiler's, at the cell's own line and
// column, and the layers after it (desugar, the interpreter) work on typed syntax.
//
// A cell is checked against a Session: what earlier cells declared and imported,
// newest declaration first, as the interpreter keeps them. The compiled packages'
// types come from their export data (package exportdata), so no Go toolchain is
// needed at run time.
//
// A cell is cut into units as the interpreter runs it (imports, then runs of
// declarations and runs of statements, in the order the session runs the cell's
// pieces: its statements as written, its declarations after what they name),
// and each unit is
// checked in turn against the session and the units before it: a function
// declared below a statement sees the variables the statement declared, as it does
// when the cell runs.
//
// Go's rules apply inside a cell, with three exceptions that come from a cell not
// being a file or a function:
//
//   - a variable declared at a cell's top level (x := 1, var x int) is a session
//     variable that later cells may use, so it is never "declared and not used"
//     (a variable in a block, a loop or a function still is);
//   - an import is the session's, for later cells too, so it is never "imported and
//     not used";
//   - the cell's last statement may be a bare expression: its value is the cell's
//     result, so it is not "not used".
package check

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// Kind says what a unit holds.
type Kind int

const (
	Imports Kind = iota // import declarations
	Decls               // type, function and method declarations
	Stmts               // statements: the body of a function
)

// A Unit is one piece of a cell, checked as one: a file of imports or
// declarations, or a file whose single function's body holds statements.
type Unit struct {
	Kind Kind
	// File is the unit as parsed (package main). For Stmts it holds one function
	// declaration, whose body is the statements.
	File *ast.File
	// Result asks that the last statement, if a bare expression, be taken as the
	// cell's result rather than a value not used.
	Result bool

	// Set by Check.
	Pkg  *types.Package
	Info *types.Info
	// ResultType is the type of the result expression (nil if there is none or it
	// has no single value), or of its first value if it has two, the second an
	// error (ResultErr), unless the first is a count of bytes (n int, err error).
	ResultType types.Type
	ResultErr  bool
	// declared holds the names the unit adds to the session; imported the imports.
	declared map[string]types.Object
	imported []importSpec
	// bodies holds the source of each method the unit declares (see methods.go).
	bodies methodBodies
}

// Body returns the statements of a Stmts unit.
func (u *Unit) Body() *ast.BlockStmt {
	if u.Kind != Stmts || len(u.File.Decls) == 0 {
		return nil
	}
	fd, _ := u.File.Decls[len(u.File.Decls)-1].(*ast.FuncDecl)
	if fd == nil {
		return nil
	}
	return fd.Body
}

// ResultExpr returns the unit's result expression statement, or nil.
func (u *Unit) ResultExpr() *ast.ExprStmt {
	if !u.Result {
		return nil
	}
	body := u.Body()
	if body == nil || len(body.List) == 0 {
		return nil
	}
	es, _ := body.List[len(body.List)-1].(*ast.ExprStmt)
	return es
}

// Declared returns the names the unit declares at the session's level.
func (u *Unit) Declared() map[string]types.Object { return u.declared }

// importSpec is an import a cell made: the name it binds ("." or "_" too).
type importSpec struct {
	name, path string
}

// A Session is the checker's view of an interpreter session: the names earlier
// cells declared (the newest declaration of each) and the packages they imported.
// Check and Commit must not be called concurrently; Lookup may be.
type Session struct {
	imp   types.ImporterFrom
	sizes types.Sizes
	// names maps each session-level name to its newest declaration.
	names map[string]types.Object
	// imports are the session's imports, in the order made.
	imports []importSpec
	// bodies holds the source of each method the session's cells declared.
	bodies methodBodies
}

// NewSession returns an empty session whose cells import through imp.
func NewSession(imp types.ImporterFrom) *Session {
	return &Session{imp: imp, sizes: types.SizesFor("gc", runtime.GOARCH), names: map[string]types.Object{}, bodies: methodBodies{}}
}

// Lookup returns the session's declaration of name, or nil.
func (s *Session) Lookup(name string) types.Object { return s.names[name] }

// Commit adds what u declared and imported to the session: call it once u has
// run, so that the session knows what the interpreter knows.
func (s *Session) Commit(u *Unit) { s.CommitPart(u, nil) }

// CommitPart is Commit of a unit that stopped part of the way: of what u
// declared, only the objects keep accepts are added (nil keeps all).
func (s *Session) CommitPart(u *Unit, keep func(types.Object) bool) {
	for name, obj := range u.declared {
		if keep == nil || keep(obj) {
			s.names[name] = obj
		}
	}
	for _, im := range u.imported {
		if !s.hasImport(im) {
			s.imports = append(s.imports, im)
		}
	}
	for m, body := range u.bodies {
		s.bodies[m] = body
	}
}

func (s *Session) hasImport(im importSpec) bool {
	for _, have := range s.imports {
		if have == im {
			return true
		}
	}
	return false
}

// Check type-checks the units of one cell, in order, each against the session and
// the units before it, and sets their Pkg, Info and ResultType. It returns the
// errors Go would report, as a scanner.ErrorList sorted by position (positions are
// those of fset, line directives applied), or nil. Nothing is committed.
func (s *Session) Check(fset *token.FileSet, units []*Unit) error {
	view := &view{s: s, names: map[string]types.Object{}, bodies: methodBodies{}}
	for _, u := range units {
		errs := view.check(fset, u)
		if len(errs) > 0 {
			sort.Sort(errs)
			return errs
		}
		for name, obj := range u.declared {
			view.names[name] = obj
		}
		view.imports = append(view.imports, u.imported...)
		for m, body := range u.bodies {
			view.bodies[m] = body
		}
	}
	return nil
}

// view is the session as one cell's next unit sees it: the session, then what the
// cell's earlier units declared.
type view struct {
	s       *Session
	names   map[string]types.Object
	imports []importSpec
	bodies  methodBodies // of the cell's earlier units
}

func (v *view) lookup(name string) types.Object {
	if obj, ok := v.names[name]; ok {
		return obj
	}
	return v.s.names[name]
}

// allImports returns the imports the unit's file scope starts with.
func (v *view) allImports() []importSpec {
	all := append([]importSpec(nil), v.s.imports...)
	for _, im := range v.imports {
		if !v.s.hasImport(im) {
			all = append(all, im)
		}
	}
	return all
}

// check checks u. go/types refuses a positional struct literal of an earlier
// cell's type with unexported fields ("implicit assignment to unexported field"):
// it takes each cell for another package. Such literals are made keyed, which
// means the same, and u is checked again.
func (v *view) check(fset *token.FileSet, u *Unit) scanner.ErrorList {
	errs := v.checkOnce(fset, u)
	if len(errs) > 0 && keyPositional(u, errs) {
		errs = v.checkOnce(fset, u)
	}
	return errs
}

func (v *view) checkOnce(fset *token.FileSet, u *Unit) scanner.ErrorList {
	pkg := types.NewPackage("main", "main")
	u.Pkg = pkg
	u.bodies = methodBodies{}
	u.Info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Instances:  map[*ast.Ident]types.Instance{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	var errs scanner.ErrorList
	report := func(pos token.Pos, msg string) {
		errs = append(errs, &scanner.Error{Pos: fset.Position(pos), Msg: msg})
	}

	// The unit's own package-level names replace the session's.
	own := map[string]bool{}
	for _, d := range u.File.Decls {
		for _, id := range DeclaredNames(d) {
			own[id.Name] = true
		}
	}
	for _, name := range v.sessionNames() {
		if !own[name] {
			pkg.Scope().Insert(v.lookup(name))
		}
	}

	// Methods on types of earlier cells are checked as functions taking the
	// receiver first, and added to their types beforehand (see methods.go).
	undo, merrs := v.foreignMethods(fset, u, own)
	defer undo()
	if len(merrs) > 0 {
		return merrs
	}

	defer v.parenthesizeSessionTypeNames(u, own)()

	// The file the checker sees: the session's imports, then the unit's decls.
	imports := v.allImports()
	file := &ast.File{Package: u.File.Package, Name: u.File.Name, FileStart: u.File.FileStart, FileEnd: u.File.FileEnd}
	if len(imports) > 0 {
		gd := &ast.GenDecl{Tok: token.IMPORT, TokPos: u.File.Package}
		for _, im := range imports {
			spec := &ast.ImportSpec{Path: &ast.BasicLit{ValuePos: u.File.Package, Kind: token.STRING, Value: fmt.Sprintf("%q", im.path)}}
			if im.name != "" {
				spec.Name = &ast.Ident{NamePos: u.File.Package, Name: im.name}
			}
			gd.Specs = append(gd.Specs, spec)
		}
		file.Decls = append(file.Decls, gd)
	}
	file.Decls = append(file.Decls, u.File.Decls...)

	var resultPos token.Pos
	if es := u.ResultExpr(); es != nil {
		resultPos = es.X.Pos()
	}
	var hard []types.Error
	conf := types.Config{
		Importer: v.s.imp,
		Sizes:    v.s.sizes,
		Error: func(err error) {
			var te types.Error
			if !errors.As(err, &te) {
				report(token.NoPos, err.Error())
				return
			}
			hard = append(hard, te)
		},
	}
	types.NewChecker(&conf, fset, pkg, u.Info).Files([]*ast.File{file})

	top := v.topLevel(u)
	for _, te := range hard {
		switch {
		case strings.HasSuffix(te.Msg, " and not used") && strings.Contains(te.Msg, " imported "):
			continue // imports are the session's
		case strings.HasPrefix(te.Msg, "declared and not used: ") && top[te.Pos]:
			continue // a session variable
		case te.Pos == resultPos && resultPos.IsValid() && strings.HasSuffix(te.Msg, " is not used"):
			continue // the cell's result
		case strings.HasPrefix(te.Msg, "could not import "):
			// go/types wraps the importer's reason in parentheses, and ours
			// has its own: `cannot import "p": reason` reads better.
			path, reason, ok := strings.Cut(strings.TrimPrefix(te.Msg, "could not import "), " (")
			if ok {
				report(te.Pos, fmt.Sprintf("cannot import %q: %s", path, strings.TrimSuffix(reason, ")")))
				continue
			}
		}
		report(te.Pos, v.explainRedeclared(pkg.Scope(), unqualifyMain(te.Msg)))
	}
	if len(errs) > 0 {
		return errs
	}

	u.declared = map[string]types.Object{}
	switch u.Kind {
	case Imports:
		for _, d := range u.File.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				continue
			}
			for _, sp := range gd.Specs {
				is := sp.(*ast.ImportSpec)
				im := importSpec{path: strings.Trim(is.Path.Value, "\"`")}
				if is.Name != nil {
					im.name = is.Name.Name
				}
				u.imported = append(u.imported, im)
			}
		}
	case Decls:
		for _, name := range pkg.Scope().Names() {
			if obj := pkg.Scope().Lookup(name); obj.Pkg() == pkg {
				u.declared[name] = obj
			}
		}
		u.recordOwnMethods(fset)
	case Stmts:
		if scope := u.funcScope(); scope != nil {
			for _, name := range scope.Names() {
				u.declared[name] = scope.Lookup(name)
			}
		}
		if es := u.ResultExpr(); es != nil {
			if tv, ok := u.Info.Types[es.X]; ok && tv.IsValue() {
				switch t := tv.Type.(type) {
				case *types.Tuple:
					// Not a count of bytes written or read, (n int, err error) as
					// fmt.Println returns: that call is made for its effect.
					if t.Len() == 2 && types.Identical(t.At(1).Type(), types.Universe.Lookup("error").Type()) &&
						t.At(0).Name() != "n" && t.At(0).Name() != "written" {
						u.ResultType, u.ResultErr = types.Default(t.At(0).Type()), true
					}
				default:
					u.ResultType = types.Default(tv.Type)
				}
			}
		}
	}
	return nil
}

// keyPositional makes keyed the positional struct literals of session types that
// errs blame for assigning unexported fields. It reports whether it changed any.
func keyPositional(u *Unit, errs scanner.ErrorList) bool {
	blamed := map[token.Position]bool{}
	for _, e := range errs {
		if strings.HasPrefix(e.Msg, "implicit assignment to unexported field ") {
			blamed[e.Pos] = true
		}
	}
	if len(blamed) == 0 {
		return false
	}
	changed := false
	ast.Inspect(u.File, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || len(lit.Elts) == 0 {
			return true
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			return true
		}
		tv, ok := u.Info.Types[lit]
		if !ok {
			return true
		}
		st, ok := tv.Type.Underlying().(*types.Struct)
		named, _ := types.Unalias(derefType(tv.Type)).(*types.Named)
		if !ok || named == nil || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" || st.NumFields() != len(lit.Elts) {
			return true
		}
		for i := range st.NumFields() {
			if st.Field(i).Name() == "_" {
				return true
			}
		}
		for i, e := range lit.Elts {
			lit.Elts[i] = &ast.KeyValueExpr{Key: &ast.Ident{NamePos: e.Pos(), Name: st.Field(i).Name()}, Colon: e.Pos(), Value: e}
		}
		changed = true
		return true
	})
	return changed
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// sessionNames lists the names the view knows.
func (v *view) sessionNames() []string {
	names := make([]string, 0, len(v.s.names)+len(v.names))
	for name := range v.s.names {
		if _, newer := v.names[name]; !newer {
			names = append(names, name)
		}
	}
	for name := range v.names {
		names = append(names, name)
	}
	return names
}

// funcScope returns the scope of a Stmts unit's function: its top level.
func (u *Unit) funcScope() *types.Scope {
	if u.Kind != Stmts || len(u.File.Decls) == 0 {
		return nil
	}
	fd, _ := u.File.Decls[len(u.File.Decls)-1].(*ast.FuncDecl)
	if fd == nil || u.Info == nil {
		return nil
	}
	return u.Info.Scopes[fd.Type]
}

// topLevel returns the positions of the variables a Stmts unit declares at its
// top level: session variables.
func (v *view) topLevel(u *Unit) map[token.Pos]bool {
	top := map[token.Pos]bool{}
	if scope := u.funcScope(); scope != nil {
		for _, name := range scope.Names() {
			top[scope.Lookup(name).Pos()] = true
		}
	}
	return top
}

// mainQualified matches a name of the session's package written qualified.
var mainQualified = regexp.MustCompile(`\bmain\.([\pL_])`)

// unqualifyMain drops the "main." go/types writes before the names of earlier
// cells (their package is not the one it checks), outside quoted text.
func unqualifyMain(msg string) string {
	parts := strings.Split(msg, `"`)
	for i := 0; i < len(parts); i += 2 {
		parts[i] = mainQualified.ReplaceAllString(parts[i], "$1")
	}
	return strings.Join(parts, `"`)
}

// IsSessionLevel reports whether obj was declared at a cell's top level.
func IsSessionLevel(obj types.Object) bool {
	return obj.Pkg() != nil && obj.Pkg().Path() == "main" && obj.Parent() == obj.Pkg().Scope()
}

// DeclaredNames returns the names a package-level declaration binds (not _,
// init or a method).
func DeclaredNames(d ast.Decl) []*ast.Ident {
	var ids []*ast.Ident
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.Name != "_" && d.Name.Name != "init" {
			ids = append(ids, d.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				ids = append(ids, sp.Name)
			case *ast.ValueSpec:
				ids = append(ids, sp.Names...)
			}
		}
	}
	return ids
}

// parenthesizeSessionTypeNames writes `type Tag Item`, where Item is an earlier
// cell's type, as `type Tag (Item)`, the same declaration, for the checker, and
// returns what restores it. go/types' search for direct cycles among the
// package's type declarations (Go 1.26, cycles.go) follows a declaration that
// is a bare type name to that name's declaration among the files it checks,
// and dereferences nil for one the session put in the package's scope: the
// cell failed with an internal error. A parenthesized name ends that search;
// a cycle through it is still reported by the checker's other cycle checks.
func (v *view) parenthesizeSessionTypeNames(u *Unit, own map[string]bool) (restore func()) {
	var specs []*ast.TypeSpec
	for _, d := range u.File.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if id, ok := ts.Type.(*ast.Ident); ok && !own[id.Name] && v.lookup(id.Name) != nil {
				ts.Type = &ast.ParenExpr{Lparen: id.Pos(), X: id, Rparen: id.End()}
				specs = append(specs, ts)
			}
		}
	}
	return func() {
		for _, ts := range specs {
			ts.Type = ts.Type.(*ast.ParenExpr).X
		}
	}
}
