package interp

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// completionTestOutput collects what cells print, for failure messages.
type completionTestOutput struct {
	mu   sync.Mutex
	text strings.Builder
}

func (o *completionTestOutput) Stream(_, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.text.WriteString(text)
}
func (o *completionTestOutput) Display(engine.Bundle, string) {}
func (o *completionTestOutput) Update(engine.Bundle, string)  {}
func (o *completionTestOutput) Clear(bool)                    {}
func (o *completionTestOutput) Input(string, bool) (string, error) {
	return "", engine.ErrNoStdin
}

// sessionWith starts a session and runs cells in it, failing on the first error.
func sessionWith(t testing.TB, cells ...string) *Session {
	t.Helper()
	s, err := New(Options{NoCapture: true})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	for _, cell := range cells {
		var out completionTestOutput
		if _, e := s.Execute(context.Background(), cell, &out); e != nil {
			t.Fatalf("cell %q: %v\n%s", cell, e, out.text.String())
		}
	}
	return s
}

// completeAtEnd completes code with the cursor at its end.
func completeAtEnd(s *Session, code string) engine.Completion {
	return s.Complete(code, utf8.RuneCountInString(code))
}

// checkMatches checks that every match starts with prefix, that the matches are
// sorted and that they include want.
func checkMatches(t *testing.T, c engine.Completion, prefix string, want ...string) {
	t.Helper()
	if !slices.IsSorted(c.Matches) {
		t.Errorf("matches not sorted: %q", c.Matches)
	}
	if len(c.Types) != len(c.Matches) {
		t.Fatalf("%d types for %d matches", len(c.Types), len(c.Matches))
	}
	for i, m := range c.Matches {
		if !strings.HasPrefix(m, prefix) {
			t.Errorf("match %q does not start with %q", m, prefix)
		}
		if c.Types[i].Text != m || c.Types[i].Start != c.CursorStart || c.Types[i].End != c.CursorEnd {
			t.Errorf("type %+v does not describe match %q at [%d,%d]", c.Types[i], m, c.CursorStart, c.CursorEnd)
		}
	}
	for _, w := range want {
		if !slices.Contains(c.Matches, w) {
			t.Errorf("matches %q lack %q", c.Matches, w)
		}
	}
}

// typeOf returns the completion type of match m.
func typeOf(c engine.Completion, m string) engine.CompletionType {
	for _, ct := range c.Types {
		if ct.Text == m {
			return ct
		}
	}
	return engine.CompletionType{}
}

func TestCompletePackageMembers(t *testing.T) {
	s := sessionWith(t, `import "strings"`)
	c := completeAtEnd(s, "x := strings.Sp")
	checkMatches(t, c, "Sp", "Split", "SplitAfter", "SplitAfterN", "SplitN")
	if c.CursorStart != 13 || c.CursorEnd != 15 {
		t.Errorf("cursor = [%d,%d], want [13,15]", c.CursorStart, c.CursorEnd)
	}
	if ct := typeOf(c, "Split"); ct.Type != "function" || ct.Signature != "(s, sep string) []string" {
		t.Errorf("Split type = %+v, want function (s, sep string) []string", ct)
	}

	// Types, constants and variables of a package, all members after a bare dot.
	c = completeAtEnd(s, "strings.")
	checkMatches(t, c, "", "Builder", "Reader", "Split", "ToUpper")
	if c.CursorStart != 8 {
		t.Errorf("cursor start = %d, want 8", c.CursorStart)
	}
	if ct := typeOf(c, "Builder"); ct.Type != "type" {
		t.Errorf("Builder type = %+v, want type", ct)
	}
	c = completeAtEnd(s, "math.Ma")
	if ct := typeOf(c, "MaxInt64"); ct.Type != "const" {
		t.Errorf("math.MaxInt64 = %+v, want const", ct)
	}
	c = completeAtEnd(s, "os.Std")
	checkMatches(t, c, "Std", "Stderr", "Stdin", "Stdout")
	if ct := typeOf(c, "Stdout"); ct.Type != "variable" || ct.Signature != "*os.File" {
		t.Errorf("os.Stdout = %+v, want variable *os.File", ct)
	}

	// The cursor counts Unicode code points, not bytes.
	code := "s := \"héllo → wörld\"; strings.ToU"
	c = completeAtEnd(s, code)
	checkMatches(t, c, "ToU", "ToUpper", "ToUpperSpecial")
	if want := utf8.RuneCountInString(code) - 3; c.CursorStart != want {
		t.Errorf("cursor start = %d, want %d (runes)", c.CursorStart, want)
	}

	// The cursor in the middle of a line completes what precedes it.
	code = "strings.Sp(x) + 1"
	c = s.Complete(code, 10)
	checkMatches(t, c, "Sp", "Split")
	if c.CursorStart != 8 || c.CursorEnd != 10 {
		t.Errorf("cursor = [%d,%d], want [8,10]", c.CursorStart, c.CursorEnd)
	}
}

