package kernel

// globMatch reports whether s matches pattern, where `*` matches any run of
// characters (newlines included) and `?` any single character, as SQLite's GLOB does
// for IPython's history search. Unlike path.Match, `/` is not special: cells are code,
// not file names.
func globMatch(pattern, s []rune) bool {
	// Greedy matching with one backtrack point: linear in practice, no recursion.
	p, i := 0, 0
	starP, starI := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			starP, starI = p, i
			p++
		case starP >= 0:
			starI++
			p, i = starP+1, starI
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
