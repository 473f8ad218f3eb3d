package analysis

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is a parsed Firefox-style version string such as "100.0", "99.0.1",
// "64.0b10", "57.0a1" or "60.0esr". Versions order numerically, component by
// component, never lexicographically: a string compare put "100.0" before "99.0" and
// broke Mission Control at version 100.
//
// The grammar is major[.minor[.patch]][(a|b)N][esr]; a pre-release (a1 nightly, bN
// beta) orders before the release of the same numbers ("64.0b10" < "64.0"), and "esr"
// is the same release as the plain version ("60.0esr" == "60.0" in order).
type Version struct {
	// Nums holds major, minor and patch; missing ones are 0.
	Nums [3]int
	// Stage is 'a' (alpha, nightly), 'b' (beta) or 0 for a release.
	Stage byte
	// Pre is the alpha or beta number (the 10 of "64.0b10").
	Pre int
	// ESR reports an "esr" suffix.
	ESR bool
	// Raw is the string the version was parsed from.
	Raw string
}

// ParseVersion parses s. It fails on a string that is not a version, naming what was
// expected.
func ParseVersion(s string) (Version, error) {
	v := Version{Raw: s}
	rest := strings.TrimSuffix(s, "esr")
	v.ESR = len(rest) != len(s)
	for i := 0; i < 3; i++ {
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if j == 0 {
			return Version{}, fmt.Errorf("version %q: expected a number at %q", s, rest)
		}
		n, err := strconv.Atoi(rest[:j])
		if err != nil {
			return Version{}, fmt.Errorf("version %q: %v", s, err)
		}
		v.Nums[i] = n
		rest = rest[j:]
		if rest == "" || rest[0] != '.' {
			break
		}
		rest = rest[1:]
	}
	if rest == "" {
		return v, nil
	}
	if rest[0] != 'a' && rest[0] != 'b' {
		return Version{}, fmt.Errorf("version %q: expected '.', 'a', 'b' or \"esr\" at %q", s, rest)
	}
	v.Stage = rest[0]
	n, err := strconv.Atoi(rest[1:])
	if err != nil || n < 0 {
		return Version{}, fmt.Errorf("version %q: expected a pre-release number after %q", s, rest[:1])
	}
	v.Pre = n
	return v, nil
}

// MustParseVersion is ParseVersion for literals known to be valid; it panics on error.
func MustParseVersion(s string) Version {
	v, err := ParseVersion(s)
	if err != nil {
		panic(err)
	}
	return v
}

// Major returns the major version, the 64 of "64.0b10".
func (v Version) Major() int { return v.Nums[0] }

// Compare returns -1, 0 or +1 as v orders before, with or after w. A release orders
// after its alphas and betas; alphas order before betas.
func (v Version) Compare(w Version) int {
	for i := range v.Nums {
		if c := cmpInt(v.Nums[i], w.Nums[i]); c != 0 {
			return c
		}
	}
	if c := cmpInt(stageRank(v.Stage), stageRank(w.Stage)); c != 0 {
		return c
	}
	return cmpInt(v.Pre, w.Pre)
}

// Less reports whether v orders before w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

// String returns the version as it was written.
func (v Version) String() string { return v.Raw }

// CompareVersionStrings orders two version strings numerically; strings that do not
// parse order after every version, among themselves by byte order, so that sorting a
// column with stray values stays total and deterministic.
func CompareVersionStrings(a, b string) int {
	va, ea := ParseVersion(a)
	vb, eb := ParseVersion(b)
	switch {
	case ea == nil && eb == nil:
		if c := va.Compare(vb); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

func stageRank(s byte) int {
	switch s {
	case 'a':
		return 0
	case 'b':
		return 1
	}
	return 2
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
