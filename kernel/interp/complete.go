package interp

import (
	"go/scanner"
	"go/token"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/docs"
)

// Complete lists completions for the identifier being typed at cursor (a rune
// offset, as Jupyter counts since protocol 5.2), for complete_request:
//
//   - after "pkg.": the exported symbols of a built-in package, by the name the
//     session imported it under or else by its own name (strings., stat., analysis.);
//   - after "v." for a session variable v, a chain of its fields, or calls of
//     methods and package functions (df.Col("x").): the exported fields and methods
//     of the type, pointer methods included where they apply;
//   - inside an import path string: the importable package paths;
//   - after % at the start of a line: the magics;
//   - where a field key goes in a struct literal of a package's type
//     (analysis.CompareOptions{Ch): its exported fields, beside what follows;
//   - elsewhere: the session's variables, constants, functions and types, the package
//     names, Go's builtins and keywords.
//
// Matches start with the typed prefix, are sorted, and replace the text between
// CursorStart and CursorEnd. It is safe to call while a cell runs.
func (s *Session) Complete(code string, cursor int) (res engine.Completion) {
	defer s.recoverQuery("completion", func() {
		res = engine.Completion{CursorStart: cursor, CursorEnd: cursor, Matches: []string{}, Types: []engine.CompletionType{}}
	})
	at := byteOffset(code, cursor)
	start := identStart(code, at)
	prefix := code[start:at]
	c := engine.Completion{
		CursorStart: cursor - utf8.RuneCountInString(prefix),
		CursorEnd:   cursor,
		Matches:     []string{},
		Types:       []engine.CompletionType{},
	}

	var cands []member
	lineStart := strings.LastIndexByte(code[:start], '\n') + 1
	lead := strings.TrimLeft(code[lineStart:start], " \t") // the line before the word
	switch lit := enclosingLiteral(code[:at]); {
	case lead == "%" || lead == "%%":
		// A magic name: the percent signs are replaced too.
		prefix = lead + prefix
		c.CursorStart -= len(lead)
		cands = magicNames()
	case lit.importPath:
		// The whole path typed so far is replaced, slashes included.
		prefix = lit.text
		c.CursorStart = cursor - utf8.RuneCountInString(lit.text)
		cands = importPaths()
	case lit.inside:
		return c // in a comment or another string: nothing to complete
	case start > 0 && code[start-1] == '.':
		steps := parseSelector(code[:start-1])
		if steps == nil {
			return c
		}
		op, pkg, ok := resolve(s.scopeWith(code[:start]), steps)
		switch {
		case !ok:
			return c
		case pkg != nil:
			cands = pkg.members
		default:
			cands = op.members()
		}
	default:
		sc := s.scopeWith(code[:start])
		if t := literalType(sc, code[:start]); t != nil {
			cands = fieldMembers(t) // keys first; values may be any expression
		}
		cands = append(cands, scopeNames(sc)...)
	}

	seen := map[string]bool{}
	for _, m := range cands {
		if !strings.HasPrefix(m.name, prefix) || seen[m.name] {
			continue
		}
		seen[m.name] = true
		c.Matches = append(c.Matches, m.name)
		c.Types = append(c.Types, engine.CompletionType{
			Text: m.name, Type: m.kind, Start: c.CursorStart, End: c.CursorEnd, Signature: m.sig,
		})
	}
	sort.Sort(byText(c))
	return c
}

// magicRE finds the magics %help lists, on the lines that describe them.
var magicRE = regexp.MustCompile(`(?m)^\s+(%%?[a-z]+)`)

// magicNames lists the session's magics, as its %help text names them.
func magicNames() []member {
	var ms []member
	for _, m := range magicRE.FindAllStringSubmatch(help, -1) {
		ms = append(ms, member{m[1], "magic", ""})
	}
	return ms
}

// byText sorts a completion's matches, and their types with them.
type byText engine.Completion

func (c byText) Len() int           { return len(c.Matches) }
func (c byText) Less(i, j int) bool { return c.Matches[i] < c.Matches[j] }
func (c byText) Swap(i, j int) {
	c.Matches[i], c.Matches[j] = c.Matches[j], c.Matches[i]
	c.Types[i], c.Types[j] = c.Types[j], c.Types[i]
}

// byteOffset converts a rune offset into code to a byte offset, clamped to code.
func byteOffset(code string, runes int) int {
	for i := range code {
		if runes <= 0 {
			return i
		}
		runes--
	}
	return len(code)
}

