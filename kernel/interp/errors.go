package interp

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// exitError is the error of a cell that called os.Exit or log.Fatal*: it ends
// the cell where a program would have ended.
func exitError(e symbols.Exit) *engine.Error {
	return &engine.Error{Name: "Exit", Value: e.Error(), Traceback: []string{
		fmt.Sprintf("Exit: %s: the cell called os.Exit(%d) (or log.Fatal, which calls os.Exit(1)): it stopped there, "+
			"as a program would; the session and its variables are kept", e.Error(), e.Code),
	}}
}

// position is a place in a cell.
type position struct {
	cell      int // 0: the session's prelude
	line, col int
}

// posPrefix matches the position yaegi puts before its messages and panic frames:
// "cell3/_.go:4:7" in a cell, "4:7" in the prelude.
var posPrefix = regexp.MustCompile(`^(?:(?:cell(\d+)/)?_\.go:)?(\d+):(\d+)`)

// parsePos reads a position at the start of s, and returns the rest of s.
func parsePos(s string) (position, string, bool) {
	m := posPrefix.FindStringSubmatchIndex(s)
	if m == nil {
		return position{}, s, false
	}
	var p position
	if m[2] >= 0 {
		p.cell, _ = strconv.Atoi(s[m[2]:m[3]])
	}
	p.line, _ = strconv.Atoi(s[m[4]:m[5]])
	p.col, _ = strconv.Atoi(s[m[6]:m[7]])
	return p, strings.TrimPrefix(s[m[1]:], ": "), true
}

// compileError turns a parse or compile error of cell id into an engine.Error
// whose traceback quotes the offending line with a caret under the column.
func (s *Session) compileError(err error, id int) *engine.Error {
	e := &engine.Error{Name: "CompileError"}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e.Value = list[0].Msg
		for i, le := range list {
			if i == 10 {
				e.Traceback = append(e.Traceback, fmt.Sprintf("… and %d more errors", len(list)-i))
				break
			}
			p := position{line: le.Pos.Line, col: le.Pos.Column}
			if q, _, ok := parsePos(le.Pos.Filename + ":0:0"); ok {
				p.cell = q.cell
			}
			msg := s.atEnd(&p, le.Msg)
			if i == 0 {
				e.Value = msg
			}
			e.Traceback = append(e.Traceback, s.quote(p, id, "%s: "+escapePercent(msg))...)
		}
		return e
	}
	msg := err.Error()
	// A panic of yaegi's compiler carries the position of the node it failed on
	// last: "…: CFG post-order panic: cell3/_.go:3:3: incomplete type x".
	if i := strings.LastIndex(msg, "panic: "); i >= 0 && strings.HasPrefix(msg, "the interpreter failed") {
		if _, _, ok := parsePos(msg[i+len("panic: "):]); ok {
			msg = msg[i+len("panic: "):]
		}
	}
	p, rest, ok := parsePos(msg)
	rest = clarify(rest)
	e.Value = rest
	if !ok {
		e.Traceback = []string{"CompileError: " + msg}
		return e
	}
	e.Traceback = s.quote(p, id, "%s: "+escapePercent(rest))
	return e
}

// runtimeError turns a panic (or another run-time failure) of cell id into an
// engine.Error: Name "panic", the panic value, and the frames the panic unwound,
// innermost first, each quoting its line.
func (s *Session) runtimeError(err error, id int) *engine.Error {
	s.mu.Lock()
	frames := s.io.takeFrames()
	s.mu.Unlock()
	statement := s.statementRan()
	statement.cell = id
	e := &engine.Error{Name: "panic", Value: err.Error()}
	if p, ok := isPanic(err); ok {
		v := goPanicValue(p.Value)
		switch v := v.(type) {
		case symbols.Exit:
			return exitError(v)
		case resultError:
			name := goTypeString(reflect.TypeOf(unwrapped(v.err)))
			return &engine.Error{Name: name, Value: v.err.Error(), Traceback: []string{
				name + ": " + v.err.Error(),
				"  the error the cell's last expression returned (beside its value, which is shown when the error is nil)",
			}}
		}
		e.Value = panicMessage(v)
		if _, replaced := p.Value.(*panicChain); replaced {
			e.Value = panicReport(p.Value)
		}
	} else if _, rest, ok := parsePos(err.Error()); ok {
		e.Name, e.Value = "RuntimeError", rest
	}
	e.Traceback = []string{e.Name + ": " + e.Value}
	prevBody := ""
	for i, f := range frames {
		p, _, ok := parsePos(f)
		if !ok {
			continue
		}
		what := "  called from %s"
		if i == 0 {
			what = "  at %s"
		}
		body, at := s.frameBody(p, id, statement)
		if body != "" {
			if body != prevBody { // yaegi's frames of one body's statements
				e.Traceback = append(e.Traceback, fmt.Sprintf(what, body))
			}
			prevBody = body
			continue
		}
		prevBody = ""
		e.Traceback = append(e.Traceback, s.quote(at, id, what)...)
	}
	return e
}

