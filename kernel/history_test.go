package kernel

import (
	"fmt"
	"path/filepath"
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
	}
	for _, c := range cases {
		if got := globMatch([]rune(c.pat), []rune(c.s)); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v", c.pat, c.s, got)
		}
	}
}
