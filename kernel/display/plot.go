package display

import (
	"bytes"
	"encoding/base64"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// The size of plots shown with no size given: 6×4 inches, drawn at 96 dpi.
const (
	defaultWidth  = 6 * vg.Inch
	defaultHeight = 4 * vg.Inch
)

// plotData draws p at width×height into data as image/png (base64) and, with svg,
// as image/svg+xml.
func plotData(data map[string]any, p *plot.Plot, width, height vg.Length, svg bool) error {
	formats := []string{"png"}
	if svg {
		formats = append(formats, "svg")
	}
	for _, f := range formats {
		w, err := p.WriterTo(width, height, f)
		if err != nil {
			return fmt.Errorf("draw %s: %w", f, err)
		}
		var buf bytes.Buffer
		if _, err := w.WriteTo(&buf); err != nil {
			return fmt.Errorf("encode %s: %w", f, err)
		}
		if f == "png" {
			data["image/png"] = base64.StdEncoding.EncodeToString(buf.Bytes())
		} else {
			data["image/svg+xml"] = buf.String()
		}
	}
	return nil
}

// Plot shows p at the default size (6×4 inches) as PNG, and as SVG too when the
// session asks for it.
func Plot(p *plot.Plot) { PlotSize(p, defaultWidth, defaultHeight) }

// PlotSize shows p drawn at width×height (e.g. 8*vg.Inch, 10*vg.Centimeter).
func PlotSize(p *plot.Plot, width, height vg.Length) {
	out, o := current()
	data := map[string]any{}
	if err := plotData(data, p, width, height, o.SVG); err != nil {
		out.Stream("stderr", fmt.Sprintf("display.Plot: %v\n", err))
		return
	}
	data["text/plain"] = fmt.Sprintf("<plot %q>", p.Title.Text)
	out.Display(bundle(data), "")
}

// PlotSVG shows p at the default size as SVG only (sharp at any zoom, and diffable
// in committed notebooks).
func PlotSVG(p *plot.Plot) {
	out, _ := current()
	data := map[string]any{}
	w, err := p.WriterTo(defaultWidth, defaultHeight, "svg")
	if err == nil {
		var buf bytes.Buffer
		if _, err = w.WriteTo(&buf); err == nil {
			data["image/svg+xml"] = buf.String()
		}
	}
	if err != nil {
		out.Stream("stderr", fmt.Sprintf("display.PlotSVG: %v\n", err))
		return
	}
	data["text/plain"] = fmt.Sprintf("<plot %q>", p.Title.Text)
	out.Display(bundle(data), "")
}
