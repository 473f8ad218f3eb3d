package interp

import (
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/ratelab/ratelab/kernel/engine"
)

// The family of constant expressions is in testdata/corpus/const_exact.go (and
// const_iota.go), compared with go run in every corpus mode. These tests cover
// what a program cannot show: a cell's result, constants across cells, and what
// happens where no literal can be written.

// TestConstantResults checks a cell's result against the value compiled Go
// computes for the same constant expression, formatted as fmt formats it.
func TestConstantResults(t *testing.T) {
	const third32 float32 = 1.0 / 3
	const u = 1.0 / 3
	s := newSession(t)
	run(t, s, "const third32 float32 = 1.0 / 3\nconst u = 1.0 / 3\ntype Level int\nconst (\n\tLow Level = iota * 10\n\tHigh\n)")
	for _, c := range []struct {
		cell string
		want any
	}{
		{"third32", third32},
		{"float64(third32)", float64(third32)},
		{"float32(1) / 3 * 3", float32(1) / 3 * 3},
		{"u", u},
		{"1.0 / 3", 1.0 / 3},
		{"u*3 == 1", u*3 == 1},
		{"u == 0.3333333333333333", u == 0.3333333333333333},
		{"float64(float32(0.1)) * 3", float64(float32(0.1)) * 3},
		{"complex64(complex(u, -u))", complex64(complex(u, -u))},
		{"High", 10},
		{"1 << 100 >> 98", 1 << 100 >> 98},
		{"len(string(rune(0x1F600)))", len(string(rune(0x1F600)))},
	} {
		b, _ := run(t, s, c.cell)
		if got, want := plain(b), fmt.Sprint(c.want); got != want {
			t.Errorf("cell %q shows %s, Go computes %s", c.cell, got, want)
		}
	}
}

// TestConstantOfRedeclaredType checks that a float constant whose type a later
// cell declared again, which no literal can name, is refused with the reason,
// not computed by the interpreter unrounded; an integer one runs.
func TestConstantOfRedeclaredType(t *testing.T) {
	s := newSession(t)
	run(t, s, "type P float32\nconst p P = 1.0 / 3\ntype N int\nconst n N = 7 / 2")
	run(t, s, "type P float64\ntype N int64")
	e, _ := fail(t, s, "x := p\nx")
	if msg := errorText(e); !strings.Contains(msg, "constant p needs type P of an earlier cell, which was declared again since") || !strings.Contains(msg, "line 1, column 6") {
		t.Errorf("refusal: %s", msg)
	}
	b, _ := run(t, s, "n + 0")
	if got := plain(b); got != "3" {
		t.Errorf("n + 0 shows %q, want 3", got)
	}
}

// TestConstantOfCompiledTypeWithoutSymbols checks constants of vg.Length, an
// alias of font.Length, whose package the session has no symbols for: the
// front end cannot name the type, so it leaves these float64 constants to the
// interpreter, which computes them as Go does.
func TestConstantOfCompiledTypeWithoutSymbols(t *testing.T) {
	s := newSession(t)
	b, _ := run(t, s, "import \"gonum.org/v1/plot/vg\"\nvar w vg.Length = 2\nw += 4*vg.Inch + vg.Inch/3\nfloat64(w)")
	if got, want := plain(b), fmt.Sprint(float64(vg.Length(2)+4*vg.Inch+vg.Inch/3)); got != want {
		t.Errorf("w shows %s, Go computes %s", got, want)
	}
}

// TestConstantErrorPositions checks that errors in cells whose constants were
// rewritten still point at the user's line and column.
func TestConstantErrorPositions(t *testing.T) {
	s := newSession(t)
	e, _ := fail(t, s, "const third float32 = 1.0 / 3\nvar small int8 = third * 3 << 7")
	if msg := errorText(e); !strings.Contains(msg, "line 2, column 18") {
		t.Errorf("compile error: %s", msg)
	}
	e, _ = fail(t, s, `func pick(i int) float32 {
	const scale float32 = 1.0 / 3
	xs := []float32{scale, 2 * scale}
	return xs[i] * scale
}
pick(5)`)
	if msg := errorText(e); !strings.Contains(msg, "index out of range") || !strings.Contains(msg, "func pick, lines 2–4") || !strings.Contains(msg, "line 6, column 1") {
		t.Errorf("runtime error: %s", msg)
	}
}

// errorText is e's message and traceback.
func errorText(e *engine.Error) string {
	return strings.Join(append([]string{e.Value}, e.Traceback...), "\n")
}

// An enumeration, its constants and its String method in one cell, as most Go
// code writes them: the constants split the cell's declarations, and the type's
// printers were compiled before yaegi knew String ("undefined selector: String").
func TestEnumerationInOneCell(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type Level int\n\nconst (\n\tLow Level = iota\n\tHigh\n)\n\nfunc (l Level) String() string {\n\tif l == High {\n\t\treturn \"high\"\n\t}\n\treturn \"low\"\n}\n")
	prints(t, s, "fmt.Println(Low, High)\nvar x any = High\nfmt.Printf(\"%v %d\\n\", x, High)", "low high\nhigh 1\n")
}

// The same with a variable of the type, or one its String method reads, after
// the type: the variable splits the cell's declarations as the constants did.
func TestStringerWithVariablesInOneCell(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type Color int\n\nvar names = []string{\"red\", \"green\"}\n\nfunc (c Color) String() string { return names[c] }\n")
	run(t, s, "type Level struct{ n int }\n\nvar Low = Level{1}\n\nfunc (l Level) String() string {\n\tif l == Low {\n\t\treturn \"low\"\n\t}\n\treturn \"other\"\n}\n")
	prints(t, s, "fmt.Println(Color(1), Low, Level{2})", "green low other\n")
}
