package display

import (
	"encoding/json"
	"math"
	"strconv"
)

// The chart spec of package chartjs (application/vnd.ratelab.chart+json), as Go
// values. Package analysis writes the same JSON with types of its own: it may not
// import the kernel.
type (
	chartSpec struct {
		Title  string      `json:"title,omitempty"`
		Width  int         `json:"width"`
		Height int         `json:"height"`
		Active int         `json:"active"`
		Views  []chartView `json:"views"`
	}
	chartView struct {
		Name   string        `json:"name"`
		X      chartAxis     `json:"x"`
		Y      chartAxis     `json:"y"`
		Items  []chartItem   `json:"items"`
		Legend []legendEntry `json:"legend,omitempty"`
	}
	chartAxis struct {
		Label string      `json:"label,omitempty"`
		Scale string      `json:"scale"`
		Min   float64     `json:"min"`
		Max   float64     `json:"max"`
		Ticks []chartTick `json:"ticks,omitempty"`
	}
	chartItem struct {
		Kind   string       `json:"kind"`
		Name   string       `json:"name,omitempty"`
		X      numbers      `json:"x"`
		Y      numbers      `json:"y"`
		Lo     numbers      `json:"lo,omitempty"`
		Hi     numbers      `json:"hi,omitempty"`
		Text   []string     `json:"text,omitempty"`
		Rects  [][4]float64 `json:"rects,omitempty"`
		Color  string       `json:"color,omitempty"`
		Fill   string       `json:"fill,omitempty"`
		Stroke string       `json:"stroke,omitempty"`
		Width  float64      `json:"width,omitempty"`
		Dash   []float64    `json:"dash,omitempty"`
		Radius float64      `json:"radius,omitempty"`
		Shape  string       `json:"shape,omitempty"`
		Cap    float64      `json:"cap,omitempty"`
		Size   float64      `json:"size,omitempty"`
	}
	legendEntry struct {
		Label string `json:"label"`
		Color string `json:"color"`
		Shape string `json:"shape"`
		Dash  bool   `json:"dash,omitempty"`
	}
)

// chartTick is an axis tick: [value, "label"].
type chartTick struct {
	Value float64
	Label string
}

func (t chartTick) MarshalJSON() ([]byte, error) { return json.Marshal([]any{t.Value, t.Label}) }

// numbers encodes NaN and infinities, which JSON lacks, as null: a gap.
type numbers []float64

func (ns numbers) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 8*len(ns)+2)
	b = append(b, '[')
	for i, v := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return append(b, ']'), nil
}
