// Package chartjs holds the JavaScript that draws ratelab's interactive charts in a
// browser with no network: uPlot (MIT, pinned in package-lock.json and copied here by
// go generate from the npm package, byte for byte; see gen) and ratelab's renderer
// (chart.js), embedded in the binary.
//
// # The chart spec
//
// A chart travels as JSON under the MIME type application/vnd.ratelab.chart+json
// (MIMEType), which package display turns into HTML. Producers outside the kernel
// (package analysis) write the same JSON; this is its definition:
//
//	{"title": "…", "width": 880, "height": 520, "active": 0, "views": [view, …]}
//
// With more than one view, buttons above the chart switch between them (the rate and
// the count of a derived-versus-direct figure). A view is
//
//	{"name": "rate", "x": axis, "y": axis, "items": [item, …], "legend": [entry, …]}
//
// an axis {"label": "…", "scale": "linear"|"log"|"time", "min": m, "max": M,
// "ticks": [[value, "label"], …]} (time: Unix seconds, shown in UTC; ticks, if given,
// replace the automatic ones), a legend entry {"label", "color", "shape", "dash"}, and
// an item one of
//
//	{"kind": "line", "name", "x", "y", "color", "width", "dash", "fill"}   null y: a gap
//	{"kind": "points", "name", "x", "y", "color", "radius", "shape"}      circle, ring, triangle, square, box, cross, plus
//	{"kind": "polygon", "x", "y", "fill", "stroke", "width", "dash"}      bands and bars
//	{"kind": "errorbars", "name", "x", "y", "lo", "hi", "color", "width", "cap"}
//	{"kind": "text", "x", "y", "text", "color", "size"}
//	{"kind": "hover", "x", "y", "text", "rects"}                          what the tooltip says
//
// Sizes (width, radius, dash, size) are in points, as gonum/plot measures them;
// colors are CSS colors. A hover item is not drawn: pointing at its point (or inside
// its rectangle [x0, x1, y0, y1], for bars) shows its text. Without hover items the
// tooltip names the nearest point's series and its x and y.
package chartjs

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:generate go run ./gen

// MIMEType is the MIME type of a chart spec in a display bundle.
const MIMEType = "application/vnd.ratelab.chart+json"

var (
	//go:embed uPlot.iife.min.js
	uplot string
	//go:embed uPlot.min.css
	uplotCSS string
	//go:embed chart.js
	renderer string
)

// Library is the script that defines window.ratelabChart (uPlot, its style sheet and
// the renderer) in a page. It does nothing when the page has it already, so that it
// can travel with any number of outputs and still load once.
//
// uPlot's build runs with define, module and exports hidden: the classic notebook's
// require.js would otherwise take it for an anonymous AMD module and fail.
func Library() string {
	css, _ := json.Marshal(uplotCSS) // a string always encodes
	var b strings.Builder
	b.Grow(len(uplot) + len(uplotCSS) + len(renderer) + 256)
	b.WriteString("if (!window.ratelabChart) (function () {\nvar define, module, exports;\n")
	b.WriteString(uplot)
	b.WriteString("\n;(function () { var s = document.createElement('style'); s.textContent = ")
	b.Write(css)
	b.WriteString("; document.head.appendChild(s); })();\n")
	b.WriteString(renderer)
	b.WriteString("\n})();\n")
	return b.String()
}
