package desugar

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// yaegi v0.16.1 builds a struct type declared in a cell with reflect.StructOf,
// which makes unnamed types with exported fields only: an unexported field name
// becomes "X" + name. Compiled code that reads types through reflect then sees
// another type than Go would: encoding/json writes the unexported fields (as
// "Xname"), %+v prints Xname, %T and %#v print struct { … } instead of main.T,
// and two types declared with the same fields are one type (an `any` holding a
// Celsius passes x.(Fahrenheit)).
//
// tagCellStructs writes into the struct types of a cell what Go would know:
//
//   - a field whose name is unexported gets the tag `json:"-" xml:"-"
//     dataframe:"-"`, which the encoders (and gota's LoadStructs) skip as Go
//     skips unexported fields, and a `ratelab:"unexported"` mark;
//
//   - the first field of a declared (not generic, not alias) struct type gets
//     `ratelab:"type=Name"`, which makes the type distinct from every other
//     declared type, and gives printing its name (see cellfmt.go);
//
//   - a declared struct type without fields and without methods with value
//     receivers in the cell gets a field, `_ rt.Fieldless` (rt: the
//     runtime's name), marked "hidden" beside its type's name: yaegi makes
//     every such type struct{}, so a Token{} in an interface was a struct{}{}
//     (%T printed struct {}, any(Token{}) == any(struct{}{}), two context keys
//     of two such types were one); the field's type prints as nothing, so fmt
//     prints the struct as {}, and the session's fmt and reflect skip it;
//
//   - an embedded field gets an "embedded" mark: yaegi marks a field embedded
//     only when it is its struct's one field;
//
//   - a marked field's own tag, if it has one, is kept verbatim under the key
//     "ratelabtag", for package reflect to show it as declared (DeclaredField).
//
// The session's fmt functions and its reflect methods read the marks back
// (StructMarks, DeclaredField).
func tagCellStructs(root ast.Node, rt string) {
	named := map[*ast.StructType]string{}
	ast.Inspect(root, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok && !ts.Assign.IsValid() && ts.TypeParams == nil {
			if st, ok := ts.Type.(*ast.StructType); ok {
				named[st] = ts.Name.Name
			}
		}
		return true
	})
	// A type whose methods with value receivers yaegi calls on its last field
	// alone, in an interface of a compiled package, keeps no field: the
	// runtime tells such values by the wrapper's methods (FieldlessEntry).
	valueMethods := map[string]bool{}
	if f, ok := root.(*ast.File); ok {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
				recv := fd.Recv.List[0].Type
				if _, ptr := ast.Unparen(recv).(*ast.StarExpr); !ptr {
					if base, _ := check.ReceiverBase(recv); base != nil {
						valueMethods[base.Name] = true
					}
				}
			}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		name, isNamed := named[st]
		hidden := isNamed && len(st.Fields.List) == 0 && !valueMethods[name]
		if hidden {
			pos := st.Fields.Opening
			st.Fields.List = []*ast.Field{{Names: []*ast.Ident{ident(pos, "_")},
				Type: &ast.SelectorExpr{X: ident(pos, rt), Sel: ident(pos, "Fieldless")}}}
		}
		// One field per name, so each name has its own tag.
		var fields []*ast.Field
		for _, f := range st.Fields.List {
			if len(f.Names) <= 1 {
				fields = append(fields, f)
				continue
			}
			for _, name := range f.Names {
				fields = append(fields, &ast.Field{Doc: f.Doc, Names: []*ast.Ident{name}, Type: f.Type, Tag: f.Tag, Comment: f.Comment})
			}
		}
		st.Fields.List = fields
		for i, f := range fields {
			var marks []string
			if name, ok := named[st]; ok && i == 0 {
				marks = append(marks, "type="+name)
			}
			if !ast.IsExported(fieldName(f)) {
				marks = append(marks, "unexported")
			}
			if len(f.Names) == 0 {
				marks = append(marks, "embedded")
			}
			if hidden {
				marks = append(marks, "hidden")
			}
			if len(marks) > 0 {
				f.Tag = markedTag(f, marks)
			}
		}
		return true
	})
}

// fieldName is the name of f: its own, or for an embedded field its type's.
func fieldName(f *ast.Field) string {
	if len(f.Names) > 0 {
		return f.Names[0].Name
	}
	t := f.Type
	for {
		switch e := t.(type) {
		case *ast.StarExpr:
			t = e.X
		case *ast.SelectorExpr:
			return e.Sel.Name
		case *ast.IndexExpr:
			t = e.X
		case *ast.IndexListExpr:
			t = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}

// markedTag returns f's tag with the ratelab marks, and for an unexported field
// the encoders' "-".
func markedTag(f *ast.Field, marks []string) *ast.BasicLit {
	var tag reflect.StructTag
	pos := f.Pos()
	if f.Tag != nil {
		pos = f.Tag.Pos()
		if s, err := strconv.Unquote(f.Tag.Value); err == nil {
			tag = reflect.StructTag(s)
		}
	}
	var b strings.Builder
	unexported := slices.Contains(marks, "unexported")
	skip := map[string]bool{"ratelab": true}
	if unexported {
		for _, k := range skippingEncoders {
			skip[k] = true
			b.WriteString(k + `:"-" `)
		}
	}
	for _, kv := range tagPairs(tag) {
		if !skip[kv[0]] {
			b.WriteString(kv[0] + ":" + strconv.Quote(kv[1]) + " ")
		}
	}
	b.WriteString(`ratelab:` + strconv.Quote(strings.Join(marks, ",")))
	if tag != "" {
		b.WriteString(` ratelabtag:` + strconv.Quote(string(tag)))
	}
	return &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(b.String())}
}

// skippingEncoders are the tag keys of the compiled packages that read a
// struct's fields by reflection and skip a field tagged "-".
var skippingEncoders = []string{"json", "xml", "dataframe"}

// tagPairs splits a conventional struct tag into its key:"value" pairs.
func tagPairs(tag reflect.StructTag) [][2]string {
	var pairs [][2]string
	s := string(tag)
	for {
		s = strings.TrimLeft(s, " ")
		i := strings.Index(s, `:"`)
		if i <= 0 {
			return pairs
		}
		key := s[:i]
		rest := s[i+1:]
		v, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return pairs
		}
		val, _ := strconv.Unquote(v)
		pairs = append(pairs, [2]string{key, val})
		s = rest[len(v):]
	}
}

// StructMarks reads the marks tagCellStructs left in a field's tag: the name of
// the declared type whose first field it is, and whether its name is unexported.
func StructMarks(tag reflect.StructTag) (typeName string, unexported bool) {
	for _, m := range strings.Split(tag.Get("ratelab"), ",") {
		switch {
		case m == "unexported":
			unexported = true
		case strings.HasPrefix(m, "type="):
			typeName = strings.TrimPrefix(m, "type=")
		}
	}
	return typeName, unexported
}

// HiddenField reports whether a field's tag marks it as the one
// tagCellStructs gave a struct type declared without fields.
func HiddenField(tag reflect.StructTag) bool {
	return slices.Contains(strings.Split(tag.Get("ratelab"), ","), "hidden")
}

// DeclaredField returns the tag a field was declared with, and whether it was
// embedded, from the tag tagCellStructs gave it. A tag without ratelab's marks is
// the declared one.
func DeclaredField(tag reflect.StructTag) (declared reflect.StructTag, embedded bool) {
	marks, ok := tag.Lookup("ratelab")
	if !ok {
		return tag, false
	}
	return reflect.StructTag(tag.Get("ratelabtag")), slices.Contains(strings.Split(marks, ","), "embedded")
}
