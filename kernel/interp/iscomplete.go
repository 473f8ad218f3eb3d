package interp

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"

	"github.com/ratelab/ratelab/kernel/engine"
)

// IsComplete tells a console whether code can run as it is (is_complete_request).
//
// Code with an unclosed brace, parenthesis, bracket, raw string or comment, or whose
// last token asks for more (a binary operator, `,`, `.`, or a keyword such as `else`),
// is "incomplete", with the indent of the next line: the indent of the line that
// opened the innermost open bracket plus one level. A closing bracket
// that matches nothing, a broken literal, or balanced code that does not parse is
// "invalid". Magic lines (starting with `%`, anywhere in the cell, as the session
// runs them) are complete in themselves: the Go around them is judged.
func (s *Session) IsComplete(code string) (c engine.Completeness) {
	defer s.recoverQuery("is_complete", func() { c = engine.Completeness{Status: "unknown"} })
	return isComplete(code)
}

// isComplete is IsComplete without a session: the answer depends on the text alone.
func isComplete(code string) engine.Completeness {
	code = blankMagics(code)
	if strings.TrimSpace(code) == "" {
		return engine.Completeness{Status: "complete"}
	}

	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var (
		scanErrs []string
		opens    []opener // the stack of open brackets
		last     token.Token
		lastPos  token.Pos
	)
	var sc scanner.Scanner
	sc.Init(file, src, func(_ token.Position, msg string) { scanErrs = append(scanErrs, msg) }, 0)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			opens = append(opens, opener{tok, file.Line(pos)})
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(opens) == 0 || closer[opens[len(opens)-1].tok] != tok {
				return engine.Completeness{Status: "invalid"}
			}
			opens = opens[:len(opens)-1]
		case token.SEMICOLON:
			if lit == "\n" {
				continue // an automatic semicolon is not a token the user wrote
			}
		}
		last, lastPos = tok, pos
	}

	for _, msg := range scanErrs {
		// The scanner reports these only when it reaches the end of the input inside
		// the literal or comment: more lines can still close it.
		if msg == "raw string literal not terminated" || msg == "comment not terminated" {
			return engine.Completeness{Status: "incomplete", Indent: lineIndent(src, file, lastPos)}
		}
	}
	if len(scanErrs) > 0 {
		return engine.Completeness{Status: "invalid"}
	}
	if len(opens) > 0 {
		innermost := opens[len(opens)-1]
		return engine.Completeness{Status: "incomplete", Indent: indentOfLine(src, file, innermost.line) + indentUnit}
	}
	if continues(last) {
		return engine.Completeness{Status: "incomplete", Indent: lineIndent(src, file, lastPos)}
	}
	if !parses(code) {
		return engine.Completeness{Status: "invalid"}
	}
	return engine.Completeness{Status: "complete"}
}

// indentUnit is one level of indent. gofmt indents with tabs, but the consoles that
// ask (jupyter console, through prompt_toolkit) show a tab as "^I": so indents are
// spaces, a tab already typed counting as one level. The code runs the same either
// way, and gofmt turns the spaces back into tabs.
const indentUnit = "    "

// opener is an open bracket and the line it is on.
type opener struct {
	tok  token.Token
	line int
}

var closer = map[token.Token]token.Token{
	token.LPAREN: token.RPAREN,
	token.LBRACK: token.RBRACK,
	token.LBRACE: token.RBRACE,
}

// blankMagics empties the magic lines of a cell (those starting with `%`), keeping
// the other lines where they are.
func blankMagics(code string) string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "%") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// continues reports whether a cell whose last token is tok needs another line:
// a binary or assignment operator, a separator, or a keyword that starts a construct.
func continues(tok token.Token) bool {
	switch tok {
	case token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON,
		token.INC, token.DEC, token.ELLIPSIS:
		return false
	case token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
		return false
	}
	return tok.IsOperator() || tok.IsKeyword()
}

// lineIndent is the leading white space of the line holding pos, in spaces.
func lineIndent(src []byte, file *token.File, pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return indentOfLine(src, file, file.Line(pos))
}

// indentOfLine is the leading white space of line (1-based) of src, in spaces.
func indentOfLine(src []byte, file *token.File, line int) string {
	var b strings.Builder
	for i := file.Offset(file.LineStart(line)); i < len(src); i++ {
		switch src[i] {
		case ' ':
			b.WriteByte(' ')
		case '\t':
			b.WriteString(indentUnit)
		default:
			return b.String()
		}
	}
	return b.String()
}

// parses reports whether every top-level piece of a bracket-balanced cell is Go: a
// package clause, an import or declaration, or statements (a cell mixes them; the
// session splits them the same way before running them).
func parses(code string) bool {
	for _, piece := range topLevelPieces(code) {
		if strings.HasPrefix(piece, "package ") {
			continue
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+piece, parser.SkipObjectResolution); err == nil {
			continue
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "", "package p\nfunc _() {\n"+piece+"\n}", parser.SkipObjectResolution); err == nil {
			continue
		}
		return false
	}
	return true
}

// topLevelPieces splits a bracket-balanced cell at the semicolons (written or
// automatic) that lie outside every bracket and outside the header of an if, for or
// switch, so that each piece is one declaration or one simple or compound statement.
func topLevelPieces(code string) []string {
	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, nil, scanner.ScanComments)
	var pieces []string
	depth, start := 0, 0
	header := false // between if/for/switch and its block, where `;` separates clauses
	for {
		pos, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.IF, token.FOR, token.SWITCH:
			header = header || depth == 0
		case token.LBRACE:
			if depth == 0 {
				header = false
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth == 0 && !header {
				end := file.Offset(pos)
				if p := strings.TrimSpace(code[start:end]); p != "" {
					pieces = append(pieces, p)
				}
				start = end + 1
				if start > len(code) {
					start = len(code)
				}
			}
		}
	}
	if p := strings.TrimSpace(code[start:]); p != "" {
		pieces = append(pieces, p)
	}
	return pieces
}
