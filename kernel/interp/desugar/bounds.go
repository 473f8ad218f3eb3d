package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// yaegi v0.16.1 indexes and slices through package reflect, whose panics say
// "reflect: slice index out of range" where Go's runtime says "index out of range
// [5] with length 3". bounds passes the index and the length (or the slice
// bounds and the capacity) through the runtime, which checks them first and
// panics with Go's runtime error:
//
//	a[i]         →  a[__rt.Index(int64(i), len(a))]
//	a[lo:hi]     →  a[__rt.Slice(int64(lo), int64(hi), 0, false, cap(a), false):hi]
//	a[lo:hi:max] →  a[__rt.Slice(int64(lo), int64(hi), int64(max), true, cap(a), false):hi:max]
//
// (len(a) for cap(a) of a string; the last argument is true for a string or an
// array, whose errors say length; an absent lo is 0, an absent hi len(a)). a, hi and max are then evaluated twice, so the rewrite is
// made only where they have no effects (names, constants, fields, arithmetic,
// len and cap); elsewhere the interpreter's wording stays. The node keeps its
// identity (only its index or low bound is replaced), so its type is still known.
func (d *desugarer) bounds(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			if _, ok := d.sequence(n.X); ok && d.pure(n.X) && d.int64Index(n.Index) {
				pos := n.Lbrack
				n.Index = d.rtCall(pos, "Index", d.toInt64(n.Index), d.builtinCall(pos, "len", n.X))
			}
		case *ast.SliceExpr:
			isString, ok := d.sequence(n.X)
			if !ok || !d.pure(n.X) {
				break
			}
			pos := n.Lbrack
			lo, hi, max := n.Low, n.High, n.Max
			if lo == nil {
				lo = &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}
			}
			if hi == nil {
				hi = d.builtinCall(pos, "len", n.X)
			}
			three := max != nil
			if !three {
				max = &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}
			}
			if !d.int64Index(lo) || !d.int64Index(hi) || !d.int64Index(max) || !d.pure(hi) || !d.pure(max) {
				break
			}
			capacity := "cap"
			if isString {
				capacity = "len"
			}
			n.Low = d.rtCall(pos, "Slice", d.toInt64(lo), d.toInt64(hi), d.toInt64(max), ident(pos, strconv.FormatBool(three)),
				d.builtinCall(pos, capacity, n.X), ident(pos, strconv.FormatBool(isString || d.isArray(n.X))))
		}
		return true
	})
}

// sequence reports whether x is indexed as a slice, array, pointer to an
// array or string (not a map, or a generic function being instantiated), and
// whether it is a string.
func (d *desugarer) sequence(x ast.Expr) (isString, ok bool) {
	tv, known := d.info.Types[x]
	if !known || !tv.IsValue() {
		return false, false
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Slice, *types.Array:
		return false, true
	case *types.Pointer:
		_, isArray := u.Elem().Underlying().(*types.Array)
		return false, isArray
	case *types.Basic:
		return u.Info()&types.IsString != 0, u.Info()&types.IsString != 0
	}
	return false, false
}

// isArray reports whether x is an array or a pointer to one, whose slice
// errors say length.
func (d *desugarer) isArray(x ast.Expr) bool {
	t := d.typeOf(x).Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	_, ok := t.(*types.Array)
	return ok
}

// int64Index reports whether the index e converts to int64 without changing
// its value: an integer type of at most 32 bits unsigned or 64 signed, or a
// constant.
func (d *desugarer) int64Index(e ast.Expr) bool {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.INT {
		return true // one of bounds' own
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" && d.info.Types[call].Type == nil {
			return true // one of bounds' own
		}
	}
	tv, ok := d.info.Types[e]
	if !ok {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	switch b.Kind() {
	case types.Uint, types.Uint64, types.Uintptr:
		return tv.Value != nil
	}
	return true
}

// pure reports whether evaluating e twice is the same as once: no calls
// (but len, cap and conversions), receives or function literals.
func (d *desugarer) pure(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return d.pure(e.X)
	case *ast.SelectorExpr:
		if sel, ok := d.info.Selections[e]; ok && sel.Kind() != types.FieldVal {
			return false
		}
		return d.pure(e.X)
	case *ast.StarExpr:
		return d.pure(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && d.pure(e.X)
	case *ast.BinaryExpr:
		return d.pure(e.X) && d.pure(e.Y)
	case *ast.IndexExpr:
		return d.pure(e.X) && d.pure(e.Index)
	case *ast.SliceExpr:
		for _, x := range []ast.Expr{e.X, e.Low, e.High, e.Max} {
			if x != nil && !d.pure(x) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		if len(e.Args) != 1 || !d.pure(e.Args[0]) {
			return false
		}
		if tv, ok := d.info.Types[e.Fun]; ok && tv.IsType() {
			return true // a conversion
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := d.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "len" || b.Name() == "cap"
			}
			return id.Name == "len" && d.info.Types[e].Type == nil // bounds' own
		}
	}
	return false
}

// toInt64 returns int64(e), or e for one of bounds' own literals.
func (d *desugarer) toInt64(e ast.Expr) ast.Expr {
	if _, ok := e.(*ast.BasicLit); ok {
		return e
	}
	return &ast.CallExpr{Fun: ident(e.Pos(), "int64"), Lparen: e.Pos(), Args: []ast.Expr{e}, Rparen: e.End()}
}

// builtinCall returns name(x) for the builtin len or cap.
func (d *desugarer) builtinCall(pos token.Pos, name string, x ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: ident(pos, name), Lparen: pos, Args: []ast.Expr{x}, Rparen: pos}
}
