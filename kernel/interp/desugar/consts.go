package desugar

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Constants are computed by go/types, exactly as Go computes them, and handed to
// the interpreter as literals: yaegi v0.16.1 does not round a typed float
// constant to its type (float64(c) of a float32 constant c is 0, a float32
// constant is 1/3 in `case` and ==), compares untyped constants through float64
// (1.0/3 == 0.3333333333333333 is true) and cannot declare a constant of a
// complex type. The
// spec's rules (https://go.dev/ref/spec#Constant_expressions): untyped constant
// expressions are exact; a typed constant's value is rounded to its type, and so
// is an untyped one where it takes its type from the context.
//
//	const third float32 = 1.0 / 3   →  const third float32 = float32(0.3333333432674408)
//	float64(third)                  →  float64(0.3333333432674408)
//	u == 0.3333333333333333         →  0 != 0
//
// An untyped constant that stays untyped (a const declaration's value) is
// written as a literal only where one says it exactly: integers, strings,
// booleans; an untyped float such as 1.0/3 stays the user's expression, which the
// interpreter computes exactly, and is written as a literal where it is used.

// constant returns the literal for e, an expression go/types gave a constant
// value, or nil to leave e as it is: e is not constant, is a literal already
// (but for a float literal, which the interpreter may not round, as in
// `case 0.1:` on a float32), or its value has no literal of its kind.
func (d *desugarer) constant(e ast.Expr) ast.Expr {
	tv, ok := d.info.Types[e]
	if !ok || tv.Value == nil {
		return nil
	}
	basic, _ := tv.Type.Underlying().(*types.Basic)
	if basic == nil {
		return nil
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if basic.Info()&(types.IsFloat|types.IsComplex) == 0 || basic.Info()&types.IsUntyped != 0 {
			return nil
		}
	case *ast.Ident:
		if obj := d.info.Uses[e]; obj != nil && obj.Parent() == types.Universe {
			return nil // true, false
		}
	}
	t := tv.Type
	if e == d.result {
		t = types.Default(t) // shown as the value of an any
	}
	lit, err := d.constLiteral(tv.Value, t, e.Pos())
	if err != nil {
		// A type the interpreter cannot name (of a package it has no symbols
		// for, as vg.Length's font.Length, or an earlier cell's type declared
		// again): the interpreter computes integers and float64s as Go does,
		// but not float32s and complex numbers.
		if basic.Kind() == types.Float32 || basic.Info()&types.IsComplex != 0 {
			d.fail(e.Pos(), "constant "+types.ExprString(e), err)
		}
		return nil
	}
	return lit
}

// constLiteral writes v, a constant of type t, as the interpreter must read it:
// a typed constant as a conversion of its value rounded to t, an untyped one as
// a literal if one says it exactly, or nil.
func (d *desugarer) constLiteral(v constant.Value, t types.Type, pos token.Pos) (ast.Expr, error) {
	basic, ok := t.Underlying().(*types.Basic)
	if !ok {
		return nil, nil
	}
	lit := valueLiteral(v, basic, pos)
	if lit == nil || basic.Info()&types.IsUntyped != 0 {
		return lit, nil
	}
	te, err := d.typeExpr(t, pos)
	if err != nil {
		return nil, err
	}
	return &ast.CallExpr{Fun: te, Lparen: pos, Args: []ast.Expr{lit}, Rparen: pos}, nil
}

