package interp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/interp/docs"
)

// inspectText inspects code at cursor and returns the text/plain and text/markdown
// parts, failing when nothing is found.
func inspectText(t *testing.T, s *Session, code string, cursor, detail int) (plain, md string) {
	t.Helper()
	b, found := s.Inspect(code, cursor, detail)
	if !found {
		t.Fatalf("Inspect(%q, %d, %d) found nothing", code, cursor, detail)
	}
	plain, _ = b.Data["text/plain"].(string)
	md, _ = b.Data["text/markdown"].(string)
	return plain, md
}

func checkContains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func TestInspectPackageSymbol(t *testing.T) {
	s := sessionWith(t, `import "strings"`)
	decl := "func Split(s, sep string) []string"
	doc := "Split slices s into all substrings separated by sep"

	// On the name, just after it, inside the call's parentheses and among its arguments.
	for _, code := range []string{"strings.Split", "strings.Split(", `x := strings.Split("a,b", `} {
		plain, md := inspectText(t, s, code, utf8.RuneCountInString(code), 0)
		checkContains(t, "text/plain of "+code, plain, decl, doc)
		checkContains(t, "text/markdown of "+code, md, "```go\n"+decl+"\n```", doc)
	}
	plain, _ := inspectText(t, s, "strings.Split(x)", 10, 0) // cursor inside "Split"
	checkContains(t, "text/plain", plain, decl)

	// The short form keeps the first paragraph; the long one has the rest.
	short, _ := inspectText(t, s, "strings.Split", 13, 0)
	long, _ := inspectText(t, s, "strings.Split", 13, 1)
	if len(long) <= len(short) || strings.Contains(short, "To split around the first instance") {
		t.Errorf("detail 1 adds nothing to detail 0:\nshort: %s\nlong: %s", short, long)
	}
	checkContains(t, "long form", long, "To split around the first instance")

	// A type: its method set at detail level 1; a method of it.
	long, _ = inspectText(t, s, "strings.Builder", 15, 1)
	checkContains(t, "strings.Builder", long, "type Builder struct", "Methods:",
		"func (b *Builder) WriteString(s string) (int, error)")
	plain, _ = inspectText(t, s, "strings.Builder.Len", 19, 0)
	checkContains(t, "strings.Builder.Len", plain, "func (b *Builder) Len() int")

	// A package.
	plain, _ = inspectText(t, s, "strings", 3, 0)
	checkContains(t, "strings", plain, `import "strings"`, "Package strings implements simple functions")

	// A package variable shows its value too.
	plain, _ = inspectText(t, s, "math.MaxInt8", 12, 0)
	checkContains(t, "math.MaxInt8", plain, "MaxInt8")
	plain, _ = inspectText(t, s, "io.EOF", 6, 0)
	checkContains(t, "io.EOF", plain, "var EOF = errors.New(\"EOF\")", "Value: ", "EOF is the error returned by Read")

	// Go's predeclared names.
	plain, _ = inspectText(t, s, "xs = append(", 12, 0)
	checkContains(t, "append", plain, "func append(slice []Type, elems ...Type) []Type", "The append built-in function appends elements")
	plain, _ = inspectText(t, s, "var e error", 11, 0)
	checkContains(t, "error", plain, "type error interface", "The error built-in interface type")

	for _, code := range []string{"nosuchname", "strings.NoSuchFunc", "", "1 + 2", "// strings.Split", `s := "strings.Split`} {
		if _, found := s.Inspect(code, utf8.RuneCountInString(code), 0); found {
			t.Errorf("Inspect(%q) found something", code)
		}
	}
}