func TestCompleteBuiltinPackages(t *testing.T) {
	s := sessionWith(t)
	for _, tc := range []struct{ code, prefix, want string }{
		{"stat.Me", "Me", "Mean"},
		{"dataframe.Lo", "Lo", "LoadRecords"},
		{"distuv.No", "No", "Normal"},
		{"floats.Su", "Su", "Sum"},
	} {
		checkMatches(t, completeAtEnd(s, tc.code), tc.prefix, tc.want)
	}
	c := completeAtEnd(s, "analysis.")
	if len(c.Matches) == 0 {
		t.Fatalf("analysis. completes to nothing")
	}
	checkMatches(t, c, "")

	// Package names themselves, by their last path element.
	c = completeAtEnd(s, "x := strin")
	checkMatches(t, c, "strin", "strings")
	if ct := typeOf(c, "strings"); ct.Type != "package" {
		t.Errorf("strings = %+v, want package", ct)
	}
	checkMatches(t, completeAtEnd(s, "datafr"), "datafr", "dataframe")
	checkMatches(t, completeAtEnd(s, "analy"), "analy", "analysis")
}

func TestCompleteSessionNames(t *testing.T) {
	s := sessionWith(t,
		"revenue := 3.5",
		"const releases = 4",
		"func Helper(n int) string { return \"\" }",
		"type Release struct{ Name string }",
	)
	c := completeAtEnd(s, "x := rev")
	checkMatches(t, c, "rev", "revenue")
	if ct := typeOf(c, "revenue"); ct.Type != "variable" || ct.Signature != "float64" {
		t.Errorf("revenue = %+v, want variable float64", ct)
	}
	c = completeAtEnd(s, "rel")
	if ct := typeOf(c, "releases"); ct.Type != "const" {
		t.Errorf("releases = %+v, want const", ct)
	}
	c = completeAtEnd(s, "Hel")
	if ct := typeOf(c, "Helper"); ct.Type != "function" || ct.Signature != "(n int) string" {
		t.Errorf("Helper = %+v, want function (n int) string", ct)
	}
	c = completeAtEnd(s, "var r Rel")
	if ct := typeOf(c, "Release"); ct.Type != "type" {
		t.Errorf("Release = %+v, want type", ct)
	}
	// Go's own names.
	c = completeAtEnd(s, "ret")
	if ct := typeOf(c, "return"); ct.Type != "keyword" {
		t.Errorf("return = %+v, want keyword", ct)
	}
	c = completeAtEnd(s, "xs = app")
	if ct := typeOf(c, "append"); ct.Type != "function" {
		t.Errorf("append = %+v, want function", ct)
	}
}

