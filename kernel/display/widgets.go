package display

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Widget is a control shown in a notebook — a slider, a dropdown, buttons, a
// checkbox, or a box of them — that runs Go code when the user changes it:
//
//	size := display.NewIntSlider("poll size", 100, 10000, 100, 1000)
//	size.OnChange(func(n int) { out.Update(simulate(n)) })
//	display.Show(size)
//
// Show it with Show or as a cell's value. In the classic notebook (with the widgets
// extension) it is live; its OnChange functions run in the session like a cell,
// their output going where the cell's went, so a Handle updates a result in place.
// Where nothing can talk back (`ratelab run`, nbconvert, a console) it shows a
// static picture of its current state.
type Widget interface {
	model() *widget
}

// control is what the widgets share: their model and the functions that run when
// the user changes the value.
type control struct {
	w        *widget
	mu       sync.Mutex
	handlers []func(v any)
	// decode checks a value the front end sent and converts it to the Go value.
	decode func(v any) (any, error)
}

func newControl(model, view string, state map[string]any, decode func(any) (any, error), static func(c *control) (string, string)) *control {
	c := &control{w: newWidget(model, view, state), decode: decode}
	c.w.set = c.set
	c.w.static = func() (string, string) { return static(c) }
	return c
}

func (c *control) model() *widget { return c.w }

func (c *control) onChange(f func(v any)) {
	c.mu.Lock()
	c.handlers = append(c.handlers, f)
	c.mu.Unlock()
}

// set applies a change from the front end.
func (c *control) set(key string, v any) error {
	if key != "value" {
		return nil // the front end only changes values
	}
	val, err := c.decode(v)
	if err != nil {
		return fmt.Errorf("widget %s: %w", c.w.get("description"), err)
	}
	c.w.mu.Lock()
	c.w.state["value"] = val
	c.w.mu.Unlock()
	return c.changed(val)
}

// setValue changes the value from Go: the front end follows, OnChange functions run.
func (c *control) setValue(v any) {
	c.w.update("value", v)
	if err := c.changed(v); err != nil {
		panic(err) // a cell called SetValue: its OnChange failed within the cell
	}
}

func (c *control) changed(v any) error {
	c.mu.Lock()
	hs := slices.Clone(c.handlers)
	c.mu.Unlock()
	for _, h := range hs {
		if err := callback(fmt.Sprintf("OnChange of %q", c.w.get("description")), func() { h(v) }); err != nil {
			return err
		}
	}
	return nil
}

func (c *control) label() string { s, _ := c.w.get("description").(string); return s }

// Slider is a slider over float64 values (ipywidgets' FloatSlider).
type Slider struct{ *control }

// NewSlider returns a slider labelled label from min to max in steps of step, at
// value (clamped into [min, max]). It panics if min ≥ max or step ≤ 0. It sends the
// value when the user lets go of the handle, not while dragging.
func NewSlider(label string, min, max, step, value float64) *Slider {
	if !(min < max) || !(step > 0) {
		panic(fmt.Sprintf("display.NewSlider(%q): want min < max and step > 0, got min %g, max %g, step %g", label, min, max, step))
	}
	clamp := func(v float64) float64 { return math.Max(min, math.Min(max, v)) }
	decode := func(v any) (any, error) {
		f, ok := v.(float64)
		if !ok || math.IsNaN(f) {
			return nil, fmt.Errorf("the front end sent %v (%T), not a number", v, v)
		}
		return clamp(f), nil
	}
	return &Slider{newControl("FloatSliderModel", "FloatSliderView", sliderState(label, min, max, step, clamp(value), ".2f"), decode,
		func(c *control) (string, string) {
			v := c.w.get("value").(float64)
			return sliderHTML(c.label(), min, max, step, v, strconv.FormatFloat(v, 'f', 2, 64)),
				fmt.Sprintf("Slider(%q, %g in [%g, %g])", c.label(), v, min, max)
		})}
}

// OnChange makes f run with the new value whenever the user moves the slider (or
// SetValue changes it). It returns s.
func (s *Slider) OnChange(f func(float64)) *Slider {
	s.onChange(func(v any) { f(v.(float64)) })
	return s
}

// Value is the slider's current value.
func (s *Slider) Value() float64 { return s.w.get("value").(float64) }

// SetValue moves the slider to v (clamped), in the front end too, and runs OnChange.
func (s *Slider) SetValue(v float64) {
	min, max := s.w.get("min").(float64), s.w.get("max").(float64)
	s.setValue(math.Max(min, math.Min(max, v)))
}

