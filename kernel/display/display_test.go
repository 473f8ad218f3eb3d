package display

import (
	"encoding/base64"
	"image"
	"image/color"
	"strings"
	"sync"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/ratelab/ratelab/kernel/engine"
)

type recorder struct {
	mu       sync.Mutex
	stdout   strings.Builder
	displays []engine.Bundle
	ids      []string
	updates  []engine.Bundle
	clears   []bool
}

func (r *recorder) Stream(_, text string) { r.mu.Lock(); r.stdout.WriteString(text); r.mu.Unlock() }
func (r *recorder) Display(b engine.Bundle, id string) {
	r.mu.Lock()
	r.displays = append(r.displays, b)
	r.ids = append(r.ids, id)
	r.mu.Unlock()
}
func (r *recorder) Update(b engine.Bundle, _ string) {
	r.mu.Lock()
	r.updates = append(r.updates, b)
	r.mu.Unlock()
}
func (r *recorder) Clear(wait bool)                        { r.clears = append(r.clears, wait) }
func (r *recorder) Input(p string, _ bool) (string, error) { return "answer to " + p, nil }

func use(t *testing.T, o Options) *recorder {
	r := &recorder{}
	SetOutput(r, o)
	t.Cleanup(func() { SetOutput(nil, Options{}) })
	return r
}

func TestRenderFrame(t *testing.T) {
	df := dataframe.New(series.New([]string{"<b>", "x&y"}, series.String, "name"), series.New([]int{1, 2}, series.Int, "n"))
	b, ok := Render(df)
	if !ok {
		t.Fatal("DataFrame not rendered")
	}
	h := b.Data["text/html"].(string)
	for _, want := range []string{"<th>name</th>", "<td>&lt;b&gt;</td>", "<td>x&amp;y</td>", "<small>int</small>", "2 rows × 2 columns"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q:\n%s", want, h)
		}
	}
	if p := b.Data["text/plain"].(string); !strings.Contains(p, "[2x2] DataFrame") {
		t.Errorf("text/plain %q", p)
	}
}

