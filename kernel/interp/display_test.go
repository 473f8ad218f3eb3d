package interp

import (
	"context"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/kernel/engine"
)

func TestDisplayFromCells(t *testing.T) {
	s := newSession(t)
	b, rec := run(t, s, `import (
	"display"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)
display.Markdown("# rates")
p := plot.New()
l, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 2}})
p.Add(l)
display.Plot(p)
h := display.New()
h.Show("loading")
h.Update("done")
dataframe.New(series.New([]int{1, 2, 3}, series.Int, "crashes"))`)
	if len(rec.displays) != 3 {
		t.Fatalf("%d displays, want 3", len(rec.displays))
	}
	if rec.displays[0].b.Data["text/markdown"] != "# rates" {
		t.Errorf("markdown: %v", rec.displays[0].b.Data)
	}
	if _, ok := rec.displays[1].b.Data["image/png"].(string); !ok {
		t.Errorf("plot: %v", rec.displays[1].b.Data["text/plain"])
	}
	if id := rec.displays[2].id; id == "" || len(rec.updates) != 1 || rec.updates[0].id != id || rec.updates[0].b.Data["text/plain"] != `"done"` {
		t.Errorf("handle: display id %q, updates %+v", id, rec.updates)
	}
	if b == nil || !strings.Contains(b.Data["text/html"].(string), "<th>crashes</th>") {
		t.Errorf("DataFrame result: %+v", b)
	}
	// A *plot.Plot as the cell's value shows as an image too.
	b, _ = run(t, s, "p")
	if _, ok := b.Data["image/png"]; !ok {
		t.Errorf("plot result: %v", b.Data["text/plain"])
	}
}

func TestCellTypesChooseTheirDisplay(t *testing.T) {
	s := newSession(t)
	b, _ := run(t, s, `type badge struct{ n int }
func (b badge) HTML() string { return "<b>" + string(rune('0'+b.n)) + "</b>" }
badge{7}`)
	if b == nil || b.Data["text/html"] != "<b>7</b>" {
		t.Errorf("HTML method of a cell type: %+v", b)
	}
	b, _ = run(t, s, `type named struct{}
func (named) String() string { return "I am named" }
named{}`)
	if plain(b) != "I am named" {
		t.Errorf("String method of a cell type: %q", plain(b))
	}
	b, rec := run(t, s, "import \"display\"\ndisplay.Show(badge{3})")
	if b != nil || len(rec.displays) != 1 || rec.displays[0].b.Data["text/html"] != "<b>3</b>" {
		t.Errorf("display.Show of a cell type: %+v", rec.displays)
	}
}

func TestProgressFromCell(t *testing.T) {
	for _, plainMode := range []bool{false, true} {
		s, err := New(Options{Plain: plainMode})
		if err != nil {
			t.Fatal(err)
		}
		_, rec := run(t, s, `import "display"
bar := display.Progress(50, "sims")
for range 50 { bar.Add(1) }
bar.Done()`)
		s.Close()
		if plainMode {
			if n := strings.Count(rec.out(), "\n"); n != 10 || len(rec.displays) != 0 {
				t.Errorf("plain: %d lines, %d displays:\n%s", n, len(rec.displays), rec.out())
			}
			continue
		}
		if len(rec.displays) != 1 || len(rec.updates) == 0 || rec.out() != "" {
			t.Errorf("rich: %d displays, %d updates, stdout %q", len(rec.displays), len(rec.updates), rec.out())
			continue
		}
		if last := rec.updates[len(rec.updates)-1]; last.id != rec.displays[0].id || !strings.Contains(last.b.Data["text/plain"].(string), "50/50") {
			t.Errorf("last update %+v", last)
		}
	}
}

func TestInput(t *testing.T) {
	s := newSession(t)
	rec := &recorder{inputs: []string{"Ada", "42"}}
	b, e := s.Execute(context.Background(), `import ("display"; "fmt")
name, err := display.Input("name? ")
var n int
fmt.Scanln(&n)
fmt.Sprint(name, " ", n+1, " ", err)`, rec)
	if e != nil {
		t.Fatal(e.Value)
	}
	if plain(b) != `"Ada 43 <nil>"` || rec.prompts[0] != "name? " {
		t.Errorf("result %q, prompts %q", plain(b), rec.prompts)
	}
	// With no stdin the cell gets engine.ErrNoStdin.
	b, _ = run(t, s, `_, err = display.Input("again? ")
err.Error()`)
	if !strings.Contains(plain(b), engine.ErrNoStdin.Error()) {
		t.Errorf("no stdin: %q", plain(b))
	}
}
