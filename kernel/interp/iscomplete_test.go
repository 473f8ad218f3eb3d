package interp

import (
	"testing"

	"github.com/ratelab/ratelab/kernel/engine"
)

func TestIsComplete(t *testing.T) {
	cases := []struct {
		code   string
		status string
		indent string
	}{
		// Complete cells, including mixes of declarations and statements.
		{"x := 1", "complete", ""},
		{"", "complete", ""},
		{"fmt.Println(\"hi\")\n", "complete", ""},
		{"func f() {}", "complete", ""},
		{"import \"strings\"\nfunc f(s string) []string {\n\treturn strings.Fields(s)\n}\nf(\"a b\")", "complete", ""},
		{"package main\nimport \"fmt\"\nfunc main() { fmt.Println(1) }", "complete", ""},
		{"type T struct {\n\tA int\n}\nvar t T\nt.A++", "complete", ""},
		{"if x := 2; x > 1 {\n} else {\n}", "complete", ""},
		{"for i := 0; i < 3; i++ {\n\tx += i\n}", "complete", ""},
		{"switch x := f(); x {\ncase 1:\n}", "complete", ""},
		{"s := `a\nb`", "complete", ""},
		{"x := 1 // a trailing comment {", "complete", ""},
		{"/* a\nblock comment */ x := 1", "complete", ""},
		{"return", "complete", ""},

		// Magic lines are not Go; the Go around them is judged.
		{"%time x := 1", "complete", ""},
		{"  %env HOME", "complete", ""},
		{"%%time\nfor i := 0; i < 3; i++ {}", "complete", ""},
		{"%%time\nfor i := 0; i < 3; i++ {", "incomplete", "    "},
		{"%env A=1\nfunc f() {", "incomplete", "    "},
		{"x := 1\n%time y := 2\nfmt.Println(x)", "complete", ""},
		{"%time x := 1\n}", "invalid", ""},

		// Open brackets: the next line is indented one level past the opening line.
		{"func f() {", "incomplete", "    "},
		{"func f() {\n\tif true {", "incomplete", "        "},
		{"func f() {\n\tif true {\n\t}", "incomplete", "    "},
		{"xs := []int{", "incomplete", "    "},
		{"fmt.Println(", "incomplete", "    "},
		{"m := map[string]int{\n\t\"a\": 1,", "incomplete", "    "},
		{"f(func() {", "incomplete", "    "},
		{"    if x {", "incomplete", "        "},

		// Trailing operators, separators and keywords ask for more at the same indent.
		{"x := 1 +", "incomplete", ""},
		{"func f() {\n\ty := a &&", "incomplete", "    "},
		{"ok := a ||\n", "incomplete", ""},
		{"df.\n", "incomplete", ""},
		{"x :=", "incomplete", ""},
		{"s := `unfinished raw", "incomplete", ""},
		{"/* open comment", "incomplete", ""},

		// Invalid: no more input can fix these.
		{"x := )", "invalid", ""},
		{"}", "invalid", ""},
		{"f(]", "invalid", ""},
		{"s := \"unterminated", "invalid", ""},
		{"x := 1 1", "invalid", ""},
		{"if x\n{\n}", "invalid", ""},
		{"x := 'ab'", "invalid", ""},
	}
	for _, c := range cases {
		got := isComplete(c.code)
		want := engine.Completeness{Status: c.status, Indent: c.indent}
		if got != want {
			t.Errorf("isComplete(%q) = %+v, want %+v", c.code, got, want)
		}
	}
}

func TestTopLevelPieces(t *testing.T) {
	code := "import \"fmt\"\nfunc f() {\n\tfmt.Println(1)\n}\nx := 1; y := 2\nf()"
	got := topLevelPieces(code)
	want := []string{"import \"fmt\"", "func f() {\n\tfmt.Println(1)\n}", "x := 1", "y := 2", "f()"}
	if len(got) != len(want) {
		t.Fatalf("topLevelPieces = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("piece %d = %q, want %q", i, got[i], want[i])
		}
	}
}
