package interp

import (
	"fmt"
	"go/scanner"
	"go/token"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// A Go cell mixes what a Go file holds (imports, types, functions) with what a
// function body holds (statements). yaegi compiles one or the other, so a cell is
// cut into its top-level pieces, and consecutive pieces of one kind are compiled
// and run together, imports first, then in the cell's order, but for its
// declarations, which come in Go's order, after what they name, and its init
// functions after its variables (program.go).

// pieceKind says how a top-level piece of a cell is compiled.
type pieceKind int

const (
	importPiece  pieceKind = iota // import declarations: a file of their own, first
	declPiece                     // type, func and method declarations: a file
	stmtPiece                     // everything else: a function body
	packagePiece                  // a package clause, as in a pasted program: dropped
)

// piece is one top-level declaration or statement of a cell.
type piece struct {
	kind       pieceKind
	start, end int // byte offsets in the cell
	line, col  int // where start is, 1-based
	// prefix is written before the piece: "var " for one specification of a
	// parenthesized var declaration (see splitVarBlocks).
	prefix string
}

// group is a run of consecutive pieces of one kind, compiled together.
type group struct {
	kind   pieceKind
	pieces []piece
}

// splitCell cuts src into top-level pieces at the semicolons (written or
// inserted at line ends) outside any bracket. Scanning errors are left for the
// parser to report with their positions.
func splitCell(src string) []piece {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(token.Position, string) {}, 0)

	type tok struct {
		pos token.Pos
		tok token.Token
		lit string
	}
	var toks []tok
	var kinds []token.Token
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{pos, t, lit})
		kinds = append(kinds, t)
	}

	var pieces []piece
	depth, first := 0, -1
	flush := func(endOff int) {
		if first < 0 {
			return
		}
		off := file.Offset(toks[first].pos)
		p := file.Position(toks[first].pos)
		pieces = append(pieces, piece{kind: classify(kinds[first:]), start: off, end: endOff, line: p.Line, col: p.Column})
		first = -1
	}
	// The semicolons of a for, if or switch header (for i := 0; ; i++ {) are
	// its own: header is the depth of the statement whose header runs, or -1.
	header := -1
	for i, t := range toks {
		switch t.tok {
		case token.FOR, token.IF, token.SWITCH:
			if header < 0 {
				header = depth
			}
		case token.LPAREN, token.LBRACK, token.LBRACE:
			if t.tok == token.LBRACE && depth == header {
				header = -1
			}
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth <= 0 && header < 0 {
				flush(file.Offset(t.pos))
				continue
			}
		}
		if first < 0 {
			first = i
		}
	}
	flush(len(src))
	return pieces
}

// classify tells the kind of the piece that starts with the tokens toks.
func classify(toks []token.Token) pieceKind {
	at := func(i int) token.Token { return toks[i] }
	switch at(0) {
	case token.PACKAGE:
		return packagePiece
	case token.IMPORT:
		return importPiece
	case token.TYPE, token.CONST:
		// A constant is a declaration, in the group of the type it is of and
		// of that type's methods: split from them, the group declaring the
		// type registers its printers (printargs.go) before yaegi knows the
		// methods they call (type Level int; const (Low Level = iota…); func
		// (l Level) String() string in one cell failed).
		return declPiece
	case token.FUNC:
		if len(toks) < 2 {
			return stmtPiece
		}
		switch at(1) {
		case token.IDENT:
			return declPiece // func name(
		case token.LPAREN:
			// A method, func (r T) Name(…), or a function literal, func(…) {…}(…):
			// after the first parenthesis a method has its name and a parenthesis.
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch at(i) {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
					if depth == 0 {
						if i+2 < len(toks) && at(i+1) == token.IDENT && (at(i+2) == token.LPAREN || at(i+2) == token.LBRACK) {
							return declPiece
						}
						return stmtPiece
					}
				}
			}
		}
	}
	return stmtPiece
}

// groupPieces orders the pieces for compiling: all imports first, then runs of
// declarations and statements in the cell's order.
func groupPieces(pieces []piece) []group {
	var groups []group
	var imports []piece
	for _, p := range pieces {
		if p.kind == packagePiece {
			continue
		}
		if p.kind == importPiece {
			imports = append(imports, p)
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].kind == p.kind {
			groups[n-1].pieces = append(groups[n-1].pieces, p)
			continue
		}
		groups = append(groups, group{kind: p.kind, pieces: []piece{p}})
	}
	if len(imports) > 0 {
		groups = append([]group{{kind: importPiece, pieces: imports}}, groups...)
	}
	return groups
}

// source returns the Go file that compiles g: declarations as they are, statements
// in the body of a function. Each piece starts with a /*line*/ directive, so every
// position yaegi and go/parser report is the piece's own line and column in the
// cell, in the file "cellN/_.go" (yaegi keys imports by the file's base name, which
// must therefore stay "_.go" for every cell).
func (g group) source(cell string, id int) string {
	var b strings.Builder
	b.WriteString("package main\n")
	if g.kind == stmtPiece {
		b.WriteString("func _() {\n")
	}
	for _, p := range g.pieces {
		line := fmt.Sprintf("/*line %s:%d:%d*/", cellFile(id), p.line, p.col)
		if p.prefix != "" {
			// The prefix's tokens are at the piece's place too.
			b.WriteString(line + p.prefix)
		}
		fmt.Fprintf(&b, "%s%s\n", line, cell[p.start:p.end])
	}
	if g.kind == stmtPiece {
		b.WriteString("}\n")
	}
	return b.String()
}

// unitKind is the kind of check.Unit a group of kind k is checked as.
func (k pieceKind) unitKind() check.Kind {
	switch k {
	case importPiece:
		return check.Imports
	case declPiece:
		return check.Decls
	}
	return check.Stmts
}

// cellFile is the file name positions of cell id carry.
func cellFile(id int) string { return fmt.Sprintf("cell%d/_.go", id) }
