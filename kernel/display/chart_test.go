package display

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"

	"github.com/ratelab/ratelab/kernel/display/chartjs"
)

// chartSpecIn extracts the spec a chart's text/html carries.
func chartSpecIn(t *testing.T, h string) chartSpec {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/json" data-rlc-spec="[^"]+">([^<]*)</script>`).FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("no chart spec in the HTML:\n%.500s", h)
	}
	var s chartSpec
	if err := json.Unmarshal([]byte(m[1]), &s); err != nil {
		t.Fatalf("chart spec: %v", err)
	}
	return s
}

func TestChartBundle(t *testing.T) {
	r := use(t, Options{})
	c := &Chart{Title: "crashes", XLabel: "day", Series: []Series{
		{Name: "rate", Kind: Line, X: []float64{0, 1, 2}, Y: []float64{1, math.NaN(), 3}, Tooltip: []string{"a", "b", "c"}},
	}}
	Show(c)
	Show(c)
	if len(r.displays) != 2 {
		t.Fatalf("%d displays, want 2", len(r.displays))
	}
	first, second := r.displays[0].Data, r.displays[1].Data
	for _, mime := range []string{"text/html", "image/png", "text/plain"} {
		if _, ok := first[mime]; !ok {
			t.Errorf("chart bundle lacks %s: %v", mime, keys(first))
		}
	}
	if _, ok := first[chartjs.MIMEType]; ok {
		t.Errorf("the spec stays in the bundle beside the HTML that carries it")
	}
	h1, h2 := first["text/html"].(string), second["text/html"].(string)
	lib := chartjs.Library()
	if strings.Count(h1, lib) != 1 || strings.Contains(h2, lib) {
		t.Errorf("the library should travel with the first chart of an output only (first: %d, second: %d)",
			strings.Count(h1, lib), strings.Count(h2, lib))
	}
	if !strings.Contains(h1, `<img src="data:image/png;base64,`+first["image/png"].(string)+`"`) {
		t.Error("the HTML does not hold the static PNG for viewers that run no script")
	}
	spec := chartSpecIn(t, h1)
	items := spec.Views[0].Items
	if len(items) != 2 || items[0].Kind != "line" || items[1].Kind != "hover" {
		t.Fatalf("items: %+v", items)
	}
	if !math.IsNaN(items[0].Y[1]) && items[0].Y[1] != 0 {
		t.Errorf("a NaN y should travel as null (a gap), got %v", items[0].Y[1])
	}
	if got := items[1].Text[2]; got != "rate\nday: 2\nrate: 3\nc" {
		t.Errorf("tooltip %q", got)
	}

	// A new output (the next cell) carries the library again.
	r2 := use(t, Options{})
	Show(c)
	if !strings.Contains(r2.displays[0].Data["text/html"].(string), lib) {
		t.Error("the first chart of a new output does not carry the library")
	}
}

func TestChartRendersTheSameTwice(t *testing.T) {
	c := &Chart{Series: []Series{{Name: "n", Kind: Scatter, X: []float64{1, 2}, Y: []float64{3, 4}}}}
	use(t, Options{})
	a, _ := Render(c)
	use(t, Options{})
	b, _ := Render(c)
	if a.Data["text/html"] != b.Data["text/html"] {
		t.Error("the same chart renders differently: re-executed notebooks would change")
	}
}

func TestFrameChart(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"58.0", "59.0"}, series.String, "release"),
		series.New([]float64{3.5, 4}, series.Float, "rate"),
		series.New([]int{6, 9}, series.Int, "events"),
	)
	c, err := FrameChart(Bar, df, "release", []string{"rate"}, "events")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Categories, ",") != "58.0,59.0" || c.Series[0].Tooltip[1] != "events: 9" {
		t.Errorf("chart %+v", c)
	}
	spec := c.spec(mustPlot(t, c))
	if got := spec.Views[0].X.Ticks; len(got) != 2 || got[1].Label != "59.0" {
		t.Errorf("category ticks %v", got)
	}

	times := dataframe.New(series.New([]string{"2018-03-13T14:00:00Z", "2018-03-13T20:00:00Z"}, series.String, "t"), series.New([]float64{1, 2}, series.Float, "y"))
	if c, err := FrameChart(Line, times, "t", []string{"y"}); err != nil || !c.TimeX || c.Series[0].X[0] != 1520949600 {
		t.Errorf("time column: %+v, %v", c, err)
	}

	for _, bad := range []struct {
		x  string
		ys []string
		tt []string
	}{{"nope", []string{"rate"}, nil}, {"release", []string{"release"}, nil}, {"release", nil, nil}, {"release", []string{"rate"}, []string{"nope"}}} {
		if _, err := FrameChart(Line, df, bad.x, bad.ys, bad.tt...); err == nil {
			t.Errorf("FrameChart(%q, %q, %q) accepted", bad.x, bad.ys, bad.tt)
		}
	}
}

func TestChartRefusesBadSeries(t *testing.T) {
	for _, c := range []*Chart{
		{},
		{Series: []Series{{Kind: Line, X: []float64{1}, Y: nil}}},
		{Series: []Series{{Kind: "pie", X: []float64{1}, Y: []float64{1}}}},
		{Series: []Series{{Kind: Line, X: []float64{1}, Y: []float64{1}, Tooltip: []string{}}}},
	} {
		b, _ := Render(c)
		if !strings.Contains(b.Data["text/plain"].(string), "MIMEBundle: display.Chart:") {
			t.Errorf("%+v rendered as %v", c, b.Data["text/plain"])
		}
	}
}

func mustPlot(t *testing.T, c *Chart) *plot.Plot {
	t.Helper()
	p, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
