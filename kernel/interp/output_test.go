package interp

import (
	"strings"
	"sync"

	"github.com/ratelab/ratelab/kernel/engine"
)

// recorder is an engine.Output that keeps everything a cell shows.
type recorder struct {
	mu       sync.Mutex
	stdout   strings.Builder
	stderr   strings.Builder
	chunks   []string // stdout chunks, in arrival order
	displays []shown
	updates  []shown
	clears   int
	pages    []engine.Bundle
	inputs   []string // lines Input answers with, in order
	prompts  []string
}

type shown struct {
	b  engine.Bundle
	id string
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if name == "stderr" {
		r.stderr.WriteString(text)
		return
	}
	r.stdout.WriteString(text)
	r.chunks = append(r.chunks, text)
}

func (r *recorder) Display(b engine.Bundle, id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.displays = append(r.displays, shown{b, id})
}

func (r *recorder) Update(b engine.Bundle, id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates = append(r.updates, shown{b, id})
}

func (r *recorder) Clear(bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clears++
}

func (r *recorder) Page(b engine.Bundle) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pages = append(r.pages, b)
}

// paged is the text/plain of every page shown.
func (r *recorder) paged() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, p := range r.pages {
		s, _ := p.Data["text/plain"].(string)
		b.WriteString(s)
	}
	return b.String()
}

func (r *recorder) Input(prompt string, _ bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prompts = append(r.prompts, prompt)
	if len(r.inputs) == 0 {
		return "", engine.ErrNoStdin
	}
	l := r.inputs[0]
	r.inputs = r.inputs[1:]
	return l, nil
}

func (r *recorder) out() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stdout.String()
}

func (r *recorder) err() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stderr.String()
}