// IntSlider is a slider over int values (ipywidgets' IntSlider).
type IntSlider struct{ *control }

// NewIntSlider returns a slider labelled label from min to max in steps of step, at
// value (clamped). It panics if min ≥ max or step ≤ 0.
func NewIntSlider(label string, min, max, step, value int) *IntSlider {
	if min >= max || step <= 0 {
		panic(fmt.Sprintf("display.NewIntSlider(%q): want min < max and step > 0, got min %d, max %d, step %d", label, min, max, step))
	}
	clamp := func(v int) int { return int(math.Max(float64(min), math.Min(float64(max), float64(v)))) }
	decode := func(v any) (any, error) {
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return nil, fmt.Errorf("the front end sent %v (%T), not a whole number", v, v)
		}
		return clamp(int(f)), nil
	}
	return &IntSlider{newControl("IntSliderModel", "IntSliderView", sliderState(label, min, max, step, clamp(value), "d"), decode,
		func(c *control) (string, string) {
			v := c.w.get("value").(int)
			return sliderHTML(c.label(), float64(min), float64(max), float64(step), float64(v), strconv.Itoa(v)),
				fmt.Sprintf("IntSlider(%q, %d in [%d, %d])", c.label(), v, min, max)
		})}
}

// OnChange makes f run with the new value whenever the user moves the slider (or
// SetValue changes it). It returns s.
func (s *IntSlider) OnChange(f func(int)) *IntSlider {
	s.onChange(func(v any) { f(v.(int)) })
	return s
}

// Value is the slider's current value.
func (s *IntSlider) Value() int { return s.w.get("value").(int) }

// SetValue moves the slider to v (clamped), in the front end too, and runs OnChange.
func (s *IntSlider) SetValue(v int) {
	min, max := s.w.get("min").(int), s.w.get("max").(int)
	s.setValue(int(math.Max(float64(min), math.Min(float64(max), float64(v)))))
}

// sliderState is a slider's state as ipywidgets 6.0 sends it (its IntSlider keeps the
// colour in a style model instead of slider_color).
func sliderState[T int | float64](label string, min, max, step, value T, format string) map[string]any {
	st := map[string]any{
		"description": label, "disabled": false, "min": min, "max": max, "step": step, "value": value,
		"orientation": "horizontal", "readout": true, "readout_format": format,
		"continuous_update": false, "_range": false,
	}
	if format != "d" {
		st["slider_color"] = nil
	}
	return st
}

func sliderHTML(label string, min, max, step, v float64, readout string) string {
	return fmt.Sprintf(`<div class="ratelab-widget" style="display:flex;align-items:center;gap:8px;margin:2px 0"><label>%s</label>`+
		`<input type="range" min="%g" max="%g" step="%g" value="%g" disabled style="width:220px"><span>%s</span></div>`,
		html.EscapeString(label), min, max, step, v, html.EscapeString(readout))
}

// Choice is a choice of one string among options: a Dropdown or ToggleButtons.
type Choice struct {
	*control
	options []string
}

// NewDropdown returns a dropdown labelled label offering options, at value. It panics
// if value is not one of the options.
func NewDropdown(label string, options []string, value string) *Choice {
	return newChoice("Dropdown", label, options, value)
}

// NewToggleButtons returns a row of buttons, one per option, of which value is
// pressed. It panics if value is not one of the options.
func NewToggleButtons(label string, options []string, value string) *Choice {
	return newChoice("ToggleButtons", label, options, value)
}