// valueLiteral writes v rounded to the basic type b as an untyped constant
// expression, or returns nil if b is untyped and has no literal that says v
// exactly.
func valueLiteral(v constant.Value, b *types.Basic, pos token.Pos) ast.Expr {
	info := b.Info()
	switch {
	case info&types.IsBoolean != 0:
		// Not true or false, which a cell may declare.
		op := token.EQL
		if !constant.BoolVal(v) {
			op = token.NEQ
		}
		zero := func() ast.Expr { return &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"} }
		return &ast.BinaryExpr{X: zero(), OpPos: pos, Op: op, Y: zero()}
	case info&types.IsString != 0:
		return &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(constant.StringVal(v))}
	case info&types.IsUntyped != 0 && b.Kind() != types.UntypedInt:
		return nil // runes, floats and complex numbers stay as written
	case info&types.IsInteger != 0:
		v = constant.ToInt(v)
		neg := constant.Sign(v) < 0
		if neg {
			v = constant.UnaryOp(token.SUB, v, 0)
		}
		return signed(pos, neg, &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: v.ExactString()})
	case info&types.IsFloat != 0:
		return floatLiteral(pos, roundFloat(constant.ToFloat(v), b.Kind() == types.Float32), "")
	case info&types.IsComplex != 0:
		c := constant.ToComplex(v)
		single := b.Kind() == types.Complex64
		re := floatLiteral(pos, roundFloat(constant.Real(c), single), "")
		im := roundFloat(constant.Imag(c), single)
		op := token.ADD
		if im < 0 {
			op = token.SUB
		}
		return &ast.ParenExpr{Lparen: pos, X: &ast.BinaryExpr{X: re, OpPos: pos, Op: op, Y: floatLiteral(pos, math.Abs(im), "i")}, Rparen: pos}
	}
	return nil
}

// roundFloat rounds v to float32 (single) or float64, as a typed constant is.
func roundFloat(v constant.Value, single bool) float64 {
	if single {
		f, _ := constant.Float32Val(v)
		return float64(f)
	}
	f, _ := constant.Float64Val(v)
	return f
}

// floatLiteral writes f with suffix ("" or "i" for an imaginary literal). The
// shortest decimal that reads back as f as a float64 is exact for a float32 value
// too: converting it to float32 gives f again.
func floatLiteral(pos token.Pos, f float64, suffix string) ast.Expr {
	s := strconv.FormatFloat(math.Abs(f), 'g', -1, 64)
	kind := token.FLOAT
	if suffix != "" {
		kind = token.IMAG
	}
	return signed(pos, f < 0, &ast.BasicLit{ValuePos: pos, Kind: kind, Value: s + suffix})
}

// signed returns -lit if neg, else lit.
func signed(pos token.Pos, neg bool, lit *ast.BasicLit) ast.Expr {
	if neg {
		return &ast.UnaryExpr{OpPos: pos, Op: token.SUB, X: lit}
	}
	return lit
}

// constDecls writes every constant declaration's values as literals where the
// constants' values can be (see constLiteral), and writes out the implicit
// repetition of the others, which yaegi v0.16.1 gets wrong with several names in
// a spec (`A, B = iota, iota * 10` then `C, D`: "undefined: D"): each spec
// without values gets a copy of the last type and values (iota is the spec's
// own).
func (d *desugarer) constDecls(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		gd, ok := n.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			return true
		}
		var typ ast.Expr
		var values []ast.Expr
		for i, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				typ, values = vs.Type, nil
				for _, v := range vs.Values { // kept before iota is written
					values = append(values, d.cloneExpr(v))
				}
			}
			if lits := d.constValues(vs); lits != nil {
				vs.Values = lits
				continue
			}
			if len(vs.Values) == 0 && values != nil {
				vs.Type = d.cloneExpr(typ)
				for _, v := range values {
					vs.Values = append(vs.Values, d.cloneExpr(v))
				}
			}
			d.writeIota(vs.Values, i)
		}
		return true
	})
}

// constValues returns the literals of the constants vs declares, or nil if one
// of them has none. yaegi v0.16.1 cannot declare a constant of a complex type
// at all (its compiler panics converting an int64 to complex64), so such a
// constant is declared untyped: the interpreter never reads it as typed, for
// every use of it is a constant expression, which is written as a literal of
// its type.
func (d *desugarer) constValues(vs *ast.ValueSpec) []ast.Expr {
	lits := make([]ast.Expr, len(vs.Names))
	complexType := false
	for i, name := range vs.Names {
		c, ok := d.info.Defs[name].(*types.Const)
		if !ok {
			return nil
		}
		pos := name.Pos()
		if i < len(vs.Values) {
			pos = vs.Values[i].Pos()
		}
		var lit ast.Expr
		var err error
		if b, ok := c.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsComplex != 0 && b.Info()&types.IsUntyped == 0 {
			complexType = true
			lit = valueLiteral(c.Val(), b, pos)
		} else {
			lit, err = d.constLiteral(c.Val(), c.Type(), pos)
		}
		if err != nil || lit == nil {
			return nil
		}
		lits[i] = lit
	}
	if complexType {
		vs.Type = nil
	}
	return lits
}

