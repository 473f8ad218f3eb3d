package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// rangeString turns `for k, v := range s {…}`, s of a string type, into
//
//	for __s, __i := s, 0; __i < len(__s); {
//		__r, __w := utf8.DecodeRuneInString(__s[__i:])
//		k, v := __i, __r
//		__i += __w
//		{…}
//	}
//
// yaegi v0.16.1 counts runes for k where Go gives the byte offset of each rune
// (for i := range "héllo" gave 0 1 2 3 4 for 0 1 3 4 5), and moves on by the
// length of the rune it decoded where Go moves on by the bytes it read: an
// invalid byte is utf8.RuneError, one byte wide, which yaegi counted as three
// ("a\xffb" gave offsets 0 1 4 for 0 1 2). s is evaluated once, the body has its
// own k and v each iteration, and continue moves on, as in Go. A label stays on
// the loop.
func (d *desugarer) rangeString(st *ast.RangeStmt, t types.Type, label *ast.Ident) ast.Stmt {
	pos := st.For
	s, i, r, w := d.temp("s"), d.temp("i"), d.temp("r"), d.temp("w")
	var rest ast.Expr = &ast.SliceExpr{X: ident(pos, s), Lbrack: pos, Low: ident(pos, i), Rbrack: pos}
	if !types.Identical(types.Default(t), types.Typ[types.String]) {
		rest = &ast.CallExpr{Fun: ident(pos, "string"), Lparen: pos, Args: []ast.Expr{rest}, Rparen: pos}
	}
	decode := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, d.cfg.Import("unicode/utf8")), Sel: ident(pos, "DecodeRuneInString")},
		Lparen: pos, Args: []ast.Expr{rest}, Rparen: pos}
	pre := []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, r), ident(pos, w)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{decode}}}
	post := []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, i)}, TokPos: pos, Tok: token.ADD_ASSIGN, Rhs: []ast.Expr{ident(pos, w)}}}
	loop := &ast.ForStmt{
		For: pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, s), ident(pos, i)}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{st.X, &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}},
		Cond: &ast.BinaryExpr{X: ident(pos, i), OpPos: pos, Op: token.LSS, Y: &ast.CallExpr{Fun: ident(pos, "len"), Lparen: pos, Args: []ast.Expr{ident(pos, s)}, Rparen: pos}},
		Body: iterationBody(st, ident(pos, i), ident(pos, r), pre, post),
	}
	return labelled(label, loop)
}

// rangeArrayPointer turns `for k, v := range p {…}`, p a pointer to an array
// of length n, into
//
//	for __p, __k := p, 0; __k < n; __k++ {
//		k, v := __k, __p[__k]
//		{…}
//	}
//
// yaegi v0.16.1 panics in reflect ranging over a pointer to an array of
// structs. As in Go, p is not evaluated when v is not used and p holds no
// function call or receive (len(p) is then a constant), and a nil p panics at
// the first read of v, not before: never with n 0, or with v unused.
func (d *desugarer) rangeArrayPointer(st *ast.RangeStmt, n int64, label *ast.Ident) ast.Stmt {
	pos := st.For
	p, k := d.temp("p"), d.temp("k")
	init := &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, k)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}}
	var value ast.Expr
	if st.Value != nil && !isBlank(st.Value) {
		value = &ast.IndexExpr{X: ident(pos, p), Lbrack: pos, Index: ident(pos, k), Rbrack: pos}
	}
	if value != nil || d.evaluatedForLen(st.X) {
		init.Lhs = append([]ast.Expr{ident(pos, p)}, init.Lhs...)
		init.Rhs = append([]ast.Expr{st.X}, init.Rhs...)
	}
	loop := &ast.ForStmt{
		For:  pos,
		Init: init,
		Cond: &ast.BinaryExpr{X: ident(pos, k), OpPos: pos, Op: token.LSS, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.FormatInt(n, 10)}},
		Post: &ast.IncDecStmt{X: ident(pos, k), TokPos: pos, Tok: token.INC},
		Body: iterationBody(st, ident(pos, k), value, nil, nil),
	}
	return labelled(label, loop)
}

// evaluatedForLen reports whether len(x), x a pointer to an array, evaluates x:
// whether x holds a call that is not constant, or a receive
// (https://go.dev/ref/spec#Length_and_capacity).
func (d *desugarer) evaluatedForLen(x ast.Expr) bool {
	evaluated := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, ok := d.info.Types[n.Fun]; ok && tv.IsType() {
				break // a conversion
			}
			if tv, ok := d.info.Types[n]; !ok || tv.Value == nil {
				evaluated = true
			}
		case *ast.UnaryExpr:
			evaluated = evaluated || n.Op == token.ARROW
		}
		return !evaluated
	})
	return evaluated
}

// iterationBody returns the body of a loop that replaces the range statement
// st: pre, then st's key and value (not the blank ones) set to key and value,
// with st's token, then post, then st's body as a block of its own, which may
// declare the key's or the value's name again, as in Go.
func iterationBody(st *ast.RangeStmt, key, value ast.Expr, pre, post []ast.Stmt) *ast.BlockStmt {
	list := pre
	set := &ast.AssignStmt{TokPos: st.For, Tok: st.Tok}
	for _, kv := range [][2]ast.Expr{{st.Key, key}, {st.Value, value}} {
		if kv[0] != nil && kv[1] != nil && !isBlank(kv[0]) {
			set.Lhs = append(set.Lhs, kv[0])
			set.Rhs = append(set.Rhs, kv[1])
		}
	}
	if len(set.Lhs) > 0 {
		list = append(list, set)
	}
	list = append(list, post...)
	list = append(list, st.Body)
	return &ast.BlockStmt{Lbrace: st.Body.Lbrace, List: list, Rbrace: st.Body.Rbrace}
}

// labelled returns loop with label, if there is one.
func labelled(label *ast.Ident, loop ast.Stmt) ast.Stmt {
	if label != nil {
		return &ast.LabeledStmt{Label: label, Colon: label.End(), Stmt: loop}
	}
	return loop
}