// quote shows where p is, through format (with one %s for the place), then the
// cell's line and a caret under the column:
//
//	line 3, column 7: undefined: x
//	    y := x + 1
//	         ^
func (s *Session) quote(p position, current int, format string) []string {
	where := fmt.Sprintf("line %d, column %d", p.line, p.col)
	switch {
	case p.cell == 0:
		where = "in the session's prelude, " + where
	case p.cell != current:
		where = fmt.Sprintf("in an earlier cell (#%d), %s", p.cell, where)
	}
	out := []string{fmt.Sprintf(format, where)}
	s.mu.Lock()
	src, ok := s.cells[p.cell]
	s.mu.Unlock()
	if !ok {
		return out
	}
	lines := strings.Split(src, "\n")
	if p.line < 1 || p.line > len(lines) {
		return out
	}
	text := strings.TrimRight(lines[p.line-1], " \t\r")
	caret := make([]rune, 0, p.col)
	for i, r := range text {
		if i >= p.col-1 {
			break
		}
		if r == '\t' {
			caret = append(caret, '\t')
		} else {
			caret = append(caret, ' ')
		}
	}
	return append(out, "    "+text, "    "+string(caret)+"^")
}

// describePos tells where pos ("cellN/_.go:line:col") is, for messages.
func (s *Session) describePos(pos string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.describePosLocked(pos)
}

// describePosLocked is describePos with s.mu held.
func (s *Session) describePosLocked(pos string) string {
	p, _, ok := parsePos(pos)
	if !ok {
		return pos
	}
	where := fmt.Sprintf("cell #%d, line %d, column %d", p.cell, p.line, p.col)
	if p.cell == 0 {
		where = fmt.Sprintf("the session's prelude, line %d", p.line)
	}
	if src, ok := s.cells[p.cell]; ok {
		if lines := strings.Split(src, "\n"); p.line >= 1 && p.line <= len(lines) {
			where += ": " + strings.TrimSpace(lines[p.line-1])
		}
	}
	return where
}

// escapePercent makes msg safe to splice into quote's format.
func escapePercent(msg string) string { return strings.ReplaceAll(msg, "%", "%%") }

// clarify rewords yaegi messages that would puzzle a Go programmer.
func clarify(msg string) string {
	switch {
	case msg == "constant definition loop":
		return "cannot compile this definition: it uses an undefined name, or depends on itself (yaegi: constant definition loop)"
	case strings.HasPrefix(msg, "incomplete type "):
		return "undefined: " + strings.TrimPrefix(msg, "incomplete type ")
	case strings.Contains(msg, "unable to find source related to: "):
		// yaegi's advice (set GOPATH) does not apply: a session compiles nothing.
		_, pkg, _ := strings.Cut(msg, "unable to find source related to: ")
		pkg, _, _ = strings.Cut(pkg, ". ")
		return "cannot import " + pkg + ": ratelab's session has no such package, and cells cannot download or compile one " +
			"(they can import the standard library, gota, gonum, gonum plot, ratelab's analysis and datasets, and display)"
	}
	return msg
}

// atEnd moves a parse error found past the cell's last line (in the closing
// brace the session wraps statements in) to the end of the cell's code, and says
// so in msg.
func (s *Session) atEnd(p *position, msg string) string {
	s.mu.Lock()
	src, ok := s.cells[p.cell]
	s.mu.Unlock()
	if !ok {
		return msg
	}
	lines := strings.Split(strings.TrimRight(src, " \t\r\n"), "\n")
	if p.line <= len(lines) {
		return msg
	}
	p.line, p.col = len(lines), len(lines[len(lines)-1])+1
	return strings.Replace(msg, "found '}'", "found the end of the cell", 1)
}