// identStart returns the byte offset where the identifier ending at at begins.
func identStart(code string, at int) int {
	for at > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:at])
		if !isIdentRune(r) {
			break
		}
		at -= size
	}
	return at
}

// isIdentRune reports whether r may appear in a Go identifier.
func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// literal tells where the end of a cell's text lies: inside a comment or a string or
// rune literal, and if it is an import path, the path typed so far.
type literal struct {
	inside     bool
	importPath bool
	text       string // with importPath: the literal's text after its opening quote
}

// enclosingLiteral finds whether the end of code lies inside a comment or literal.
func enclosingLiteral(code string) literal {
	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	importing, inGroup := false, false
	for {
		pos, tok, text := sc.Scan()
		if tok == token.EOF {
			return literal{}
		}
		switch tok {
		case token.IMPORT:
			importing = true
		case token.LPAREN:
			inGroup = importing
		case token.RPAREN:
			importing, inGroup = false, false
		case token.SEMICOLON:
			importing = inGroup
		case token.COMMENT, token.STRING, token.CHAR:
			if file.Offset(pos)+len(text) < len(src) || closed(tok, text) {
				continue
			}
			if tok == token.STRING && importing {
				return literal{inside: true, importPath: true, text: text[1:]}
			}
			return literal{inside: true}
		}
	}
}

// closed reports whether a comment or literal that reaches the end of the input is
// finished: `//` comments end with the line, others with their closing delimiter.
func closed(tok token.Token, text string) bool {
	switch {
	case strings.HasPrefix(text, "//"):
		return false
	case tok == token.COMMENT:
		return len(text) >= 4 && strings.HasSuffix(text, "*/")
	}
	if _, err := strconv.Unquote(text); err == nil {
		return true
	}
	return tok == token.CHAR && len(text) >= 3 && strings.HasSuffix(text, "'")
}

// importPaths lists the importable packages as completion candidates.
func importPaths() []member {
	ix := builtinPackages()
	ms := make([]member, 0, len(ix.byPath))
	for path, p := range ix.byPath {
		ms = append(ms, member{path, "package", p.name})
	}
	return ms
}

// methodSignature is a method's parameters and results, from its documentation when
// its package has some, else from reflect: "(colname string) series.Series".
func methodSignature(t reflect.Type, m reflect.Method) string {
	// The declaration reads "func (recv T) Name(params) results".
	if s, ok := methodDoc(t, m); ok {
		if i := strings.Index(s.Decl, ") "+m.Name); i >= 0 {
			return funcSignature(s.Decl[i+2+len(m.Name):])
		}
	}
	ft := m.Type
	first := 1 // the receiver, for methods of a concrete type
	if t.Kind() == reflect.Interface {
		first = 0
	}
	return reflectSignature(ft, first)
}

// methodDoc returns the documentation of method m of type t (or of the type t points
// to), when t's package has documentation.
func methodDoc(t reflect.Type, m reflect.Method) (docs.Symbol, bool) {
	named := t
	if named.Kind() == reflect.Pointer {
		named = named.Elem()
	}
	pd, ok := docs.Lookup(named.PkgPath())
	if !ok || named.Name() == "" {
		return docs.Symbol{}, false
	}
	return pd.Symbol(named.Name() + "." + m.Name)
}

// reflectSignature formats a function type's parameters from index first on, and
// its results: "(string, int) (bool, error)".
func reflectSignature(ft reflect.Type, first int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := first; i < ft.NumIn(); i++ {
		if i > first {
			b.WriteString(", ")
		}
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			b.WriteString("..." + ft.In(i).Elem().String())
			continue
		}
		b.WriteString(ft.In(i).String())
	}
	b.WriteByte(')')
	switch ft.NumOut() {
	case 0:
	case 1:
		b.WriteString(" " + ft.Out(0).String())
	default:
		outs := make([]string, ft.NumOut())
		for i := range outs {
			outs[i] = ft.Out(i).String()
		}
		b.WriteString(" (" + strings.Join(outs, ", ") + ")")
	}
	return b.String()
}

// scopeNames lists every name a cell can use without a selector.
func scopeNames(sc sessionScope) []member {
	ms := append([]member(nil), sc.names...)
	for name := range sc.imports {
		ms = append(ms, member{name, "package", sc.imports[name]})
	}
	ix := builtinPackages()
	for _, name := range ix.names {
		ms = append(ms, member{name, "package", ix.byName[name][0].path})
	}
	ms = append(ms, universe...)
	return ms
}
