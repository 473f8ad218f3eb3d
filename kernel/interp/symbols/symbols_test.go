package symbols

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// tables lists the committed z_*.go files.
func tables(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "z_*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	sort.Strings(files)
	return files
}

// TestTablesListed checks, quickly, that every package the generator lists has a
// committed table and no table is left for a package it no longer lists.
func TestTablesListed(t *testing.T) {
	out, err := exec.Command("go", "run", "./gen", "-list").Output()
	if err != nil {
		t.Fatalf("go run ./gen -list: %v", err)
	}
	var want []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(l)
		want = append(want, f[len(f)-1])
	}
	sort.Strings(want)
	if got := tables(t, "."); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbol tables are stale (run go generate ./kernel/interp/symbols):\ncommitted: %v\nlisted:    %v", got, want)
	}
}

// TestTablesFresh regenerates every table into a temporary directory and
// compares: a change to a listed package's API, or a new Go, makes it fail.
func TestTablesFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating every symbol table takes minutes; run without -short")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./gen", "-o", dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run ./gen: %v", err)
	}
	got, want := tables(t, "."), tables(t, dir)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("symbol tables are stale (run go generate ./kernel/interp/symbols):\ncommitted: %v\ngenerated: %v", got, want)
	}
	for _, f := range want {
		a, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s is stale (run go generate ./kernel/interp/symbols)", f)
		}
	}
}
