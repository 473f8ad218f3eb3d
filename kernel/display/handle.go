package display

import (
	"crypto/rand"
	"encoding/hex"
)

// Handle is one output that can be replaced in place (Jupyter's display_id):
//
//	h := display.New()
//	h.Show("starting")
//	h.Update(result)
type Handle struct {
	// ID is the display_id every output of the handle carries.
	ID string
}

// New returns a handle with a fresh display ID.
func New() *Handle {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return &Handle{ID: hex.EncodeToString(b[:])}
}

// Show displays v as a new output bound to the handle.
func (h *Handle) Show(v any) {
	out, o := current()
	if b, ok := render(v, o); ok {
		out.Display(b, h.ID)
	}
}

// Update replaces every output shown through the handle with v.
func (h *Handle) Update(v any) {
	out, o := current()
	if b, ok := render(v, o); ok {
		out.Update(b, h.ID)
	}
}

func (h *Handle) showBundle(data map[string]any) {
	out, _ := current()
	out.Display(bundle(data), h.ID)
}

func (h *Handle) updateBundle(data map[string]any) {
	out, _ := current()
	out.Update(bundle(data), h.ID)
}
