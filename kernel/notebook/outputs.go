package notebook

import (
	"slices"
	"sync"

	"github.com/ratelab/ratelab/kernel/engine"
)

// recorder turns what cells show into nbformat outputs the way nbclient records
// iopub messages (nbclient.NotebookClient.output, clear_output and
// _update_display_id), so `ratelab run` and a Jupyter client write the same notebook.
type recorder struct {
	mu sync.Mutex
	nb *Notebook
	// cell is the index of the running cell; running is false between cells.
	cell    int
	running bool
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
// sends the execute_request, and returns the cell's engine.Output.
func (r *recorder) start(i int) *cellOutput {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cell, r.running = i, true
	r.nb.Cells[i].Outputs = nil
	r.clearPending = false
	return &cellOutput{r: r, cell: i}
}

// finish ends the running cell: later output sent to its engine.Output (say, from a
// goroutine the cell started) is dropped, as nbclient ignores iopub messages whose
// parent is a request it has finished with. The notebook can then be written
// without racing such goroutines.
func (r *recorder) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.running = false
}

// cellOutput is the engine.Output of one cell's run.
type cellOutput struct {
	r    *recorder
	cell int
}

// lock takes the recorder's lock and reports whether o's cell is still running;
// the caller unlocks.
func (o *cellOutput) lock() bool {
	o.r.mu.Lock()
	return o.r.running && o.r.cell == o.cell
}

// add appends an output to the cell. Consecutive stream outputs of the same name are
// merged into one, as Jupyter front ends (the notebook's OutputArea, nbconvert's
// coalesce_streams) show them: how the kernel chunked the text must not change the
// file. The caller holds the lock.
func (o *cellOutput) add(out *Output, displayID string) {
	r := o.r
	if r.clearPending {
		o.clearNow()
		r.clearPending = false
	}
	c := r.nb.Cells[o.cell]
	if out.Type == "stream" && len(c.Outputs) > 0 {
		if last := c.Outputs[len(c.Outputs)-1]; last.Type == "stream" && last.Name == out.Name {
			last.Text += out.Text
			return
		}
	}
	if displayID != "" {
		cells := r.displays[displayID]
		if cells == nil {
			cells = map[int][]int{}
			r.displays[displayID] = cells
		}
		cells[o.cell] = append(cells[o.cell], len(c.Outputs))
	}
	c.Outputs = append(c.Outputs, out)
}

// clearNow empties the cell and forgets its display ids (nbclient's
// clear_display_id_mapping). The caller holds the lock.
func (o *cellOutput) clearNow() {
	o.r.nb.Cells[o.cell].Outputs = nil
	for _, cells := range o.r.displays {
		delete(cells, o.cell)
	}
}

// update replaces the data and metadata of every output shown with displayID, in
// any cell of the notebook. The caller holds the lock.
func (o *cellOutput) update(b engine.Bundle, displayID string) {
	for cell, idx := range o.r.displays[displayID] {
		for _, i := range idx {
			out := o.r.nb.Cells[cell].Outputs[i]
			out.Data, out.Metadata = copyMap(b.Data), copyMap(b.Metadata)
		}
	}
}

// Stream implements engine.Output.
func (o *cellOutput) Stream(name, text string) {
	defer o.r.mu.Unlock()
	if o.lock() && text != "" {
		o.add(&Output{Type: "stream", Name: name, Text: text}, "")
	}
}

// Display implements engine.Output. As in nbclient, showing a display id again also
// updates every earlier output with that id.
func (o *cellOutput) Display(b engine.Bundle, displayID string) {
	defer o.r.mu.Unlock()
	if !o.lock() {
		return
	}
	if displayID != "" {
		o.update(b, displayID)
	}
	o.add(&Output{Type: "display_data", Data: copyMap(b.Data), Metadata: copyMap(b.Metadata)}, displayID)
}

// Update implements engine.Output: it changes every output shown with displayID
// and adds none.
func (o *cellOutput) Update(b engine.Bundle, displayID string) {
	defer o.r.mu.Unlock()
	if o.lock() {
		o.update(b, displayID)
	}
}

// Clear implements engine.Output with IPython's clear_output semantics.
func (o *cellOutput) Clear(wait bool) {
	defer o.r.mu.Unlock()
	switch {
	case !o.lock():
	case wait:
		o.r.clearPending = true
	default:
		o.clearNow()
	}
}

// Input implements engine.Output: it asks the run's InputFunc, or returns
// engine.ErrNoStdin when the run has none (nbclient runs with allow_stdin false).
func (o *cellOutput) Input(prompt string, password bool) (string, error) {
	if o.r.input == nil {
		return "", engine.ErrNoStdin
	}
	return o.r.input(prompt, password)
}

// result records the cell's value and its error, if any, after it ran.
func (o *cellOutput) result(value *engine.Bundle, count int, cerr *engine.Error) {
	defer o.r.mu.Unlock()
	if !o.lock() {
		return
	}
	if value != nil {
		o.add(&Output{Type: "execute_result", Data: copyMap(value.Data), Metadata: copyMap(value.Metadata), ExecutionCount: &count}, "")
	}
	if cerr != nil {
		o.add(&Output{Type: "error", EName: cerr.Name, EValue: cerr.Value, Traceback: slices.Clone(cerr.Traceback)}, "")
	}
}
