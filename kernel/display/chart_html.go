package display

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/ratelab/ratelab/kernel/display/chartjs"
)

// chartHTML turns the chart spec in data (chartjs.MIMEType) into its text/html form
// and removes the spec, which the HTML carries: a container holding the static PNG
// (what a viewer that runs no script, or sanitises it away, shows), the spec, and a
// script that draws the chart over the PNG once the library is on the page.
//
// The library (chartjs.Library, ~63 kB) travels with the first chart of each output
// (a cell's run, or a widget's callback), so that every saved notebook and every
// nbconvert HTML page holds it before the charts that need it, however cells were
// re-run; it guards itself, so it loads once per page. Charts before it wait in
// window.ratelabChartQueue.
func chartHTML(data map[string]any, withLibrary bool) error {
	raw, err := json.Marshal(data[chartjs.MIMEType])
	if err != nil {
		return fmt.Errorf("chart spec: %w", err)
	}
	delete(data, chartjs.MIMEType)
	var spec struct {
		Title  string `json:"title"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("chart spec: %w", err)
	}
	// A stable name, so that re-running a notebook changes nothing; charts with the same
	// spec on one page share it, and the script draws every one not drawn yet.
	sum := sha256.Sum256(raw)
	id := "rlc-" + hex.EncodeToString(sum[:8])

	var b strings.Builder
	fmt.Fprintf(&b, `<div class="ratelab-chart" data-rlc="%s" style="max-width:%dpx">`, id, spec.Width)
	if png, ok := data["image/png"].(string); ok {
		fmt.Fprintf(&b, `<img src="data:image/png;base64,%s" alt="%s" style="max-width:100%%">`, png, html.EscapeString(spec.Title))
	} else {
		fmt.Fprintf(&b, `<p>%s (an interactive chart: this viewer ran no script)</p>`, html.EscapeString(spec.Title))
	}
	b.WriteString("</div>\n")
	if withLibrary {
		b.WriteString("<script>\n")
		b.WriteString(chartjs.Library())
		b.WriteString("</script>\n")
	}
	// json.Marshal escapes <, > and &, so the spec cannot end its <script> element.
	fmt.Fprintf(&b, `<script type="application/json" data-rlc-spec="%s">`, id)
	b.Write(raw)
	b.WriteString("</script>\n")
	// The classic notebook runs an output's scripts through jQuery, possibly before the
	// output is attached to the page: try again until the container is there.
	fmt.Fprintf(&b, `<script>(function () {
  var id = %q, tries = 0;
  function draw() {
    var boxes = document.querySelectorAll('div[data-rlc="' + id + '"]');
    var spec = document.querySelector('script[data-rlc-spec="' + id + '"]');
    if (!boxes.length || !spec) { if (tries++ < 100) setTimeout(draw, 20); return; }
    spec = JSON.parse(spec.textContent);
    for (var i = 0; i < boxes.length; i++) if (!boxes[i].ratelabChart) window.ratelabChart.render(boxes[i], spec);
  }
  if (window.ratelabChart) draw(); else (window.ratelabChartQueue = window.ratelabChartQueue || []).push(draw);
})();</script>
`, id)
	data["text/html"] = b.String()
	return nil
}
