package kernel

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHistorySessionsAndLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "h.db")
	for s := 1; s <= 3; s++ {
		h, err := OpenHistory(path, 5)
		if err != nil {
			t.Fatal(err)
		}
		if h.Session() != s {
			t.Fatalf("session = %d, want %d", h.Session(), s)
		}
		for line := 1; line <= 3; line++ {
			if err := h.Store(line, fmt.Sprintf("s%d l%d", s, line), nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	h, _ := OpenHistory(path, 5)
	all, err := h.Tail(0, false)
	if err != nil {
		t.Fatal(err)
	}
	// 9 cells stored, the newest 5 kept, oldest first.
	var got []string
	for _, e := range all {
		got = append(got, e.Input)
	}
	want := []string{"s2 l2", "s2 l3", "s3 l1", "s3 l2", "s3 l3"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	// Re-storing a line (same session and count) replaces it and keeps the bound.
	h.Store(1, "a", nil)
	h.Store(1, "b", nil)
	all, _ = h.Tail(0, false)
	if len(all) != 5 || all[4].Input != "b" || all[4].Session != 4 {
		t.Errorf("after re-store: %+v", all)
	}
}

func TestGlobMatch(t *testing.T) {
	cases := []struct {
		pat, s string
		want   bool
	}{
		{"*", "", true},
		{"a*", "abc", true},
		{"*c", "abc", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"*b*", "a\nb\nc", true},
		{"fmt.*(*)", "fmt.Println(1)", true},
		{"x/*", "x/y/z", true},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYbZ", false},
		{"ABC", "abc", false}, // GLOB is case-sensitive
		{"héllo?", "héllo!", true},
		{"6 *", "6 * 7", true}, // a star in the pattern is a wildcard, also where the text has one
		{"6*", "6 * 7", true},
		{"[a-c]x", "bx", true},
		{"[^a-c]x", "bx", false},
		{"[]]", "]", true},
		{"[a", "[a", false}, // an unterminated set matches nothing
	}
	for _, c := range cases {
		if got := compileGlob(c.pat).match(c.s); got != c.want {
			t.Errorf("glob %q on %q = %v", c.pat, c.s, got)
		}
	}
}

// TestGlobAgainstSQLite compares glob with SQLite's own GLOB (Debian's sqlite3)
// on generated patterns and texts made of wildcards, set syntax and plain
// characters, so that a literal equal to a wildcard, sets, ranges and stars next
// to each other are all exercised.
func TestGlobAgainstSQLite(t *testing.T) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatalf("sqlite3 (Debian's sqlite3, installed by make test) is needed to check history search: %v", err)
	}
	rng := rand.New(rand.NewPCG(10, 9))
	const alphabet = "ab6 7*?[]^-é"
	chars := []rune(alphabet)
	gen := func(max int) string {
		n := rng.IntN(max + 1)
		r := make([]rune, n)
		for i := range r {
			r[i] = chars[rng.IntN(len(chars))]
		}
		return string(r)
	}
	type pair struct{ pat, s string }
	var pairs []pair
	// Half the texts are made from their pattern (wildcards filled in), so that
	// many match and near misses are common.
	fill := func(pat string) string {
		var b strings.Builder
		for _, c := range pat {
			switch c {
			case '*':
				b.WriteString(gen(2))
			case '?':
				b.WriteString(gen(1) + "x")
			default:
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	for i := 0; i < 3000; i++ {
		pat := gen(6)
		pairs = append(pairs, pair{pat, gen(8)}, pair{pat, fill(pat)})
	}
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	var script strings.Builder
	for _, p := range pairs {
		fmt.Fprintf(&script, "SELECT %s GLOB %s;\n", quote(p.s), quote(p.pat))
	}
	cmd := exec.Command(sqlite, ":memory:")
	cmd.Stdin = strings.NewReader(script.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sqlite3: %v", err)
	}
	got := strings.Fields(string(out))
	if len(got) != len(pairs) {
		t.Fatalf("sqlite3 answered %d lines for %d queries", len(got), len(pairs))
	}
	matches, bad := 0, 0
	for i, p := range pairs {
		want := got[i] == "1"
		if want {
			matches++
		}
		if compileGlob(p.pat).match(p.s) != want {
			if bad++; bad <= 10 {
				t.Errorf("glob %q on %q: SQLite says %v", p.pat, p.s, want)
			}
		}
	}
	if matches < 200 {
		t.Errorf("only %d of %d generated pairs match: the generator tests too little", matches, len(pairs))
	}
}