// literalKeys writes the constant indices of an array or slice literal as
// untyped integers: yaegi v0.16.1 takes a typed constant there, int(4) or a
// constant's name, for a non-constant expression inside a function.
//
// Where an element without a key calls a generic function (or min, max,
// new(expr)), every element gets its key, its index or its field's name:
// yaegi fails on such an element, []float64{G(4.5)} or Point{G(1.5), 2}, with
// "not a generic type", and runs it keyed, []float64{0: G(4.5)}.
func (d *desugarer) literalKeys(lit *ast.CompositeLit) {
	t := d.typeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem() // an element &T{…} written {…}
	}
	keyAll := slices.ContainsFunc(lit.Elts, func(e ast.Expr) bool {
		_, keyed := e.(*ast.KeyValueExpr)
		return !keyed && d.callsGeneric(e)
	})
	switch u := t.Underlying().(type) {
	case *types.Array, *types.Slice:
		d.indexKeys(lit, keyAll)
	case *types.Struct:
		if !keyAll || len(lit.Elts) != u.NumFields() {
			return
		}
		for i := range u.NumFields() {
			if u.Field(i).Name() == "_" {
				return // a blank field has no key to write
			}
		}
		for i, e := range lit.Elts {
			lit.Elts[i] = &ast.KeyValueExpr{Key: ident(e.Pos(), u.Field(i).Name()), Colon: e.Pos(), Value: e}
		}
	}
}

// indexKeys writes the constant indices of an array or slice literal as
// untyped integers, and gives each element without one its index if keyAll.
func (d *desugarer) indexKeys(lit *ast.CompositeLit, keyAll bool) {
	index := func(pos token.Pos, v constant.Value) ast.Expr {
		return valueLiteral(v, types.Typ[types.UntypedInt], pos)
	}
	next := constant.MakeInt64(0) // the index of an element without one
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			if keyAll {
				lit.Elts[i] = &ast.KeyValueExpr{Key: index(elt.Pos(), next), Colon: elt.Pos(), Value: elt}
			}
			next = constant.BinaryOp(next, token.ADD, constant.MakeInt64(1))
			continue
		}
		if v := d.info.Types[kv.Key].Value; v != nil {
			kv.Key = index(kv.Key.Pos(), v)
			next = constant.BinaryOp(constant.ToInt(v), token.ADD, constant.MakeInt64(1))
		}
	}
}

// typedShiftOperand converts the untyped constant left operand of a
// non-constant shift, 1 << n, to the type Go gives it, that of the shift's
// context (the spec's rule for shifts), which go/types recorded:
// uint64(1) << n. yaegi v0.16.1 types it int: `words[i] |= 1 << n` with
// words a []uint64 failed (mismatched types uint64 and int), and
// `w&(1<<n) != 0` dereferenced nil.
func (d *desugarer) typedShiftOperand(b *ast.BinaryExpr) {
	if b.Op != token.SHL && b.Op != token.SHR || d.info.Types[b].Value != nil {
		return
	}
	// go/types records an untyped operand with the type it took; a typed
	// constant converted again to its own type is the same value.
	tv, ok := d.info.Types[b.X]
	basic, isBasic := tv.Type.(*types.Basic)
	if !ok || tv.Value == nil || isBasic && basic.Info()&types.IsUntyped != 0 {
		return
	}
	te, err := d.typeExpr(tv.Type, b.X.Pos())
	if err != nil {
		return
	}
	conv := &ast.CallExpr{Fun: te, Lparen: b.X.Pos(), Args: []ast.Expr{b.X}, Rparen: b.X.End()}
	d.info.Types[conv] = types.TypeAndValue{Type: tv.Type, Value: tv.Value}
	b.X = conv
}

