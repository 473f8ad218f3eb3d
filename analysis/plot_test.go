package analysis

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// checkPNG decodes b as a PNG and checks its size in pixels.
func checkPNG(t *testing.T, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Errorf("PNG is %v pixels, want %dx%d", got, w, h)
	}
}

func renderPlot(t *testing.T, p *plot.Plot) {
	t.Helper()
	wt, err := p.WriterTo(8*vg.Inch, 5*vg.Inch, "png")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Fatalf("plot does not render to a PNG: %v", err)
	}
}

// launch is a release's first days: exposure ramps up, so the first points have
// little of it.
func launch() (days []float64, rates []Rate) {
	for i := range 20 {
		kh := 200*(1-math.Exp(-float64(i)/4)) + 0.2
		days = append(days, float64(i))
		rates = append(rates, Rate{Events: int64(2.2*kh + 0.5), KHours: kh})
	}
	rates[12] = Rate{} // a window with no data at all
	return days, rates
}

func TestRateSeries(t *testing.T) {
	days, rates := launch()
	rule := ExposureRule{MinEvents: 10, MinKHours: 5}
	pts, err := RateSeries(days, rates, 0.9, rule)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pts {
		r := rates[i]
		if r.KHours == 0 {
			if !math.IsNaN(p.Value) || !math.IsNaN(p.Lo) || !math.IsNaN(p.Hi) || !p.Low {
				t.Errorf("point %d with no exposure: %+v, want NaN rate and interval, flagged low", i, p)
			}
			continue
		}
		lo, hi, _ := r.Interval(0.9)
		if p.X != days[i] || p.Value != r.Value() || p.Lo != lo || p.Hi != hi || p.Low != rule.Low(r) {
			t.Errorf("point %d = %+v; want x %g, rate %g [%g, %g], low %v", i, p, days[i], r.Value(), lo, hi, rule.Low(r))
		}
	}
	if !pts[0].Low || pts[19].Low {
		t.Errorf("day 0 (%v) low = %v, day 19 (%v) low = %v; want the launch day flagged and the last day not",
			rates[0], pts[0].Low, rates[19], pts[19].Low)
	}
	if _, err := RateSeries(days, rates, 90, rule); err == nil || !strings.Contains(err.Error(), "write 0.9") {
		t.Errorf("RateSeries at level 90: %v, want an error", err)
	}
	if _, err := RateSeries(days[:3], rates, 0.9, rule); err == nil {
		t.Error("RateSeries with 3 x values for 20 rates: no error")
	}
}

func TestPlotDerivedDirect(t *testing.T) {
	days, rates := launch()
	f, err := PlotDerivedDirectDays("main crashes after release", days, rates)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, b, 8*pngDPI, 5*pngDPI)
	if svg := f.SVG(); !strings.Contains(svg, "<svg") || !strings.Contains(svg, "usage") {
		t.Errorf("SVG() does not look like the figure: %.200q", svg)
	}
	// The rate panel's axis stops above the well-exposed intervals, not at the
	// launch day's very wide one.
	rate := f.Plots[0][0]
	pts, _ := DerivedDirect{Days: days, Rates: rates}.Series()
	if top := rateTop(pts); rate.Y.Max != top || top > 3 {
		t.Errorf("rate axis top = %g (rateTop %g); want it near the settled rate 2.2", rate.Y.Max, top)
	}

	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	times := make([]time.Time, len(days))
	for i, d := range days {
		times[i] = start.Add(time.Duration(d*24) * time.Hour)
	}
	f, err = PlotDerivedDirect("by date", times, rates)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
	if pts, _ := (DerivedDirect{Times: times, Rates: rates}).Series(); pts[1].X != float64(start.Unix()+86400) {
		t.Errorf("x of the second time point = %g, want Unix seconds %d", pts[1].X, start.Unix()+86400)
	}

	if _, err := PlotDerivedDirectDays("", days[:3], rates); err == nil || !strings.Contains(err.Error(), "3 time points for 20 rates") {
		t.Errorf("mismatched lengths: error %v", err)
	}
	if _, err := PlotDerivedDirectDays("", nil, nil); err == nil {
		t.Errorf("no points: no error")
	}
}

