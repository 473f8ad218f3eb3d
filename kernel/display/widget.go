package display

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"sync"

	"github.com/ratelab/ratelab/kernel/engine"
)

// The widget protocol of the front end the classic notebook has here: Debian's
// jupyter-js-widgets 2.1.4 (ipywidgets 6.0.0 on the kernel side). A widget is a comm
// of target "jupyter.widget" whose comm_open data is the model's whole state;
// {"method": "display"} on it shows a view in the cell's widget area; the kernel
// sends {"method": "update", "state": …} and receives {"method": "backbone",
// "sync_data": …} when the user moves it, {"method": "request_state"} when a page
// reloads. The front end checks versions over a comm it opens, of target
// "jupyter.widget.version": the kernel sends the range it wants and the front end
// answers whether its own version is in it.
const (
	widgetTarget   = "jupyter.widget"
	versionTarget  = "jupyter.widget.version"
	widgetModule   = "jupyter-js-widgets"
	frontendSemver = "~2.1.4"
)

// widgets is the session's registry of comms: the widgets by comm id, and whether a
// widget front end has answered the version check (until then widgets show as static
// HTML, as they do in `ratelab run`).
var widgets = struct {
	sync.Mutex
	byID      map[string]*widget
	versions  map[string]bool // open version comms
	validated bool
}{byID: map[string]*widget{}, versions: map[string]bool{}}

// widget is the kernel's side of one widget model.
type widget struct {
	id string
	mu sync.Mutex
	// state is the model's synced state, as ipywidgets 6 sends it.
	state map[string]any
	// open is set once the comm is open in the front end.
	open bool
	// set applies a change the front end sent to the Go value and runs its OnChange.
	set func(key string, v any) error
	// static is the widget's picture for front ends without widgets.
	static func() (html, text string)
	// children are a box's widgets.
	children []*widget
}

func newWidget(model, view string, state map[string]any) *widget {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	st := map[string]any{
		"_model_module": widgetModule, "_model_module_version": frontendSemver, "_model_name": model,
		"_view_module": widgetModule, "_view_module_version": frontendSemver, "_view_name": view,
		"_dom_classes": []any{}, "msg_throttle": 1,
	}
	maps.Copy(st, state)
	return &widget{id: hex.EncodeToString(b[:]), state: st}
}

// commOutput is the current output when its front end takes comm messages and has a
// widget manager that passed the version check.
func commOutput() (engine.CommOutput, bool) {
	out, _ := current()
	co := comms(out)
	widgets.Lock()
	live := widgets.validated
	widgets.Unlock()
	return co, co != nil && live
}

// comms is out if it takes comm messages, or the output it wraps that does (the
// session wraps a cell's output to order it with captured file descriptors); nil if
// none does.
func comms(out engine.Output) engine.CommOutput {
	for out != nil {
		if co, ok := out.(engine.CommOutput); ok {
			return co
		}
		u, ok := out.(interface{ Unwrap() engine.Output })
		if !ok {
			return nil
		}
		out = u.Unwrap()
	}
	return nil
}

// render displays w: live, with its comm, where the front end has widgets; else as
// a static picture of its state. It returns the bundle to show.
func (w *widget) render() engine.Bundle {
	co, live := commOutput()
	if !live {
		html, text := w.static()
		return bundle(map[string]any{"text/html": html, "text/plain": text})
	}
	w.openComm(co)
	co.Comm(engine.CommMessage{Type: "comm_msg", ID: w.id, Data: map[string]any{"method": "display"}})
	// Recorded in the notebook; the classic notebook shows nothing for it: the view
	// is in the cell's widget area.
	return bundle(map[string]any{"application/vnd.jupyter.widget-view+json": map[string]any{"model_id": w.id}})
}

// openComm opens w's comm, with its whole state, unless it is open.
func (w *widget) openComm(co engine.CommOutput) {
	w.mu.Lock()
	if w.open {
		w.mu.Unlock()
		return
	}
	w.open = true
	state := maps.Clone(w.state)
	children := w.children
	w.mu.Unlock()
	// A box refers to its children by id: the front end must know them first.
	for _, c := range children {
		c.openComm(co)
	}
	widgets.Lock()
	widgets.byID[w.id] = w
	widgets.Unlock()
	co.Comm(engine.CommMessage{Type: "comm_open", ID: w.id, Target: widgetTarget, Data: state})
}

// update sets key in w's state and sends it to the front end, if w is live there.
func (w *widget) update(key string, v any) {
	w.mu.Lock()
	w.state[key] = v
	open := w.open
	w.mu.Unlock()
	if co, live := commOutput(); live && open {
		co.Comm(engine.CommMessage{Type: "comm_msg", ID: w.id, Data: map[string]any{"method": "update", "state": map[string]any{key: v}}})
	}
}

func (w *widget) get(key string) any {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.state[key]
}

// HandleComm serves a comm message from the front end: the version check, and the
// changes a user makes to widgets, whose OnChange functions it runs. The session
// calls it with the message's output set (SetOutput); it is not offered to cells.
func HandleComm(m engine.CommMessage) error {
	out, _ := current()
	co := comms(out)
	switch m.Type {
	case "comm_open":
		if m.Target != versionTarget || co == nil {
			if co != nil {
				co.Comm(engine.CommMessage{Type: "comm_close", ID: m.ID})
			}
			return nil
		}
		widgets.Lock()
		widgets.versions[m.ID] = true
		widgets.Unlock()
		co.Comm(engine.CommMessage{Type: "comm_msg", ID: m.ID, Data: map[string]any{"version": frontendSemver}})
	case "comm_close":
		widgets.Lock()
		delete(widgets.versions, m.ID)
		if w := widgets.byID[m.ID]; w != nil {
			delete(widgets.byID, m.ID)
			w.mu.Lock()
			w.open = false
			w.mu.Unlock()
		}
		widgets.Unlock()
	case "comm_msg":
		widgets.Lock()
		version, w := widgets.versions[m.ID], widgets.byID[m.ID]
		if version {
			widgets.validated, _ = m.Data["validated"].(bool)
		}
		widgets.Unlock()
		if w == nil {
			return nil
		}
		switch m.Data["method"] {
		case "backbone":
			sync, _ := m.Data["sync_data"].(map[string]any)
			for k, v := range sync {
				if err := w.set(k, v); err != nil {
					return err
				}
			}
		case "request_state":
			w.mu.Lock()
			state := maps.Clone(w.state)
			w.mu.Unlock()
			if co != nil {
				co.Comm(engine.CommMessage{Type: "comm_msg", ID: w.id, Data: map[string]any{"method": "update", "state": state}})
			}
		}
	default:
		return fmt.Errorf("display.HandleComm: %q is not a comm message", m.Type)
	}
	return nil
}

// CommInfo lists the open widget comms (comm_id → target), of target only unless it
// is empty.
func CommInfo(target string) map[string]string {
	widgets.Lock()
	defer widgets.Unlock()
	info := map[string]string{}
	if target == "" || target == widgetTarget {
		for id := range widgets.byID {
			info[id] = widgetTarget
		}
	}
	if target == "" || target == versionTarget {
		for id := range widgets.versions {
			info[id] = versionTarget
		}
	}
	return info
}

// callback runs f, turning a panic in it (user code) into an error naming the widget.
func callback(what string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v", what, r)
		}
	}()
	f()
	return nil
}
