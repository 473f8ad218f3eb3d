package refuse

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// embeddedJSON returns the refusal of call if it calls one of encoding/json's
// functions (methodCallers) with an argument whose type holds a struct of the
// session whose embedding the interpreter loses (promotedEmbedded); or nil.
func embeddedJSON(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn := CalledFunc(info, call)
	if fn == nil || fn.Pkg().Path() != "encoding/json" {
		return nil
	}
	for _, mc := range methodCallers {
		if mc.pkg != "encoding/json" || !mc.funcs[fn.Name()] {
			continue
		}
		for _, arg := range call.Args {
			tv, ok := info.Types[arg]
			if !ok {
				continue
			}
			if owner, field := lostEmbedding(tv.Type, map[types.Type]bool{}); field != nil {
				return At(fset, arg.Pos(), EmbeddedJSON, fn.Pkg().Name()+"."+fn.Name(), field.Name(), owner, types.ExprString(arg))
			}
		}
	}
	return nil
}

// lostEmbedding returns a struct held in t (its name, or "struct{…}") that a
// cell declared with an embedded field json would promote, beside other fields,
// and that field; or nil. yaegi v0.16.1 builds the struct with the field not
// marked embedded (reflect.StructField.Anonymous) unless it is the only one.
func lostEmbedding(t types.Type, seen map[types.Type]bool) (string, *types.Var) {
	if seen[t] {
		return "", nil
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return lostEmbedding(u.Elem(), seen)
	case *types.Slice:
		return lostEmbedding(u.Elem(), seen)
	case *types.Array:
		return lostEmbedding(u.Elem(), seen)
	case *types.Map:
		return lostEmbedding(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if u.NumFields() > 1 && f.Embedded() && f.Pkg() != nil && f.Pkg().Path() == "main" && promoted(f, u.Tag(i)) {
				name := "struct{…}"
				if named, ok := types.Unalias(t).(*types.Named); ok {
					name = named.Obj().Name()
				}
				return name, f
			}
			if owner, field := lostEmbedding(f.Type(), seen); field != nil {
				return owner, field
			}
		}
	}
	return "", nil
}

// promoted reports whether encoding/json promotes the fields of f, an embedded
// field with tag: a struct or a pointer to one, without a JSON name.
func promoted(f *types.Var, tag string) bool {
	if name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ","); name != "" {
		return false
	}
	t := f.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