func TestCompleteImportsAndRedeclarations(t *testing.T) {
	s := sessionWith(t,
		`import mr "math/rand"`,
		"func helper(a, b string) bool { return a == b }",
		"type Rec struct{ A int }",
		"type Rec struct{ B string }",
		"r := Rec{B: \"x\"}",
	)
	// An import's own name; crypto/rand, first by path, has no Intn.
	checkMatches(t, completeAtEnd(s, "mr.Int"), "Int", "Intn", "Int63")
	if c := completeAtEnd(s, "rand.Intn"); len(c.Matches) != 0 {
		t.Errorf("rand.Intn without importing math/rand: %q", c.Matches)
	}
	s2 := sessionWith(t, `import "math/rand"`, `import "display"`)
	checkMatches(t, completeAtEnd(s2, "rand.Int"), "Int", "Intn")
	// The display helpers, imported by their short path.
	checkMatches(t, completeAtEnd(s2, "display.HT"), "HT", "HTML")

	// Unexported functions come from the cells' source, with parameter names.
	c := completeAtEnd(s, "hel")
	if ct := typeOf(c, "helper"); ct.Type != "function" || ct.Signature != "(a, b string) bool" {
		t.Errorf("helper = %+v, want function (a, b string) bool", ct)
	}
	// A type declared again keeps its name; the session's renamed copy is hidden.
	c = completeAtEnd(s, "Re")
	checkMatches(t, c, "Re", "Rec")
	for _, m := range c.Matches {
		if strings.HasPrefix(m, "Rec_") {
			t.Errorf("completion shows the session's internal type name %q", m)
		}
	}
	checkMatches(t, completeAtEnd(s, "r."), "", "B")
	// The session's own names (its runtime, prelude types) stay out of sight.
	for _, m := range completeAtEnd(s, "_").Matches {
		t.Errorf("completion of _ shows %q", m)
	}
}

func TestCompleteCellBeingTyped(t *testing.T) {
	s := sessionWith(t)
	code := "import str \"strings\"\nthreshold := 0.5\nfunc score(x float64) bool { return x > threshold }\nvar limit int\n"
	c := completeAtEnd(s, code+"sc")
	if ct := typeOf(c, "score"); ct.Type != "function" || ct.Signature != "(x float64) bool" {
		t.Errorf("score = %+v, want function (x float64) bool", ct)
	}
	checkMatches(t, completeAtEnd(s, code+"x := thr"), "thr", "threshold")
	if ct := typeOf(completeAtEnd(s, code+"li"), "limit"); ct.Type != "variable" || ct.Signature != "int" {
		t.Errorf("limit = %+v, want variable int", ct)
	}
	checkMatches(t, completeAtEnd(s, code+"str.Trim"), "Trim", "TrimSpace")
}

// TestCompleteCellTypes completes members of variables the cell being typed declares,
// from the static type of what they are set to.
func TestCompleteCellTypes(t *testing.T) {
	s := sessionWith(t, `import (
	"net/url"
	"strings"
)`)
	cell := `r := strings.NewReader("abc")
u, err := url.Parse("https://example.org")
q := u.Query()
b := &strings.Builder{}
var sb strings.Builder
opts := url.URL{Scheme: "https"}
x := y.F()
y := x.G()
`
	for _, tc := range []struct{ code, prefix, want string }{
		{"r.Re", "Re", "ReadByte"},
		{"u.Ho", "Ho", "Host"},
		{"q.Ge", "Ge", "Get"},
		{"b.Wr", "Wr", "WriteString"},
		{"sb.Wr", "Wr", "WriteString"},
		{"opts.Ho", "Ho", "Host"},
		{"u.Query().En", "En", "Encode"},
	} {
		checkMatches(t, completeAtEnd(s, cell+tc.code), tc.prefix, tc.want)
	}
	// err's type is not told by the call's first result; x and y refer to each other.
	for _, code := range []string{"err.", "x.", "y."} {
		if c := completeAtEnd(s, cell+code); len(c.Matches) != 0 {
			t.Errorf("Complete(%q) = %q, want none", code, c.Matches)
		}
	}
	// Parameters of the function being typed and of a literal inside it, and the
	// variables declared in their bodies.
	fn := "func first(u *url.URL, parts []string) string {\n\tfor _, p := range parts {\n\t\tfunc(sb strings.Builder, f func(int) int) {\n\t\t\t"
	fn += "q := u.Query()\n\t\t\t"
	for _, tc := range []struct{ code, prefix, want string }{
		{"u.Ho", "Ho", "Host"},
		{"sb.Wr", "Wr", "WriteString"},
		{"q.Ge", "Ge", "Get"},
	} {
		checkMatches(t, completeAtEnd(s, fn+tc.code), tc.prefix, tc.want)
	}
	if ct := typeOf(completeAtEnd(s, fn+"par"), "parts"); ct.Type != "variable" || ct.Signature != "[]string" {
		t.Errorf("parts = %+v, want variable []string", ct)
	}
	// Outside the function its parameters are gone.
	if ct := typeOf(completeAtEnd(s, fn+"}\n}\n}\npar"), "parts"); ct.Text != "" {
		t.Errorf("parts completes after its function: %+v", ct)
	}

	plain, _ := inspectText(t, s, cell+"r", len(cell)+1, 0)
	checkContains(t, "r", plain, "var r *strings.Reader", "A Reader implements")
}

