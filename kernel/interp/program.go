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
// often has main first and its types, constants and variables below it. A cell
// runs its pieces in order, each run of declarations checked against what came
// before, so such a program failed with "undefined: conn". A cell that is a
// program (it declares func main and holds nothing but declarations, as a pasted
// file does) is therefore put in an order where each piece comes after the
// pieces it names: the order of the program's meaning is that of its
// dependencies (the spec's "Package initialization"), not of its text.

// programOrder returns the pieces of src in an order where each comes after
// the pieces declaring the names it uses, as near the cell's order as that
// allows; or pieces unchanged if src is not a program. A method belongs to its
// type: what names the type comes after the type's methods, so `var _
// fmt.Stringer = T{}` sees T's String declared below it. Names are matched by
// spelling, so a local variable shadowing a top-level name may add an edge:
// pieces depending on one another keep the cell's order among themselves, as
// before.
func programOrder(src string, pieces []piece) []piece {
	// Most cells are not programs: they are told apart without parsing.
	if !slices.ContainsFunc(pieces, func(p piece) bool { return p.kind == declPiece && mainDecl.MatchString(src[p.start:p.end]) }) {
		return pieces
	}
	declares := make([][]string, len(pieces)) // top-level names, and a method's type
	uses := make([]map[string]bool, len(pieces))
	for i, p := range pieces {
		if p.kind == importPiece || p.kind == packagePiece {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+src[p.start:p.end], parser.SkipObjectResolution)
		if err != nil || len(f.Decls) != 1 {
			return pieces // a statement, or an error to report in the cell's order
		}
		d := f.Decls[0]
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			return pieces
		}
		for _, id := range check.DeclaredNames(d) {
			declares[i] = append(declares[i], id.Name)
		}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if base, _ := check.ReceiverBase(fd.Recv.List[0].Type); base != nil {
				declares[i] = append(declares[i], base.Name)
			}
		}
		uses[i] = map[string]bool{}
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				uses[i][id.Name] = true
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
	after := make([][]int, len(pieces)) // after[i]: the pieces i must come after
	for i, names := range uses {
		for name := range names {
			for _, j := range declaredBy[name] {
				if j != i {
					after[i] = append(after[i], j)
				}
			}
		}
	}
	order := make([]piece, 0, len(pieces))
	for _, comp := range dependencyOrder(after) {
		for _, i := range comp {
			order = append(order, pieces[i])
		}
	}
	return order
}

// mainDecl matches the start of the declaration of func main.
var mainDecl = regexp.MustCompile(`^func\s+main\s*\(`)

// dependencyOrder returns the strongly connected components of the graph in
// which node i has an edge to each node of after[i], each in increasing order,
// ordered so that a component comes after those its nodes have edges to and,
// among the components free to come next, the one with the smallest node first.
func dependencyOrder(after [][]int) [][]int {
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
			if !placed[ci] && ready(ci) && (best < 0 || c[0] < comps[best][0]) {
				best = ci
			}
		}
		placed[best] = true
		out = append(out, comps[best])
	}
	return out
}