func TestPlotReleases(t *testing.T) {
	var bars []ReleaseBar
	for i, rel := range []string{"148.0", "149.0", "150.0"} {
		for j, os := range []string{"Windows", "Mac", "Linux"} {
			kh := []float64{5000, 800, 3}[j]
			bars = append(bars, ReleaseBar{Release: rel, Platform: os, Rate: Rate{Events: int64(kh * (2 + 0.1*float64(i))), KHours: kh}})
		}
	}
	rb := ReleaseBars{Bars: bars}
	releases, platforms, pts, err := rb.Layout()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(releases, " ") != "148.0 149.0 150.0" || strings.Join(platforms, " ") != "Windows Mac Linux" {
		t.Errorf("Layout order: releases %v, platforms %v", releases, platforms)
	}
	for i, p := range pts {
		lo, hi, _ := p.Rate.Interval(0.95)
		wantX := float64(i/3) + float64(i%3-1)*0.8/3
		if math.Abs(p.X-wantX) > 1e-12 || p.Value != p.Rate.Value() || p.Lo != lo || p.Hi != hi || p.Low != (p.Platform == "Linux") {
			t.Errorf("bar %d = %+v; want x %g, rate %g [%g, %g], low only on Linux (3 kh, 6 events)", i, p, wantX, p.Rate.Value(), lo, hi)
		}
	}
	p, err := PlotReleases("main crashes by release", bars)
	if err != nil {
		t.Fatal(err)
	}
	renderPlot(t, p)
	// The legend sits above every whisker.
	if maxHi := pts[2].Hi; !(p.Y.Max > maxHi) {
		t.Errorf("y axis top %g is not above the highest whisker %g", p.Y.Max, maxHi)
	}
	if _, err := PlotReleases("", []ReleaseBar{{Release: "1", Rate: Rate{Events: 1}}}); err == nil || !strings.Contains(err.Error(), `release "1"`) {
		t.Errorf("bar without exposure: error %v", err)
	}
	single, err := PlotReleases("", []ReleaseBar{{Release: "1", Rate: Rate{Events: 100, KHours: 50}}, {Release: "2", Rate: Rate{Events: 90, KHours: 50}}})
	if err != nil {
		t.Fatal(err)
	}
	renderPlot(t, single)
}

func TestPlotFunnel(t *testing.T) {
	labels := []string{"high", "low", "tiny", "none"}
	rates := []Rate{{Events: 400, KHours: 100}, {Events: 100, KHours: 100}, {Events: 1, KHours: 0.1}, {}}
	for i := range 12 {
		labels = append(labels, string(rune('a'+i)))
		rates = append(rates, Rate{Events: int64(200 + 3*(i-6)), KHours: 100})
	}
	p, err := PlotFunnel("builds", labels, rates)
	if err != nil {
		t.Fatal(err)
	}
	renderPlot(t, p)
	f, err := NewFunnel(rates)
	if err != nil {
		t.Fatal(err)
	}
	curves, err := f.Curves(0.05, 200, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(curves) != 2 || curves[0].Level != 0.95 || curves[1].Level != 0.998 {
		t.Fatalf("Curves levels: %+v", curves)
	}
	for _, c := range curves {
		if c.KHours[0] != 0.05 || math.Abs(c.KHours[49]-200) > 1e-9 {
			t.Errorf("curve %g spans %g..%g kh, want 0.05..200", c.Level, c.KHours[0], c.KHours[49])
		}
		for i, T := range c.KHours {
			lo, hi := limits(t, f, T, c.Level)
			if c.Lo[i] != lo || c.Hi[i] != hi {
				t.Errorf("curve %g at %g kh: [%g, %g], Limits says [%g, %g]", c.Level, T, c.Lo[i], c.Hi[i], lo, hi)
			}
		}
	}
	if _, err := PlotFunnel("", []string{"x"}, []Rate{{}}); err == nil {
		t.Errorf("funnel of groups without exposure: no error")
	}
	if _, err := PlotFunnel("", []string{"x"}, nil); err == nil {
		t.Errorf("funnel with 1 label for 0 rates: no error")
	}
}

// TestFigureString: text/plain for a figure is one deterministic line naming its
// title, panels, grid and size.
func TestFigureString(t *testing.T) {
	f := &Figure{Plots: [][]*plot.Plot{{plot.New(), plot.New()}, {plot.New()}}}
	if got, want := f.String(), "<figure: 3 panels in a 2×2 grid, 8×5 in>"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	f = &Figure{Title: "Crash rates", Width: 10 * vg.Inch, Height: 4 * vg.Inch, Plots: [][]*plot.Plot{{plot.New(), nil}}}
	if got, want := f.String(), `<figure "Crash rates": 1 panel in a 1×2 grid, 10×4 in>`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if f.String() != f.String() {
		t.Error("String() is not deterministic")
	}
}