func TestCompleteValueMembers(t *testing.T) {
	s := sessionWith(t,
		`import (
	"net/url"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)`,
		`df := dataframe.New(series.New([]int{1, 2, 3}, series.Int, "crashes"))`,
		`var b strings.Builder`,
		`u, _ := url.Parse("https://example.org/a")`,
		`type point struct{ X, Y float64; label string }`,
		`p := point{X: 1}`,
		`type holder struct{ U *url.URL }`,
		`h := holder{U: u}`,
	)
	c := completeAtEnd(s, "df.N")
	checkMatches(t, c, "N", "Ncol", "Nrow", "Names")
	if ct := typeOf(c, "Nrow"); ct.Type != "method" || ct.Signature != "() int" {
		t.Errorf("df.Nrow = %+v, want method () int", ct)
	}
	checkMatches(t, completeAtEnd(s, "df."), "", "Col", "Filter", "Nrow", "Select")

	// Pointer methods of an addressable variable.
	c = completeAtEnd(s, "b.Wr")
	checkMatches(t, c, "Wr", "WriteString", "WriteByte")
	if ct := typeOf(c, "WriteString"); ct.Signature != "(s string) (int, error)" {
		t.Errorf("b.WriteString = %+v, want signature (s string) (int, error)", ct)
	}

	// Fields of a pointer to a compiled struct, and of a struct a cell declared.
	c = completeAtEnd(s, "u.Ho")
	checkMatches(t, c, "Ho", "Host")
	if ct := typeOf(c, "Host"); ct.Type != "field" || ct.Signature != "string" {
		t.Errorf("u.Host = %+v, want field string", ct)
	}
	c = completeAtEnd(s, "p.")
	checkMatches(t, c, "", "X", "Y")
	if slices.Contains(c.Matches, "label") {
		t.Errorf("p. offers unexported field label: %q", c.Matches)
	}

	// A chain of fields.
	checkMatches(t, completeAtEnd(s, "h.U.Pa"), "Pa", "Path")

	// Results of method and package function calls, by their static type.
	c = completeAtEnd(s, `x := df.Col("crashes").M`)
	checkMatches(t, c, "M", "Max", "Mean", "Median", "Min")
	if ct := typeOf(c, "Mean"); ct.Type != "method" || ct.Signature != "() float64" {
		t.Errorf("Mean = %+v, want method () float64", ct)
	}
	checkMatches(t, completeAtEnd(s, `df.Col(")").`), "", "Float", "Name")
	checkMatches(t, completeAtEnd(s, `df.Filter(dataframe.F{Colname: "crashes", Comparator: series.Greater, Comparando: 1}).Nr`), "Nr", "Nrow")
	checkMatches(t, completeAtEnd(s, `strings.NewReader("x").Re`), "Re", "ReadByte", "ReadRune")
	checkMatches(t, completeAtEnd(s, `u.Query().`), "", "Encode", "Get")

	// Nothing to complete after what cannot be typed statically, inside strings and comments.
	for _, code := range []string{"undefinedFunc().", "xs[0].", "df.NoSuchMethod().", "s := \"strings.Sp", "// strings.Sp", "/* df.N"} {
		if c := completeAtEnd(s, code); len(c.Matches) != 0 {
			t.Errorf("Complete(%q) = %q, want none", code, c.Matches)
		}
	}
}