// frameBody says where a panic frame at p really is: yaegi reports a frame at
// the first node of its function's body (or of the cell's top-level
// statements), not at the statement that was running.
//
//   - A frame at the start of the cell's top-level statements is at the
//     statement the top level last marked (statement, see desugar's
//     statementMark), when the marks are in that body; at is that statement.
//   - A frame at a top-level statement that holds others (a loop, an if; the
//     session runs each as a function literal of its own) is somewhere in it:
//     frameBody names it and its lines.
//   - A frame at the first statement of a function's body of several
//     statements, or of statements nested in it, is somewhere in that body:
//     frameBody names the body and its lines.
//
// Otherwise where is "" and at is the exact place to quote.
func (s *Session) frameBody(p position, current int, statement position) (where string, at position) {
	s.mu.Lock()
	src, found := s.cells[p.cell]
	s.mu.Unlock()
	if !found {
		return "", p
	}
	for _, g := range groupPieces(cellOrder(src, splitCell(src))) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "_.go", g.source(src, p.cell), parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		posOf := func(n ast.Node) position {
			q := fset.Position(n.Pos())
			return position{cell: p.cell, line: q.Line, col: q.Column}
		}
		// The innermost function whose first statement holds p: Inspect visits
		// outer functions first.
		var body *ast.BlockStmt
		var name string
		ast.Inspect(f, func(n ast.Node) bool {
			var b *ast.BlockStmt
			var fn string
			switch n := n.(type) {
			case *ast.FuncDecl:
				b, fn = n.Body, "func "+n.Name.Name
			case *ast.FuncLit:
				b, fn = n.Body, "a function literal"
			}
			if b != nil && len(b.List) > 0 && holds(fset, b.List[0], p) {
				body, name = b, fn
			}
			return true
		})
		var top *ast.BlockStmt
		if g.kind == stmtPiece {
			top = f.Decls[0].(*ast.FuncDecl).Body // the wrapper of the group (group.source)
		}
		if top != nil && (body == top || body == nil && holds(fset, top, p) && !inFuncLit(fset, top, p)) {
			// p is in the top level, outside any function literal.
			marked := false
			if statement.cell == p.cell && p == posOf(top.List[0]) {
				for _, st := range top.List {
					if posOf(st) == statement {
						p, marked = statement, true
					}
				}
			}
			for _, st := range top.List {
				if holds(fset, st, p) && holdsStatements(st) {
					p = posOf(st)
					return fmt.Sprintf("%s, lines %d–%d (the interpreter reports where the statement starts, not the one inside it that ran)",
						statementName(st), p.line, fset.Position(st.End()).Line), p
				}
			}
			if marked {
				return "", p
			}
		}
		if body == nil {
			continue
		}
		if !severalStatements(body) {
			return "", p
		}
		if name == "func _" {
			name = "the cell's top-level statements"
		}
		where = fmt.Sprintf("%s, lines %d–%d (the interpreter reports where the body starts, not the statement that ran)",
			name, fset.Position(body.List[0].Pos()).Line, fset.Position(body.List[len(body.List)-1].End()).Line)
		if p.cell != 0 && p.cell != current {
			where = fmt.Sprintf("in an earlier cell (#%d), %s", p.cell, where)
		}
		return where, p
	}
	return "", p
}

// inFuncLit reports whether p is in a function literal in n.
func inFuncLit(fset *token.FileSet, n ast.Node, p position) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && holds(fset, lit, p) {
			found = true
		}
		return !found
	})
	return found
}

// statementName names a statement that holds others as a message says it.
func statementName(st ast.Stmt) string {
	switch st := st.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return "the for statement"
	case *ast.IfStmt:
		return "the if statement"
	case *ast.SwitchStmt, *ast.TypeSwitchStmt:
		return "the switch statement"
	case *ast.SelectStmt:
		return "the select statement"
	case *ast.LabeledStmt:
		return statementName(st.Stmt)
	}
	return "the block"
}

// holds reports whether node n spans position p.
func holds(fset *token.FileSet, n ast.Node, p position) bool {
	from, to := fset.Position(n.Pos()), fset.Position(n.End())
	after := p.line > from.Line || p.line == from.Line && p.col >= from.Column
	before := p.line < to.Line || p.line == to.Line && p.col <= to.Column
	return after && before
}

// severalStatements reports whether body runs more than one statement: it has
// several, or its one statement holds others.
func severalStatements(body *ast.BlockStmt) bool {
	return len(body.List) > 1 || holdsStatements(body.List[0])
}

// holdsStatements reports whether st holds other statements (outside function
// literals, whose frames are their own).
func holdsStatements(st ast.Stmt) bool {
	nested := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			nested = true
		}
		return !nested
	})
	return nested
}
