package supervise

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"

	"github.com/ratelab/ratelab/kernel/engine"
)

// message is one request, reply or notification between the supervisor and its
// session, in either direction, as JSON. A request has a Method and an ID, its reply
// the same ID and no Method; a notification has a Method and no ID. It is JSON-RPC
// 2.0 without the version field.
type message struct {
	ID     uint64          `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// The methods. Requests go from the supervisor to the session and are answered,
// except input, which the session asks of the supervisor while a cell runs.
// Notifications (no reply) go from the session to the supervisor, except interrupt.
// Each carries the params type named beside it; see the package documentation for
// how to add one.
const (
	// supervisor → session requests
	methodExecute    = "execute"     // executeParams → executeResult
	methodComplete   = "complete"    // queryParams → engine.Completion
	methodInspect    = "inspect"     // queryParams → inspectResult
	methodIsComplete = "is_complete" // queryParams → engine.Completeness
	methodReset      = "reset"       // nothing → nothing
	methodComm       = "comm"        // commParams → executeResult
	methodCommInfo   = "comm_info"   // commInfoParams → map[string]string
	methodClose      = "close"       // nothing → nothing
	// supervisor → session notification
	methodInterrupt = "interrupt" // interruptParams
	// session → supervisor request
	methodInput = "input" // inputParams → string
	// session → supervisor notifications: the engine.Output calls of a cell, and
	// the session's own events
	methodReady   = "ready"    // nothing: the session has started
	methodDisplay = "display"  // bundleParams
	methodUpdate  = "update"   // bundleParams
	methodClear   = "clear"    // clearParams
	methodPage    = "page"     // bundleParams
	methodFrame   = "frame"    // frameParams: a panic is unwinding an interpreted frame
	methodCommOut = "comm_out" // engine.CommMessage, to the front end
)

type executeParams struct {
	Cell uint64 `json:"cell"`
	Code string `json:"code"`
	// Comms tells whether the cell's front end takes comm messages (widgets are
	// live), as its Output implementing engine.CommOutput does in process.
	Comms bool `json:"comms,omitempty"`
}

// commParams carries a comm message from the front end; its handlers' output
// always goes to a front end that takes comms.
type commParams struct {
	Cell    uint64             `json:"cell"`
	Message engine.CommMessage `json:"message"`
}

type commInfoParams struct {
	Target string `json:"target"`
}

type executeResult struct {
	Bundle *engine.Bundle `json:"bundle,omitempty"`
	Error  *engine.Error  `json:"error,omitempty"`
	// Stuck reports that the cell was interrupted inside a call that is still
	// running: the session cannot run anything else safely until it returns.
	Stuck string `json:"stuck,omitempty"`
	// Restart asks the supervisor for a fresh session: this one cannot run
	// cells any more (it was interrupted again while waiting for a stuck call).
	Restart bool `json:"restart,omitempty"`
}

type queryParams struct {
	Code   string `json:"code"`
	Cursor int    `json:"cursor"`
	Detail int    `json:"detail"`
}

type inspectResult struct {
	Bundle engine.Bundle `json:"bundle"`
	Found  bool          `json:"found"`
}

type interruptParams struct {
	Cell uint64 `json:"cell"`
}

type inputParams struct {
	Prompt   string `json:"prompt"`
	Password bool   `json:"password"`
}

type bundleParams struct {
	Bundle    engine.Bundle `json:"bundle"`
	DisplayID string        `json:"display_id,omitempty"`
}

type clearParams struct {
	Wait bool `json:"wait"`
}

type frameParams struct {
	Cell  uint64 `json:"cell"`
	Frame string `json:"frame"`
}

// fragment is the largest piece of a message in one datagram: well under the
// smallest send buffer Linux allows by default (wmem_default, 208 KiB).
const fragment = 60 << 10

// Each datagram of a message starts with one of these bytes.
const (
	fragMore = 'm' // more datagrams of this message follow
	fragLast = 'l' // the message ends here
)

// datagramSender sends messages as datagrams on a socket whose order the receiver
// keeps: fragments of one message are consecutive because send holds mu.
type datagramSender struct {
	mu   sync.Mutex
	conn *net.UnixConn
}

func (s *datagramSender) send(m *message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", m.describe(), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	buf := make([]byte, 0, min(len(b), fragment)+1)
	for {
		n := min(len(b), fragment)
		flag := byte(fragMore)
		if n == len(b) {
			flag = fragLast
		}
		buf = append(append(buf[:0], flag), b[:n]...)
		if _, err := s.conn.Write(buf); err != nil {
			return fmt.Errorf("send %s: %w", m.describe(), err)
		}
		b = b[n:]
		if flag == fragLast {
			return nil
		}
	}
}

// assembler puts a message back together from its datagrams.
type assembler struct{ buf []byte }

// add takes one datagram; it returns the message when d was its last.
func (a *assembler) add(d []byte) (*message, error) {
	if len(d) == 0 {
		return nil, errors.New("empty datagram")
	}
	a.buf = append(a.buf, d[1:]...)
	switch d[0] {
	case fragMore:
		return nil, nil
	case fragLast:
		var m message
		err := json.Unmarshal(a.buf, &m)
		a.buf = a.buf[:0]
		if err != nil {
			return nil, fmt.Errorf("decode a message: %w", err)
		}
		return &m, nil
	}
	a.buf = a.buf[:0]
	return nil, fmt.Errorf("datagram with unknown flag %q", d[0])
}

func (m *message) describe() string {
	if m.Method != "" {
		return m.Method
	}
	return fmt.Sprintf("reply %d", m.ID)
}

// streamSender sends messages as JSON lines on a stream (the supervisor's requests
// to the session, on a pipe).
type streamSender struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func newStreamSender(w io.Writer) *streamSender { return &streamSender{enc: json.NewEncoder(w)} }

func (s *streamSender) send(m *message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enc.Encode(m); err != nil {
		return fmt.Errorf("send %s: %w", m.describe(), err)
	}
	return nil
}

// calls matches replies to the requests one side sent.
type calls struct {
	next    atomic.Uint64
	mu      sync.Mutex
	pending map[uint64]chan *message
	err     error // once set (the peer is gone), every call fails with it
}

// start registers a new request and returns its ID and where its reply will come.
func (c *calls) start() (uint64, chan *message, error) {
	id := c.next.Add(1)
	ch := make(chan *message, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, nil, c.err
	}
	if c.pending == nil {
		c.pending = map[uint64]chan *message{}
	}
	c.pending[id] = ch
	return id, ch, nil
}

// forget drops a request whose reply is no longer wanted.
func (c *calls) forget(id uint64) {
	c.mu.Lock()
	delete(c.pending, id)
	c.mu.Unlock()
}

// deliver hands a reply to its request; replies nobody waits for are dropped.
func (c *calls) deliver(m *message) {
	c.mu.Lock()
	ch := c.pending[m.ID]
	delete(c.pending, m.ID)
	c.mu.Unlock()
	if ch != nil {
		ch <- m
	}
}

// fail ends every pending request and all later ones with err.
func (c *calls) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
	for id, ch := range c.pending {
		ch <- &message{ID: id, Error: err.Error()}
		delete(c.pending, id)
	}
}

// params encodes v for a message.
func params(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own types are encoded, and they always encode.
		panic(fmt.Sprintf("supervise: encode %T: %v", v, err))
	}
	return b
}
