package notebook

import (
	"sync"

	"github.com/ratelab/ratelab/kernel/engine"
)

// recorder is the engine.Output of a run: it turns what cells show into nbformat
// outputs the way nbclient records iopub messages (nbclient.NotebookClient.output,
// clear_output and _update_display_id), so `ratelab run` and a Jupyter client write
// the same notebook.
type recorder struct {
	mu sync.Mutex
	nb *Notebook
	// cell is the index of the running cell: output that arrives (even from a
	// goroutine of an earlier cell) goes to it, as the kernel sends it there.
	cell int
	// clearPending is a clear_output(wait=True) waiting for the next output.
	clearPending bool
	// displays maps a display_id to the outputs showing it, per cell index.
	displays map[string]map[int][]int
	input    InputFunc
}

func newRecorder(nb *Notebook, input InputFunc) *recorder {
	return &recorder{nb: nb, displays: map[string]map[int][]int{}, input: input}
}

// start makes cell i the running cell, with no outputs, as nbclient does before it
// sends the execute_request.
func (r *recorder) start(i int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cell = i
	r.nb.Cells[i].Outputs = nil
	r.clearPending = false
}

// add appends an output to the running cell. Consecutive stream outputs of the same
// name are merged into one, as Jupyter front ends (the notebook's OutputArea,
// nbconvert's coalesce_streams) show them: how the kernel chunked the text must not
// change the file.
func (r *recorder) add(o *Output, displayID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.applyPendingClear()
	c := r.nb.Cells[r.cell]
	if o.Type == "stream" && len(c.Outputs) > 0 {
		if last := c.Outputs[len(c.Outputs)-1]; last.Type == "stream" && last.Name == o.Name {
			last.Text += o.Text
			return
		}
	}
	if displayID != "" {
		cells := r.displays[displayID]
		if cells == nil {
			cells = map[int][]int{}
			r.displays[displayID] = cells
		}
		cells[r.cell] = append(cells[r.cell], len(c.Outputs))
	}
	c.Outputs = append(c.Outputs, o)
}

func (r *recorder) applyPendingClear() {
	if r.clearPending {
		r.clearNow()
		r.clearPending = false
	}
}

// clearNow empties the running cell and forgets its display ids
// (nbclient's clear_display_id_mapping).
func (r *recorder) clearNow() {
	r.nb.Cells[r.cell].Outputs = nil
	for _, cells := range r.displays {
		delete(cells, r.cell)
	}
}

// Stream implements engine.Output.
func (r *recorder) Stream(name, text string) {
	if text == "" {
		return
	}
	r.add(&Output{Type: "stream", Name: name, Text: text}, "")
}

// Display implements engine.Output. As in nbclient, showing a display id again also
// updates every earlier output with that id.
func (r *recorder) Display(b engine.Bundle, displayID string) {
	if displayID != "" {
		r.update(b, displayID)
	}
	r.add(&Output{Type: "display_data", Data: copyMap(b.Data), Metadata: copyMap(b.Metadata)}, displayID)
}

// Update implements engine.Output: it replaces the data and metadata of every
// output shown with displayID, in any cell of the notebook, and adds no output.
func (r *recorder) Update(b engine.Bundle, displayID string) {
	r.update(b, displayID)
}

func (r *recorder) update(b engine.Bundle, displayID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for cell, idx := range r.displays[displayID] {
		for _, i := range idx {
			o := r.nb.Cells[cell].Outputs[i]
			o.Data, o.Metadata = copyMap(b.Data), copyMap(b.Metadata)
		}
	}
}

// Clear implements engine.Output with IPython's clear_output semantics.
func (r *recorder) Clear(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if wait {
		r.clearPending = true
		return
	}
	r.clearNow()
}

// Input implements engine.Output: it asks the run's InputFunc, or returns
// engine.ErrNoStdin when the run has none (nbclient runs with allow_stdin false).
func (r *recorder) Input(prompt string, password bool) (string, error) {
	if r.input == nil {
		return "", engine.ErrNoStdin
	}
	return r.input(prompt, password)
}
