package kernel

// glob is a pattern of SQLite's GLOB operator, which IPython's history search uses:
// `*` matches any run of characters (newlines included), `?` any one character,
// `[...]` one character of a set (`[^...]` one not in it; `a-z` a range; a `]`
// first in the set is literal), and every other character itself, case-sensitively.
// Unlike path.Match, `/` is not special: cells are code, not file names. A `*` or
// `?` in a pattern is always a wildcard, so `6 *` matches "6 * 7" (the star matching
// "* 7"), as in SQLite.
type glob struct {
	elems []globElem
	bad   bool // an unterminated `[`: SQLite matches nothing then
}

// globElem is one element of a pattern: a star, or a matcher of one character.
type globElem struct {
	star   bool
	any    bool      // ?
	lit    rune      // a literal character, when set is nil and !any
	set    [][2]rune // [...]: inclusive ranges (a lone character is a range of one)
	isSet  bool
	invert bool // [^...]
}

func compileGlob(pattern string) glob {
	p := []rune(pattern)
	var g glob
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*':
			if n := len(g.elems); n == 0 || !g.elems[n-1].star {
				g.elems = append(g.elems, globElem{star: true})
			}
		case '?':
			g.elems = append(g.elems, globElem{any: true})
		case '[':
			e, next, ok := parseSet(p, i+1)
			if !ok {
				g.bad = true
				return g
			}
			g.elems = append(g.elems, e)
			i = next
		default:
			g.elems = append(g.elems, globElem{lit: c})
		}
	}
	return g
}

// parseSet reads a set whose `[` is just before p[i]; it returns the element and
// the index of its closing `]`, or false when there is none.
func parseSet(p []rune, i int) (globElem, int, bool) {
	e := globElem{isSet: true}
	if i < len(p) && p[i] == '^' {
		e.invert = true
		i++
	}
	if i < len(p) && p[i] == ']' { // literal when it comes first
		e.set = append(e.set, [2]rune{']', ']'})
		i++
	}
	var prior rune = -1 // the last lone character, which a `-` may extend to a range
	for ; i < len(p) && p[i] != ']'; i++ {
		c := p[i]
		if c == '-' && prior >= 0 && i+1 < len(p) && p[i+1] != ']' {
			i++
			e.set[len(e.set)-1] = [2]rune{prior, p[i]}
			prior = -1
			continue
		}
		e.set = append(e.set, [2]rune{c, c})
		prior = c
	}
	if i == len(p) {
		return e, i, false
	}
	return e, i, true
}

// one reports whether e, which is not a star, matches the character c.
func (e *globElem) one(c rune) bool {
	switch {
	case e.any:
		return true
	case e.isSet:
		in := false
		for _, r := range e.set {
			if r[0] <= c && c <= r[1] {
				in = true
				break
			}
		}
		return in != e.invert
	}
	return e.lit == c
}

// match reports whether s matches the whole pattern. Every element but a star
// matches exactly one character, so greedy matching with one backtrack point (the
// last star) is exact and linear in practice.
func (g glob) match(s string) bool {
	if g.bad {
		return false
	}
	r := []rune(s)
	p, i := 0, 0
	starP, starI := -1, 0
	for i < len(r) {
		switch {
		case p < len(g.elems) && g.elems[p].star:
			starP, starI = p, i
			p++
		case p < len(g.elems) && g.elems[p].one(r[i]):
			p++
			i++
		case starP >= 0:
			starI++
			p, i = starP+1, starI
		default:
			return false
		}
	}
	for p < len(g.elems) && g.elems[p].star {
		p++
	}
	return p == len(g.elems)
}
