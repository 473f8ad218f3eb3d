package exportdata

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// TestEveryTableHasTypes loads every package of the archive and checks that each
// symbol the interpreter's tables offer has a type: a cell can then use nothing
// the checker does not know.
func TestEveryTableHasTypes(t *testing.T) {
	im := New(nil)
	paths := map[string]bool{}
	for _, p := range im.Paths() {
		paths[p] = true
		pkg, err := im.Import(p)
		if err != nil {
			t.Fatalf("import %s: %v", p, err)
		}
		if !pkg.Complete() || pkg.Path() != p {
			t.Errorf("import %s: got %q, complete %v", p, pkg.Path(), pkg.Complete())
		}
	}
	for key, table := range symbols.Symbols {
		i := strings.LastIndex(key, "/")
		if i < 0 {
			continue
		}
		path := key[:i]
		if !paths[path] {
			t.Errorf("no export data for %s, which the symbol tables offer", path)
			continue
		}
		pkg, _ := im.Import(path)
		for name := range table {
			if strings.HasPrefix(name, "_") { // yaegi's interface wrappers
				continue
			}
			if pkg.Scope().Lookup(name) == nil {
				t.Errorf("%s.%s is in the symbol table but not in the export data", path, name)
			}
		}
	}
}

func TestImportErrors(t *testing.T) {
	im := New(map[string]string{"display": "github.com/ratelab/ratelab/kernel/display"})
	if _, err := im.Import("no/such/pkg"); err == nil || !strings.Contains(err.Error(), "not built into ratelab") {
		t.Errorf("import of a missing package: %v", err)
	}
	p, err := im.Import("display")
	if err != nil || p.Name() != "display" || p.Scope().Lookup("HTML") == nil {
		t.Errorf("display alias: %v, %v", p, err)
	}
	if u, _ := im.Import("unsafe"); u == nil || u.Scope().Lookup("Pointer") == nil {
		t.Errorf("unsafe: %v", u)
	}
}

// TestArchiveFresh regenerates the archive and compares: a change to an offered
// package's API, or a new Go, makes it fail.
func TestArchiveFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating the export data builds every offered package; run without -short")
	}
	out := filepath.Join(t.TempDir(), "packages.zip")
	cmd := exec.Command("go", "run", "./gen", "-o", out)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run ./gen: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, archive) {
		t.Errorf("packages.zip is stale (run go generate ./kernel/interp/exportdata, or make generate)")
	}
}

func BenchmarkImportFmt(b *testing.B) {
	for b.Loop() {
		if _, err := New(nil).Import("fmt"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportDataframe(b *testing.B) {
	for b.Loop() {
		if _, err := New(nil).Import("github.com/go-gota/gota/dataframe"); err != nil {
			b.Fatal(err)
		}
	}
}
