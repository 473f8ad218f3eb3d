package docs

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFresh regenerates the docs file and compares it with the embedded one. Building
// the generator links every package cells can import: 2 s with a warm build cache,
// 15-30 s after a change to one of them, so -short skips it.
func TestFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: regenerating the docs builds every symbol-table package")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH: cannot regenerate the docs")
	}
	out := filepath.Join(t.TempDir(), "docs.json.gz")
	cmd := exec.Command("go", "run", "./gen", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, b)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, compressed) {
		t.Errorf("docs.json.gz is stale (packages %v differ): run go generate ./kernel/interp/docs after the symbol tables",
			changedPackages(t, compressed, fresh))
	}
}

// changedPackages lists the paths of the packages two docs files document differently.
func changedPackages(t *testing.T, old, new []byte) []string {
	a, err := Decode(old)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(new)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	for _, p := range a.Packages {
		j, _ := json.Marshal(p)
		docs[p.Path] = string(j)
	}
	var changed []string
	for _, p := range b.Packages {
		j, _ := json.Marshal(p)
		if docs[p.Path] != string(j) {
			changed = append(changed, p.Path)
		}
		delete(docs, p.Path)
	}
	for path := range docs {
		changed = append(changed, path+" (gone)")
	}
	return changed
}

func TestLookup(t *testing.T) {
	p, ok := Lookup("strings")
	if !ok {
		t.Fatal(`Lookup("strings") found nothing`)
	}
	if p.Name != "strings" || !strings.HasPrefix(p.Doc, "Package strings implements simple functions") {
		t.Errorf("strings package = %q, doc %.60q", p.Name, p.Doc)
	}
	for _, tc := range []struct {
		name, kind, decl, doc string
	}{
		{"Split", Func, "func Split(s, sep string) []string", "Split slices s into all substrings separated by sep"},
		{"Builder", Type, "type Builder struct {\n\t// contains filtered or unexported fields\n}", "A Builder is used to efficiently build a string"},
		{"Builder.WriteString", Method, "func (b *Builder) WriteString(s string) (int, error)", "WriteString appends the contents of s"},
	} {
		s, ok := p.Symbol(tc.name)
		if !ok {
			t.Errorf("strings.%s not documented", tc.name)
			continue
		}
		if s.Kind != tc.kind || s.Decl != tc.decl || !strings.HasPrefix(s.Doc, tc.doc) {
			t.Errorf("strings.%s = %+v, want kind %s, decl %q, doc starting %q", tc.name, s, tc.kind, tc.decl, tc.doc)
		}
	}
	if ms := p.Methods("Builder"); len(ms) < 5 || ms[0].Kind != Method || !strings.HasPrefix(ms[0].Name, "Builder.") {
		t.Errorf("strings.Builder methods = %+v", ms)
	}

	// Constants and variables, grouped or not; unexported names are never documented.
	m, _ := Lookup("math")
	if s, ok := m.Symbol("Pi"); !ok || s.Kind != Const || !strings.Contains(s.Decl, "Pi") {
		t.Errorf("math.Pi = %+v", s)
	}
	o, _ := Lookup("os")
	if s, ok := o.Symbol("Stdout"); !ok || s.Kind != Var || !strings.Contains(s.Decl, "Stdout = NewFile") {
		t.Errorf("os.Stdout = %+v", s)
	}
	for _, s := range o.Symbols {
		if first := strings.SplitN(s.Name, ".", 2); !token.IsExported(first[0]) || !token.IsExported(first[len(first)-1]) {
			t.Errorf("os documents unexported %s", s.Name)
		}
	}

	// Third-party packages, and methods of their types.
	df, ok := Lookup("github.com/go-gota/gota/dataframe")
	if !ok {
		t.Fatal("gota's dataframe is not documented")
	}
	if s, ok := df.Symbol("DataFrame.Nrow"); !ok || s.Decl != "func (df DataFrame) Nrow() int" {
		t.Errorf("DataFrame.Nrow = %+v", s)
	}

	// A path of no package of its own matches a documented path by its tail, unless
	// several do.
	if p, ok := Lookup("gota/dataframe"); !ok || p != df {
		t.Errorf(`Lookup("gota/dataframe") = %v, %v; want gota's dataframe`, p, ok)
	}
	if p, ok := Lookup("rand"); ok {
		t.Errorf(`Lookup("rand") = %s, want no match (crypto/rand and math/rand)`, p.Path)
	}
}

// BenchmarkDecode measures the one-time cost of the first Lookup.
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(compressed); err != nil {
			b.Fatal(err)
		}
	}
}
