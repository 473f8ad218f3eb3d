package analysis

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// Chart is a figure shown interactively in a notebook — tooltips, zoom, and buttons
// that switch between its views — with its static PNG beside it for viewers that run
// no JavaScript. The figures' Chart methods return it; it shows itself through its
// MIMEBundle method.
type Chart = chart.Chart

// Figure is a grid of plots drawn as one image, with their axes aligned, and an
// optional legend drawn in the first empty cell so that it covers no data. A notebook
// shows it through its PNG and SVG methods.
type Figure struct {
	// Title, if set, heads the whole figure.
	Title string
	// Width and Height are the size of the whole figure; the default is 8×5 inches,
	// the width of a notebook cell.
	Width, Height vg.Length
	// Plots holds the rows of the grid; a nil entry is an empty cell.
	Plots [][]*plot.Plot
	// Legend, if not nil, is drawn in the first empty cell.
	Legend *plot.Legend
}

// Default figure size: readable at the width of a notebook cell.
const (
	defaultWidth  = 8 * vg.Inch
	defaultHeight = 5 * vg.Inch
	pngDPI        = 110
)

func (f *Figure) size() (w, h vg.Length) {
	w, h = f.Width, f.Height
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	return w, h
}

// Draw draws the figure on c.
func (f *Figure) Draw(c draw.Canvas) {
	if f.Title != "" {
		sty := plot.New().Title.TextStyle
		sty.Font.Size = vg.Points(13)
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y - vg.Points(4)}, f.Title)
		c = draw.Crop(c, 0, 0, 0, -(sty.Rectangle(f.Title).Size().Y + vg.Points(8)))
	}
	cols := 0
	for _, row := range f.Plots {
		cols = max(cols, len(row))
	}
	grid := make([][]*plot.Plot, len(f.Plots))
	for i, row := range f.Plots {
		grid[i] = make([]*plot.Plot, cols)
		copy(grid[i], row)
	}
	tiles := draw.Tiles{
		Rows: len(grid), Cols: cols,
		PadX: vg.Points(14), PadY: vg.Points(10),
		PadTop: vg.Points(6), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(10),
	}
	canvases := plot.Align(grid, tiles, c)
	legendDrawn := f.Legend == nil
	for i, row := range grid {
		for j, p := range row {
			switch {
			case p != nil:
				p.Draw(canvases[i][j])
			case !legendDrawn:
				// Centre the legend vertically in its cell, a little in from the left.
				lc := canvases[i][j]
				r := f.Legend.Rectangle(lc)
				pad := (lc.Max.Y - lc.Min.Y - (r.Max.Y - r.Min.Y)) / 2
				f.Legend.Draw(draw.Crop(lc, vg.Points(18), 0, pad, -pad))
				legendDrawn = true
			}
		}
	}
}

// PNG renders the figure as a PNG image.
func (f *Figure) PNG() ([]byte, error) {
	w, h := f.size()
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pngDPI))
	f.Draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("analysis: render figure as PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// SVG renders the figure as an SVG document; it is empty if rendering fails.
func (f *Figure) SVG() string {
	w, h := f.size()
	img := vgsvg.New(w, h)
	f.Draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := img.WriteTo(&buf); err != nil {
		return ""
	}
	return buf.String()
}

// String describes the figure in one line for text/plain, e.g.
// `<figure "Crash rates": 3 panels in a 2×2 grid, 8×5 in>`.
func (f *Figure) String() string {
	panels, cols := 0, 0
	for _, row := range f.Plots {
		cols = max(cols, len(row))
		for _, p := range row {
			if p != nil {
				panels++
			}
		}
	}
	title := ""
	if f.Title != "" {
		title = fmt.Sprintf(" %q", f.Title)
	}
	plural := "s"
	if panels == 1 {
		plural = ""
	}
	w, h := f.size()
	return fmt.Sprintf("<figure%s: %d panel%s in a %d×%d grid, %g×%g in>", title, panels, plural, len(f.Plots), cols, float64(w/vg.Inch), float64(h/vg.Inch))
}