func TestInspectSessionValues(t *testing.T) {
	s := sessionWith(t,
		`import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)`,
		`xs := []int{1, 2, 3}`,
		`big := make([]float64, 100000)`,
		`df := dataframe.New(series.New([]int{1, 2, 3}, series.Int, "crashes"))`,
		`var err error = nil`,
		"// Double returns twice x.\nfunc Double(x int) int { return 2 * x }",
		"// A Release is one version in the field.\ntype Release struct{ Name string }",
		`type Table struct { Name string; Rows [][]float64; Index map[string]int; next *Table }`,
		`rows := make([][]float64, 1000000)`,
		`for i := range rows { rows[i] = []float64{float64(i), 2} }`,
		`tbl := &Table{Name: "crashes", Rows: rows, Index: map[string]int{"b": 2, "a": 1}}`,
	)
	plain, _ := inspectText(t, s, "xs", 2, 0)
	checkContains(t, "xs", plain, "var xs []int", "Value: [1 2 3]")

	plain, _ = inspectText(t, s, "sum(big)", 6, 0)
	checkContains(t, "big", plain, "var big []float64", "(len 100000)")
	if len(plain) > 2*shortPreview {
		t.Errorf("preview of a 100000-element slice is %d bytes long", len(plain))
	}

	plain, _ = inspectText(t, s, "df", 1, 0)
	checkContains(t, "df", plain, "var df dataframe.DataFrame", "crashes", "DataFrame is a data structure")
	long, _ := inspectText(t, s, "df", 1, 1)
	checkContains(t, "df, long", long, "Methods:", "Nrow() int")

	// Methods and fields of session values, and of what calls return.
	plain, _ = inspectText(t, s, "n := df.Nrow()", 10, 0)
	checkContains(t, "df.Nrow", plain, "func (df DataFrame) Nrow() int", "Nrow returns the number of rows on a DataFrame.")
	code := `df.Col("crashes").Mean(`
	plain, _ = inspectText(t, s, code, len(code), 0)
	checkContains(t, "Mean", plain, "func (s Series) Mean() float64", "Mean calculates the average value of a series")

	plain, _ = inspectText(t, s, "err", 3, 0)
	checkContains(t, "err", plain, "var err error", "Value: nil")

	// A big nested value is cut, quickly: its first rows, map keys in order.
	plain, _ = inspectText(t, s, "tbl", 3, 0)
	checkContains(t, "tbl", plain, `&{Name:"crashes" Rows:[[0 2] [1 2] [2 2]`, "(len 1000000)", `Index:map["a":1 "b":2]`)
	plain, _ = inspectText(t, s, "tbl.Name", 7, 0)
	checkContains(t, "tbl.Name", plain, "var tbl.Name string", `Value: "crashes"`)

	plain, _ = inspectText(t, s, "Double(3)", 8, 0)
	checkContains(t, "Double", plain, "func Double(x int) int", "Double returns twice x.")
	plain, _ = inspectText(t, s, "var r Release", 10, 0)
	checkContains(t, "Release", plain, "type Release struct{ Name string }", "A Release is one version in the field.")

	// What the cell being typed declares, before it runs.
	code = "// half is a half.\nconst half = 0.5\nfunc twice(x int) int { return 2 * x }\ntwice(3)"
	plain, _ = inspectText(t, s, code, len(code)-2, 0)
	checkContains(t, "twice", plain, "func twice(x int) int")
	plain, _ = inspectText(t, s, code, 27, 0)
	checkContains(t, "half", plain, "const half = 0.5", "half is a half.")
}

func TestInspectExamples(t *testing.T) {
	pd, ok := docs.Lookup("github.com/ratelab/ratelab/analysis")
	if !ok {
		t.Fatal("package analysis is not documented")
	}
	var sym docs.Symbol
	for _, sy := range pd.Symbols {
		if sy.Kind == docs.Func && len(sy.Examples) > 0 {
			sym = sy
			break
		}
	}
	if sym.Name == "" {
		t.Fatal("no function of package analysis has an example")
	}
	s := sessionWith(t)
	code := "analysis." + sym.Name
	short, _ := inspectText(t, s, code, len(code), 0)
	long, md := inspectText(t, s, code, len(code), 1)
	firstLine := strings.SplitN(sym.Examples[0].Code, "\n", 2)[0]
	checkContains(t, "long form of "+code, long, sym.Decl, "Example", firstLine)
	checkContains(t, "markdown of "+code, md, "```go\n"+sym.Examples[0].Code)
	if strings.Contains(short, firstLine) {
		t.Errorf("short form of %s shows the example", code)
	}
}
