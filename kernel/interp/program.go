package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// In a Go file, package-level declarations may come in any order: a program
// often has main first and its types, constants and variables below it, and
// Go initialises the package's variables in the order of their dependencies
// (the spec's "Package initialization"), then runs its init functions in the
// order written. A cell runs its pieces in order, each run of declarations
// checked against what came before, so such a cell failed with "undefined:
// conn" (a use of what is declared below), or ran an init before the variables
// declared below it. A cell's pieces are therefore put in an order where each
// comes after the declarations it names, and its init functions after its
// variables.
//
// A notebook cell also holds statements (x := load(), fmt.Println(x)), which
// run in the order written, as a function's body does. The order is made with
// these rules:
//
//   - a statement comes after the statements written before it, so statements
//     never change order among themselves;
//   - a piece comes after the declarations (type, const, var, func, method) of
//     the cell that declare a name it uses, wherever they are written, as in a
//     Go file: `var total = sum(3)` above `func sum`, or `fmt.Println(total)`
//     above `var total = …`, uses the cell's sum and total;
//   - a piece comes after the statements written above it that declare a name
//     it uses (x := load(); var y = f(x)), and never after one written below it:
//     a name a statement declares is not seen above it, as in a function's body
//     (`var y = x; x := 5` reads the x of an earlier cell, or is undefined);
//   - an init function comes after the inits written before it and after every
//     variable of the cell that depends on none of the cell's statements, so it
//     sees them initialised, as in Go; it needs no other wait (an init above a
//     statement runs before it);
//   - among the pieces free to come next, Go's order: the one written first,
//     where a type, const, func or method (nothing runs to declare them) counts
//     as written where the first piece needing it is, so that it is declared
//     when needed without delaying what it does not concern.
//
// A method belongs to its type: what names the type comes after the type's
// methods, so `var _ fmt.Stringer = T{}` sees T's String declared below it.
// Names used are the names a piece does not declare itself (the parser's
// unresolved identifiers), matched by spelling; pieces depending on one
// another keep the cell's order among themselves, as before.

// cellOrder returns the pieces of src in the order they are compiled and run
// (see above), as near the cell's order as that allows; pieces unchanged if the
// cell declares nothing, or if a piece does not parse on its own (its error is
// reported in the cell's order).
func cellOrder(src string, pieces []piece) []piece {
	// Most cells declare nothing: they are told apart without parsing.
	if !slices.ContainsFunc(pieces, func(p piece) bool {
		return p.kind == declPiece || p.kind == stmtPiece && varDecl.MatchString(src[p.start:p.end])
	}) {
		return pieces
	}
	written := pieces
	pieces = splitVarBlocks(src, pieces)
	n := len(pieces)
	const (
		other     = iota // an import or package clause: placed as written
		statement        // a statement
		varPiece         // a var declaration
		initFunc         // func init
		pure             // a type, const, func or method declaration
	)
	kind := make([]int, n)
	declares := make([][]string, n) // top-level names, and a method's type
	uses := make([]map[string]bool, n)
	for i, p := range pieces {
		if p.kind == importPiece || p.kind == packagePiece {
			continue
		}
		text := p.prefix + src[p.start:p.end]
		uses[i] = map[string]bool{}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+text, 0)
		if err == nil && len(f.Decls) == 1 {
			d := f.Decls[0]
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				return written
			}
			kind[i] = pure
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					kind[i] = varPiece
				}
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					kind[i] = initFunc
				}
				if d.Recv != nil && len(d.Recv.List) == 1 {
					if base, _ := check.ReceiverBase(d.Recv.List[0].Type); base != nil {
						declares[i] = append(declares[i], base.Name)
					}
				}
			}
			for _, id := range check.DeclaredNames(d) {
				declares[i] = append(declares[i], id.Name)
			}
		} else {
			// A statement, checked as a function's body.
			f, err = parser.ParseFile(token.NewFileSet(), "", "package main\nfunc _() {\n"+text+"\n}", 0)
			if err != nil || len(f.Decls) != 1 {
				return written
			}
			kind[i] = statement
			body := f.Decls[0].(*ast.FuncDecl).Body
			if len(body.List) > 0 {
				if as, ok := body.List[0].(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					for _, l := range as.Lhs {
						if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
							declares[i] = append(declares[i], id.Name)
						}
					}
				}
			}
		}
		for _, id := range f.Unresolved {
			uses[i][id.Name] = true
		}
		// The parser leaves out of Unresolved a composite literal's keys it
		// could not resolve, field names or not ([...]string{Red: "red"}).
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Obj == nil {
					uses[i][id.Name] = true
				}
			}
			return true
		})
	}
	declaredBy := map[string][]int{}
	for i, names := range declares {
		for _, name := range names {
			declaredBy[name] = append(declaredBy[name], i)
		}
	}
	after := make([][]int, n) // after[i]: the pieces i must come after
	lastStmt := -1
	for i := range n {
		for name := range uses[i] {
			for _, j := range declaredBy[name] {
				if j != i && (kind[j] != statement || j < i) {
					after[i] = append(after[i], j)
				}
			}
		}
		if kind[i] == statement {
			if lastStmt >= 0 {
				after[i] = append(after[i], lastStmt)
			}
			lastStmt = i
		}
	}
	// The variables depending on none of the cell's statements come before
	// every init.
	onStmt := make([]int, n) // 0 unknown, 1 visiting or no, 2 yes
	var dependsOnStmt func(i int) bool
	dependsOnStmt = func(i int) bool {
		if onStmt[i] == 0 {
			onStmt[i] = 1
			if kind[i] == statement || slices.ContainsFunc(after[i], dependsOnStmt) {
				onStmt[i] = 2
			}
		}
		return onStmt[i] == 2
	}
	var vars []int
	for i := range n {
		if kind[i] == varPiece && !dependsOnStmt(i) {
			vars = append(vars, i)
		}
	}
	lastInit := -1
	for i := range n {
		if kind[i] == initFunc {
			after[i] = append(after[i], vars...)
			if lastInit >= 0 {
				after[i] = append(after[i], lastInit)
			}
			lastInit = i
		}
	}
	hoist := make([]bool, n)
	for i := range n {
		hoist[i] = kind[i] == pure
	}
	order := make([]piece, 0, n)
	for _, comp := range orderComponents(after, hoist) {
		for _, i := range comp {
			order = append(order, pieces[i])
		}
	}
	return order
}