func TestCompleteStructLiteralKeys(t *testing.T) {
	s := sessionWith(t, `import "net/url"`)
	for _, code := range []string{
		"u := url.URL{Sch",
		"u := url.URL{Host: \"example.org\", Sch",
		"u := url.URL{\n\tHost: \"example.org\",\n\tSch",
		"f(url.URL{Sch",
	} {
		c := completeAtEnd(s, code)
		checkMatches(t, c, "Sch", "Scheme")
		if ct := typeOf(c, "Scheme"); ct.Type != "field" || ct.Signature != "string" {
			t.Errorf("Complete(%q): Scheme = %+v, want field string", code, ct)
		}
	}
	// A value position, or a literal of no struct type, offers no fields.
	for _, code := range []string{"u := url.URL{Host: Sch", "xs := []string{Sch", "u := url.URL{Host: f(Sch"} {
		if ct := typeOf(completeAtEnd(s, code), "Scheme"); ct.Text != "" {
			t.Errorf("Complete(%q) offers field Scheme", code)
		}
	}
}

func TestCompleteMagics(t *testing.T) {
	s := sessionWith(t)
	c := completeAtEnd(s, "x := 1\n%ti")
	checkMatches(t, c, "%ti", "%time")
	if c.CursorStart != 7 || typeOf(c, "%time").Type != "magic" {
		t.Errorf("%%ti completes to %+v, want %%time from 7", c)
	}
	checkMatches(t, completeAtEnd(s, "%%t"), "%%t", "%%time")
	checkMatches(t, completeAtEnd(s, "%"), "%", "%env", "%help", "%reset", "%time")
}

func TestCompleteImportPath(t *testing.T) {
	s := sessionWith(t)
	code := "import (\n\t\"fmt\"\n\t\"gonum.org/v1/gonum/st"
	c := completeAtEnd(s, code)
	checkMatches(t, c, "gonum.org/v1/gonum/st", "gonum.org/v1/gonum/stat", "gonum.org/v1/gonum/stat/distuv")
	if want := utf8.RuneCountInString(code) - len("gonum.org/v1/gonum/st"); c.CursorStart != want {
		t.Errorf("cursor start = %d, want %d", c.CursorStart, want)
	}
	checkMatches(t, completeAtEnd(s, `import "strc`), "strc", "strconv")
}

func BenchmarkComplete(b *testing.B) {
	s := sessionWith(b,
		`import (
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)`,
		`df := dataframe.New(series.New([]int{1, 2, 3}, series.Int, "crashes"))`,
	)
	for _, code := range []string{"analysis.", "df.N", "strings.Sp", "x := re"} {
		b.Run(code, func(b *testing.B) {
			for b.Loop() {
				if c := completeAtEnd(s, code); len(c.Matches) == 0 {
					b.Fatalf("no completions for %q", code)
				}
			}
		})
	}
}

// BenchmarkPackageIndex measures what the first completion of a session pays once:
// indexing the symbol tables with their docs (decoded once per process, before).
func BenchmarkPackageIndex(b *testing.B) {
	builtinPackages()
	for b.Loop() {
		newPackageIndex(symbols.Symbols)
	}
}

// TestCompleteWhileRunning completes and inspects while a cell runs: the answers
// come at once, from the scope as it was before the cell. The cell is released by a
// channel, not interrupted, so that the test also runs under the race detector.
func TestCompleteWhileRunning(t *testing.T) {
	s := sessionWith(t, "ready := make(chan bool)", "release := make(chan bool)", "total := 42")
	checkMatches(t, completeAtEnd(s, "tot"), "tot", "total")
	done := make(chan *engine.Error)
	go func() {
		_, e := s.Execute(context.Background(), "later := 1\nready <- true\n<-release", &completionTestOutput{})
		done <- e
	}()
	values := s.scope().values
	<-values["ready"].Interface().(chan bool)
	checkMatches(t, completeAtEnd(s, "tot"), "tot", "total")
	checkMatches(t, completeAtEnd(s, "strings.Sp"), "Sp", "Split")
	if _, found := s.Inspect("total", 5, 0); !found {
		t.Errorf("Inspect(total) while a cell runs found nothing")
	}
	values["release"].Interface().(chan bool) <- true
	if e := <-done; e != nil {
		t.Fatalf("cell: %v", e)
	}
	checkMatches(t, completeAtEnd(s, "lat"), "lat", "later")
}
