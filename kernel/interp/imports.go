package interp

import (
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"strconv"
)

// Every cell's imports land in one file scope ("_.go"), where yaegi refuses a
// second import of a name. Cells re-import what they use all the time (a cell
// is re-run, every cell of a notebook starts with its imports), so imports the
// session already has are dropped before compiling.

// importName is the name a spec binds: its explicit name, or the last element
// of its path, which is the package name of every built-in package.
func importName(spec *ast.ImportSpec) (name, ipath string) {
	ipath, _ = strconv.Unquote(spec.Path.Value)
	if spec.Name != nil {
		return spec.Name.Name, ipath
	}
	return path.Base(ipath), ipath
}

// dropKnownImports removes from f the import specs the session already has. It
// returns an error for a name already bound to another package, and the specs
// left to compile.
func (s *Session) dropKnownImports(f *ast.File, fset *token.FileSet) ([]*ast.ImportSpec, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var left []*ast.ImportSpec
	var decls []ast.Decl
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			decls = append(decls, d)
			continue
		}
		var specs []ast.Spec
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			name, ipath := importName(is)
			if name == "_" || name == "." {
				specs = append(specs, is)
				continue
			}
			switch had, ok := s.imports[name]; {
			case !ok:
				specs = append(specs, is)
				left = append(left, is)
			case had != ipath:
				return nil, fmt.Errorf("%s: %s is already imported as %q in this session; import %q under another name (import name %q)",
					fset.Position(is.Pos()), name, had, ipath, ipath)
			}
		}
		if len(specs) > 0 {
			gd.Specs = specs
			decls = append(decls, gd)
		}
	}
	f.Decls = decls
	return left, nil
}

// noteImports records specs as imported by the session.
func (s *Session) noteImports(specs []*ast.ImportSpec) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, is := range specs {
		name, ipath := importName(is)
		s.imports[name] = userImportPath(ipath)
	}
}