func TestRenderBigFrameElides(t *testing.T) {
	n := make([]int, 1000)
	for i := range n {
		n[i] = i
	}
	b, _ := Render(dataframe.New(series.New(n, series.Int, "i")))
	h := b.Data["text/html"].(string)
	_, body, _ := strings.Cut(h, "<tbody>")
	if rows := strings.Count(body, "<tr>"); rows != 2*headRows+1 {
		t.Errorf("%d body rows, want %d", rows, 2*headRows+1)
	}
	for _, want := range []string{"<th>9</th>", "<th>…</th>", "<th>990</th>", "<td>999</td>", "1000 rows × 1 columns"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(h, "<td>500</td>") {
		t.Error("middle row shown")
	}
}

func TestRenderPlot(t *testing.T) {
	p := plot.New()
	p.Title.Text = "rates"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	use(t, Options{})
	b, _ := Render(p)
	png, err := base64.StdEncoding.DecodeString(b.Data["image/png"].(string))
	if err != nil || !strings.HasPrefix(string(png), "\x89PNG") {
		t.Errorf("image/png is not a base64 PNG (%v)", err)
	}
	if _, ok := b.Data["image/svg+xml"]; ok {
		t.Error("SVG without being asked")
	}
	use(t, Options{SVG: true})
	b, _ = Render(p)
	if svg, _ := b.Data["image/svg+xml"].(string); !strings.Contains(svg, "<svg") {
		t.Error("no SVG when asked")
	}
}

type rich struct{}

func (rich) HTML() string     { return "<i>r</i>" }
func (rich) Markdown() string { return "*r*" }
func (rich) JSON() any        { return map[string]int{"r": 1} }
func (rich) String() string   { return "rich!" }

func TestRenderMethods(t *testing.T) {
	b, _ := Render(rich{})
	want := map[string]any{"text/html": "<i>r</i>", "text/markdown": "*r*", "text/plain": "rich!"}
	for k, v := range want {
		if b.Data[k] != v {
			t.Errorf("%s = %v, want %v", k, b.Data[k], v)
		}
	}
	if _, ok := b.Data["application/json"].(map[string]int); !ok {
		t.Error("no application/json")
	}
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(0, 0, color.White)
	b, _ = Render(img)
	if b.Data["text/plain"] != "<image 3×2>" || b.Data["image/png"] == nil {
		t.Errorf("image: %v", b.Data["text/plain"])
	}
	for v, want := range map[any]string{"a\"b": `"a\"b"`, 3.5: "3.5", true: "true"} {
		if b, _ := Render(v); b.Data["text/plain"] != want {
			t.Errorf("Render(%v) = %v, want %s", v, b.Data["text/plain"], want)
		}
	}
	if _, ok := Render(nil); ok {
		t.Error("nil rendered")
	}
}

func TestHelpers(t *testing.T) {
	r := use(t, Options{})
	HTML("<p>")
	Markdown("# t")
	SVG("<svg/>")
	JSON([]int{1})
	Clear(true)
	h := New()
	h.Show(1)
	h.Update(2)
	if len(r.displays) != 5 || r.displays[0].Data["text/html"] != "<p>" || r.displays[1].Data["text/markdown"] != "# t" ||
		r.displays[2].Data["image/svg+xml"] != "<svg/>" || r.ids[4] != h.ID || len(h.ID) != 32 {
		t.Errorf("displays %+v ids %v", r.displays, r.ids)
	}
	if len(r.updates) != 1 || r.updates[0].Data["text/plain"] != "2" || len(r.clears) != 1 || !r.clears[0] {
		t.Errorf("updates %+v clears %v", r.updates, r.clears)
	}
	if s, err := Input("name? "); err != nil || s != "answer to name? " {
		t.Errorf("Input = %q, %v", s, err)
	}
}

func TestProgressRich(t *testing.T) {
	r := use(t, Options{})
	p := Progress(1000, "sims")
	for range 1000 {
		p.Add(1)
	}
	p.Done()
	if len(r.displays) != 1 {
		t.Fatalf("%d displays, want 1", len(r.displays))
	}
	// Redraws are throttled: the loop above takes far less than 100 ms per step.
	if n := len(r.updates); n < 1 || n > 20 {
		t.Errorf("%d updates for 1000 steps", n)
	}
	last := r.updates[len(r.updates)-1]
	if txt := last.Data["text/plain"].(string); !strings.Contains(txt, "sims [####################] 1000/1000 (100%)") {
		t.Errorf("final text %q", txt)
	}
	if h := last.Data["text/html"].(string); !strings.Contains(h, `<progress value="1000" max="1000"`) {
		t.Errorf("final html %q", h)
	}
}

func TestProgressPlain(t *testing.T) {
	r := use(t, Options{Plain: true})
	p := Progress(20, "rows")
	for range 20 {
		p.Add(1)
	}
	p.Done()
	lines := strings.Split(strings.TrimSpace(r.stdout.String()), "\n")
	if len(lines) != 10 || !strings.HasPrefix(lines[9], "rows [####################] 20/20 (100%)") || !strings.HasPrefix(lines[0], "rows [##..................] 2/20 (10%)") {
		t.Errorf("plain lines:\n%s", r.stdout.String())
	}
	if len(r.displays)+len(r.updates) != 0 {
		t.Error("rich output in plain mode")
	}
}

// figure has rich forms and pointer fields but no String method, as analysis.Figure.
type figure struct{ panel *int }

func (*figure) SVG() string { return "<svg/>" }

func TestRenderRichWithoutStringNamesItsForms(t *testing.T) {
	b, _ := Render(&figure{panel: new(int)})
	if got, want := b.Data["text/plain"], "<*display.figure: image/svg+xml>"; got != want {
		t.Errorf("text/plain = %q, want %q (no pointer addresses)", got, want)
	}
}

// TestProgressUpdateAndFinish: a bar driven by Update shows the caller's status
// beside the fraction, is indeterminate while the total is unknown, and is full
// once finished.
func TestProgressUpdateAndFinish(t *testing.T) {
	r := use(t, Options{})
	p := Progress(0, "load x.csv")
	p.Update(500, 0, "500 B, 10 rows")
	if h := r.displays[0].Data["text/html"].(string); strings.Contains(h, "value=") {
		t.Errorf("unknown total: %q", h)
	}
	p.Finish("20 rows, 1.0 kB in 0.1 s (10.0 kB/s)")
	last := r.updates[len(r.updates)-1]
	if txt := last.Data["text/plain"].(string); txt != "load x.csv [####################] 100% 20 rows, 1.0 kB in 0.1 s (10.0 kB/s)" {
		t.Errorf("finished: %q", txt)
	}
	q := Progress(0, "load y.csv")
	q.Update(250, 1000, "250 B of 1.0 kB")
	q.Done()
	last = r.updates[len(r.updates)-1]
	if txt := last.Data["text/plain"].(string); txt != "load y.csv [#####...............] 25% 250 B of 1.0 kB" {
		t.Errorf("known total: %q", txt)
	}
}