// splitVarBlocks returns pieces with each parenthesized var declaration of
// several specifications, var ( f = g + 1; g = 2 ), cut into one piece for
// each, written var f = g + 1: a cell's variables are statements of a
// function's body to the interpreter, initialised in the order written, where
// Go orders a block's variables as any others.
func splitVarBlocks(src string, pieces []piece) []piece {
	var out []piece
	for _, p := range pieces {
		text := src[p.start:p.end]
		if p.kind != stmtPiece || !varDecl.MatchString(text) {
			out = append(out, p)
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", "package main\n"+text, parser.SkipObjectResolution)
		if err != nil || len(f.Decls) != 1 {
			out = append(out, p)
			continue
		}
		gd, ok := f.Decls[0].(*ast.GenDecl)
		if !ok || !gd.Lparen.IsValid() || len(gd.Specs) < 2 {
			out = append(out, p)
			continue
		}
		base := fset.Position(f.Decls[0].Pos()).Offset // where text starts
		for _, sp := range gd.Specs {
			at := fset.Position(sp.Pos())
			q := piece{kind: stmtPiece, start: p.start + at.Offset - base, end: p.start + fset.Position(sp.End()).Offset - base, line: p.line + at.Line - 2, col: at.Column, prefix: "var "}
			if at.Line == 2 { // on the piece's first line
				q.col = p.col + at.Column - 1
			}
			out = append(out, q)
		}
	}
	return out
}

// varDecl matches the start of a var declaration.
var varDecl = regexp.MustCompile(`^var\b`)

// dependencyOrder is orderComponents with no piece hoisted.
func dependencyOrder(after [][]int) [][]int { return orderComponents(after, nil) }

// orderComponents returns the strongly connected components of the graph in
// which node i has an edge to each node of after[i], each in increasing order,
// ordered so that a component comes after those its nodes have edges to and,
// among the components free to come next, the one with the smallest node first.
// A component whose nodes are all hoisted counts as having the smallest node of
// the components that reach it, if smaller than its own.
func orderComponents(after [][]int, hoist []bool) [][]int {
	n := len(after)
	// Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear graph
	// algorithms"); comp[i] is the component of node i.
	index, low, comp := make([]int, n), make([]int, n), make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var comps [][]int
	var stack []int
	onStack := make([]bool, n)
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range after[v] {
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var c []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp[w] = len(comps)
			c = append(c, w)
			if w == v {
				break
			}
		}
		slices.Sort(c)
		comps = append(comps, c)
	}
	for v := range n {
		if index[v] < 0 {
			visit(v)
		}
	}

	// first[ci]: the node component ci counts as; comps holds a component
	// after those it reaches, so walking it backwards sees every component
	// reaching ci before ci.
	first := make([]int, len(comps))
	for ci, c := range comps {
		first[ci] = c[0]
	}
	for ci := len(comps) - 1; ci >= 0; ci-- {
		for _, v := range comps[ci] {
			for _, w := range after[v] {
				if cw := comp[w]; cw != ci && hoisted(comps[cw], hoist) {
					first[cw] = min(first[cw], first[ci])
				}
			}
		}
	}
	placed := make([]bool, len(comps))
	ready := func(ci int) bool {
		for _, v := range comps[ci] {
			for _, w := range after[v] {
				if comp[w] != ci && !placed[comp[w]] {
					return false
				}
			}
		}
		return true
	}
	out := make([][]int, 0, len(comps))
	for len(out) < len(comps) {
		best := -1
		for ci, c := range comps {
			if !placed[ci] && ready(ci) && (best < 0 || first[ci] < first[best] || first[ci] == first[best] && c[0] < comps[best][0]) {
				best = ci
			}
		}
		placed[best] = true
		out = append(out, comps[best])
	}
	return out
}

// hoisted reports whether every node of c is hoisted.
func hoisted(c []int, hoist []bool) bool {
	return hoist != nil && !slices.ContainsFunc(c, func(v int) bool { return !hoist[v] })
}