func newChoice(kind, label string, options []string, value string) *Choice {
	if !slices.Contains(options, value) {
		panic(fmt.Sprintf("display.New%s(%q): value %q is not one of the options %q", kind, label, value, options))
	}
	opts := slices.Clone(options)
	decode := func(v any) (any, error) {
		s, ok := v.(string)
		if !ok || !slices.Contains(opts, s) {
			return nil, fmt.Errorf("the front end sent %v, not one of %q", v, opts)
		}
		return s, nil
	}
	state := map[string]any{"description": label, "disabled": false, "_options_labels": opts, "value": value}
	if kind == "ToggleButtons" {
		state["button_style"], state["icons"], state["tooltips"] = "", []string{}, []string{}
	}
	return &Choice{control: newControl(kind+"Model", kind+"View", state, decode, func(c *control) (string, string) {
		v := c.w.get("value").(string)
		var b strings.Builder
		fmt.Fprintf(&b, `<div class="ratelab-widget" style="display:flex;align-items:center;gap:8px;margin:2px 0"><label>%s</label>`, html.EscapeString(c.label()))
		if kind == "Dropdown" {
			b.WriteString("<select disabled>")
			for _, o := range opts {
				sel := ""
				if o == v {
					sel = " selected"
				}
				fmt.Fprintf(&b, "<option%s>%s</option>", sel, html.EscapeString(o))
			}
			b.WriteString("</select>")
		} else {
			for _, o := range opts {
				style := "padding:2px 10px;border:1px solid #999;background:#f4f4f4"
				if o == v {
					style = "padding:2px 10px;border:1px solid #555;background:#ddd;font-weight:bold"
				}
				fmt.Fprintf(&b, `<button disabled style="%s">%s</button>`, style, html.EscapeString(o))
			}
		}
		b.WriteString("</div>")
		return b.String(), fmt.Sprintf("%s(%q, %q of %q)", kind, c.label(), v, opts)
	}), options: opts}
}

// OnChange makes f run with the new choice whenever the user makes one (or SetValue
// does). It returns c.
func (c *Choice) OnChange(f func(string)) *Choice {
	c.onChange(func(v any) { f(v.(string)) })
	return c
}

// Value is the current choice.
func (c *Choice) Value() string { return c.w.get("value").(string) }

// SetValue chooses v, in the front end too, and runs OnChange. It panics if v is not
// one of the options.
func (c *Choice) SetValue(v string) {
	if !slices.Contains(c.options, v) {
		panic(fmt.Sprintf("display: %q is not one of the options %q", v, c.options))
	}
	c.setValue(v)
}

// Checkbox is a checkbox (ipywidgets' Checkbox).
type Checkbox struct{ *control }

// NewCheckbox returns a checkbox labelled label, checked if value.
func NewCheckbox(label string, value bool) *Checkbox {
	decode := func(v any) (any, error) {
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("the front end sent %v (%T), not true or false", v, v)
		}
		return b, nil
	}
	return &Checkbox{newControl("CheckboxModel", "CheckboxView", map[string]any{"description": label, "disabled": false, "value": value}, decode,
		func(c *control) (string, string) {
			v := c.w.get("value").(bool)
			checked := ""
			if v {
				checked = " checked"
			}
			return fmt.Sprintf(`<div class="ratelab-widget" style="margin:2px 0"><label><input type="checkbox"%s disabled> %s</label></div>`, checked, html.EscapeString(c.label())),
				fmt.Sprintf("Checkbox(%q, %t)", c.label(), v)
		})}
}

// OnChange makes f run with the new state whenever the user ticks or clears the box
// (or SetValue does). It returns c.
func (c *Checkbox) OnChange(f func(bool)) *Checkbox {
	c.onChange(func(v any) { f(v.(bool)) })
	return c
}

// Value reports whether the box is checked.
func (c *Checkbox) Value() bool { return c.w.get("value").(bool) }

// SetValue checks or clears the box, in the front end too, and runs OnChange.
func (c *Checkbox) SetValue(v bool) { c.setValue(v) }

// Box lays widgets out side by side (NewHBox) or one above the other (NewVBox).
type Box struct{ w *widget }

// NewHBox returns a row of widgets.
func NewHBox(children ...Widget) *Box { return newBox("HBox", "row", children) }

// NewVBox returns a column of widgets.
func NewVBox(children ...Widget) *Box { return newBox("VBox", "column", children) }

func newBox(kind, direction string, children []Widget) *Box {
	ids := make([]string, len(children))
	kids := make([]*widget, len(children))
	for i, c := range children {
		kids[i] = c.model()
		ids[i] = "IPY_MODEL_" + kids[i].id
	}
	w := newWidget(kind+"Model", kind+"View", map[string]any{"children": ids, "box_style": ""})
	w.children = kids
	w.set = func(string, any) error { return nil }
	w.static = func() (string, string) {
		var h strings.Builder
		texts := make([]string, len(kids))
		fmt.Fprintf(&h, `<div class="ratelab-widget-box" style="display:flex;flex-direction:%s;gap:16px">`, direction)
		for i, k := range kids {
			kh, kt := k.static()
			h.WriteString(kh)
			texts[i] = kt
		}
		h.WriteString("</div>")
		return h.String(), kind + "(" + strings.Join(texts, ", ") + ")"
	}
	return &Box{w: w}
}

func (b *Box) model() *widget { return b.w }
