package analysis

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// specView is what the tests read of a chart spec's view.
type specView struct {
	Name  string
	Y     struct{ Label string }
	Items []struct {
		Kind  string
		Text  []string
		Rects [][4]float64
	}
}

// chartSpec renders c's bundle and decodes its spec.
func chartSpec(t *testing.T, c *Chart) (spec struct {
	Active int
	Views  []specView
}) {
	t.Helper()
	b, err := c.MIMEBundle()
	if err != nil {
		t.Fatal(err)
	}
	png, ok := b["image/png"].([]byte)
	if !ok {
		t.Fatal("no PNG in the chart's bundle")
	}
	checkPNG(t, png, 880, 550)
	raw, err := json.Marshal(b["application/vnd.ratelab.chart+json"])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	return spec
}

// hoverTexts lists the tooltips of view v.
func hoverTexts(v specView) []string {
	var out []string
	for _, it := range v.Items {
		if it.Kind == "hover" {
			out = append(out, it.Text...)
		}
	}
	return out
}

func TestDerivedDirectChart(t *testing.T) {
	start := time.Date(2018, 3, 13, 12, 0, 0, 0, time.UTC)
	times := []time.Time{start, start.Add(6 * time.Hour)}
	rates := []Rate{{Events: 6, KHours: 0.167}, {Events: 40, KHours: 5}}
	c, err := DerivedDirect{Title: "59.0", Measure: "main crashes", Times: times, Rates: rates, Window: 6 * time.Hour, Show: "count"}.Chart()
	if err != nil {
		t.Fatal(err)
	}
	spec := chartSpec(t, c)
	var names []string
	for _, v := range spec.Views {
		names = append(names, v.Name)
	}
	if strings.Join(names, ",") != "rate,count,usage" || spec.Active != 1 {
		t.Fatalf("views %v, active %d; want rate,count,usage with count first", names, spec.Active)
	}
	if spec.Views[1].Y.Label != "main crashes (count)" {
		t.Errorf("count view's y axis: %q", spec.Views[1].Y.Label)
	}
	tip := hoverTexts(spec.Views[0])[0]
	// R: poisson.test(6, 0.167)$conf.int = 13.17, 78.20
	for _, want := range []string{"window: Mar 13 12:00 – Mar 13 18:00 UTC", "6 main crashes over 0.167 k usage hours", "rate: 35.9 per 1000 usage hours", "95% exact interval: 13.2 – 78.2", "low exposure"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip lacks %q:\n%s", want, tip)
		}
	}
	if _, err := (DerivedDirect{Times: times, Rates: rates, Show: "ratio"}).Chart(); err == nil {
		t.Error("an unknown view to show was accepted")
	}
}

func TestFunnelAndBarsChartsNameWhatIsHovered(t *testing.T) {
	labels := []string{"20180301 Linux", "20180302 Mac", "20180303 Windows"}
	rates := []Rate{{Events: 30, KHours: 3}, {Events: 5, KHours: 2}, {Events: 900, KHours: 100}}
	fc, err := FunnelChart("nightlies", labels, rates)
	if err != nil {
		t.Fatal(err)
	}
	tips := strings.Join(hoverTexts(chartSpec(t, fc).Views[0]), "\n")
	for _, l := range labels {
		if !strings.Contains(tips, l+"\n") {
			t.Errorf("no tooltip names group %q", l)
		}
	}
	bc, err := ReleaseBars{Measure: "main crashes", Bars: []ReleaseBar{{Release: "58", Platform: "Mac", Rate: rates[0]}, {Release: "59", Platform: "Mac", Rate: rates[1]}}}.Chart()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range chartSpec(t, bc).Views[0].Items {
		if it.Kind == "hover" && (len(it.Rects) != 2 || !strings.HasPrefix(it.Text[1], "59 Mac\n5 main crashes over 2 k usage hours")) {
			t.Errorf("bar tooltips %q over %v", it.Text, it.Rects)
		}
	}
}
