package interp

import "testing"

// TestTopLevelHeaders: the semicolons of a for, if or switch header at a cell's
// top level are the statement's, not ends of statements — each cell prints
// what the same statements print in a program's main.
func TestTopLevelHeaders(t *testing.T) {
	for _, stmts := range []string{
		"n := 0\nfor i := 0; ; i++ {\n\tif i == 3 {\n\t\tbreak\n\t}\n\tn += i\n}\nfmt.Println(n)",
		"k := 0\nfor ; k < 4; {\n\tk += 3\n}\nfmt.Println(k)",
		"for ;; {\n\tfmt.Println(\"once\")\n\tbreak\n}",
		"if v, ok := map[string]int{\"a\": 1}[\"a\"]; ok {\n\tfmt.Println(v)\n}",
		"switch x := 2; {\ncase x > 1:\n\tfmt.Println(\"big\")\n}",
		"for i, s := 0, []int{4, 5}; i < len(s); i++ { fmt.Println(s[i]) }; fmt.Println(\"after\")",
	} {
		want, _, _ := goRun(t, "package main\n\nimport \"fmt\"\n\nfunc main() {\n"+stmts+"\n}\n")
		s := newSession(t)
		run(t, s, `import "fmt"`)
		got, stderr, e := runCell(s, stmts)
		if e != nil || got != want || stderr != "" {
			t.Errorf("cell %q: printed %q (stderr %q, error %v), go run printed %q", stmts, got, stderr, e, want)
		}
	}
}