// checkedShiftCount returns n, a shift's count, checked not to be negative
// where it is of a signed type and not constant: __rt.ShiftCount(int64(n)),
// which panics as Go does (runtime error: negative shift amount). yaegi
// v0.16.1 shifts by a negative count as by a huge one: x >> n with n = -1 gave
// 0 and went on.
func (d *desugarer) checkedShiftCount(n ast.Expr) ast.Expr {
	tv, ok := d.info.Types[n]
	if !ok || tv.Value != nil {
		return n
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&types.IsUnsigned != 0 || b.Info()&types.IsInteger == 0 {
		return n
	}
	pos := n.Pos()
	wide := &ast.CallExpr{Fun: ident(pos, "int64"), Lparen: pos, Args: []ast.Expr{n}, Rparen: n.End()}
	return d.rtCall(pos, "ShiftCount", wide)
}

// shadowedIota renames every identifier that names something else than the
// predeclared iota (var iota = 7) to __iota: yaegi v0.16.1 takes the name for
// the constant wherever it appears, and printed 0.
func (d *desugarer) shadowedIota(root ast.Node) {
	iota := types.Universe.Lookup("iota")
	ast.Inspect(root, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "iota" {
			if obj := d.info.ObjectOf(id); obj != nil && obj != iota {
				id.Name = "__iota"
			}
		}
		return true
	})
}

// writeIota replaces iota in values by its value, the spec's index: yaegi
// v0.16.1 counts iota by name, not by spec.
func (d *desugarer) writeIota(values []ast.Expr, index int) {
	iota := types.Universe.Lookup("iota")
	for i, v := range values {
		values[i] = astutil.Apply(v, nil, func(c *astutil.Cursor) bool {
			if id, ok := c.Node().(*ast.Ident); ok && d.info.Uses[id] == iota {
				c.Replace(&ast.BasicLit{ValuePos: id.Pos(), Kind: token.INT, Value: strconv.Itoa(index)})
			}
			return true
		}).(ast.Expr)
	}
}

// cloneExpr copies a constant expression, with positions and what its
// identifiers denote.
func (d *desugarer) cloneExpr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.Ident:
		c := *e
		if obj, ok := d.info.Uses[e]; ok {
			d.info.Uses[&c] = obj
		}
		return &c
	case *ast.BasicLit:
		c := *e
		return &c
	case *ast.ParenExpr:
		return &ast.ParenExpr{Lparen: e.Lparen, X: d.cloneExpr(e.X), Rparen: e.Rparen}
	case *ast.UnaryExpr:
		return &ast.UnaryExpr{OpPos: e.OpPos, Op: e.Op, X: d.cloneExpr(e.X)}
	case *ast.BinaryExpr:
		return &ast.BinaryExpr{X: d.cloneExpr(e.X), OpPos: e.OpPos, Op: e.Op, Y: d.cloneExpr(e.Y)}
	case *ast.SelectorExpr:
		return &ast.SelectorExpr{X: d.cloneExpr(e.X), Sel: d.cloneExpr(e.Sel).(*ast.Ident)}
	case *ast.StarExpr:
		return &ast.StarExpr{Star: e.Star, X: d.cloneExpr(e.X)}
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: d.cloneExpr(e.X), Lbrack: e.Lbrack, Index: d.cloneExpr(e.Index), Rbrack: e.Rbrack}
	case *ast.CallExpr:
		c := &ast.CallExpr{Fun: d.cloneExpr(e.Fun), Lparen: e.Lparen, Ellipsis: e.Ellipsis, Rparen: e.Rparen}
		for _, a := range e.Args {
			c.Args = append(c.Args, d.cloneExpr(a))
		}
		return c
	}
	return e // not in constant expressions: shared
}
