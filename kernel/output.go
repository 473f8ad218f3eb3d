package kernel

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/wire"
)

// streamDelay is how long stream text may wait to be sent with the text that follows
// it: short enough that a cell printing every second shows each line as it comes,
// long enough that a loop of a thousand Println calls is a handful of messages.
const streamDelay = 20 * time.Millisecond

// streamChunk is the most text one stream message carries before it is sent at once.
const streamChunk = 64 << 10

// cellOutput is the engine.Output of one execute_request: it turns what the cell shows
// into iopub messages whose parent is the request.
type cellOutput struct {
	s          *Server
	parent     *wire.Header
	idents     [][]byte // the requester's route, for input_request on stdin
	ctx        context.Context
	silent     bool
	allowStdin bool

	mu    sync.Mutex
	name  string // stream of the pending text
	buf   strings.Builder
	timer *time.Timer
	pages []engine.Bundle // for execute_reply's "page" payload
}

var _ engine.Output = (*cellOutput)(nil)

// Stream implements engine.Output. Text is coalesced for at most streamDelay.
func (o *cellOutput) Stream(name, text string) {
	if o.silent || text == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.buf.Len() > 0 && name != o.name {
		o.flushLocked()
	}
	o.name = name
	o.buf.WriteString(text)
	switch {
	case o.buf.Len() >= streamChunk:
		o.flushLocked()
	case o.timer == nil:
		o.timer = time.AfterFunc(streamDelay, o.flush)
	}
}

func (o *cellOutput) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

func (o *cellOutput) flushLocked() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	if o.buf.Len() == 0 {
		return
	}
	o.s.pub.publish(o.parent, "stream", map[string]string{"name": o.name, "text": o.buf.String()})
	o.buf.Reset()
}

// Display implements engine.Output.
func (o *cellOutput) Display(b engine.Bundle, displayID string) {
	o.rich("display_data", b, displayID)
}

// Update implements engine.Output.
func (o *cellOutput) Update(b engine.Bundle, displayID string) {
	if displayID == "" {
		o.s.log.Printf("update_display_data without a display id dropped")
		return
	}
	o.rich("update_display_data", b, displayID)
}

func (o *cellOutput) rich(msgType string, b engine.Bundle, displayID string) {
	if o.silent {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked() // keep text printed before the display above it
	content := bundleContent(b)
	if displayID != "" {
		content["transient"] = map[string]string{"display_id": displayID}
	}
	o.s.pub.publish(o.parent, msgType, content)
}

// Clear implements engine.Output.
func (o *cellOutput) Clear(wait bool) {
	if o.silent {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.s.pub.publish(o.parent, "clear_output", map[string]bool{"wait": wait})
}

// Page implements engine.Pager: the bundle goes to the front end's pager with
// execute_reply, as a "page" payload (IPython's `obj?`).
func (o *cellOutput) Page(b engine.Bundle) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pages = append(o.pages, b)
}

// payload is execute_reply's payload: the pages shown, in order.
func (o *cellOutput) payload() []any {
	o.mu.Lock()
	defer o.mu.Unlock()
	payload := []any{}
	if o.silent {
		return payload
	}
	for _, b := range o.pages {
		payload = append(payload, map[string]any{"source": "page", "data": bundleContent(b)["data"], "start": 0})
	}
	return payload
}

// Input implements engine.Output: an input_request on stdin to the front end that sent
// the cell, waiting for its input_reply or the cell's interrupt.
func (o *cellOutput) Input(prompt string, password bool) (string, error) {
	if !o.allowStdin {
		return "", engine.ErrNoStdin
	}
	o.flush() // the prompt should come after what the cell printed
	return o.s.input(o.ctx, o.idents, o.parent, prompt, password)
}

// bundleContent is the data/metadata part of execute_result and display messages;
// both must be JSON objects, never null.
func bundleContent(b engine.Bundle) map[string]any {
	data, meta := b.Data, b.Metadata
	if data == nil {
		data = map[string]any{}
	}
	if meta == nil {
		meta = map[string]any{}
	}
	return map[string]any{"data": data, "metadata": meta}
}
