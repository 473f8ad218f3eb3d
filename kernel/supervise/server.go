package supervise

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"

	"golang.org/x/sys/unix"

	"github.com/ratelab/ratelab/kernel/engine"
)

// The session process's file descriptors, as the supervisor sets them up (see
// process.start): 1 and 2 are the cell's standard output and error, datagram
// sockets into the supervisor; these are the others.
const (
	fdRPC      = 3 // datagram socket: messages to the supervisor
	fdRequests = 4 // pipe: messages from the supervisor, JSON lines
	fdLog      = 5 // the supervisor's log, for the session's own complaints
)

// Guards are the limits a session process sets on itself before its first cell, so
// that a runaway cell fails fast with a clear message instead of taking the machine
// down with it.
type Guards struct {
	// MaxStack bounds one goroutine's stack (debug.SetMaxStack): infinite recursion
	// then dies as "stack overflow" at this size, not at Go's default of 1 GB.
	MaxStack int
	// MemoryLimit is the session's soft memory limit (debug.SetMemoryLimit) and,
	// with some headroom, its address-space limit (RLIMIT_AS), so that a huge
	// allocation fails as "out of memory" instead of waking the system's OOM killer.
	MemoryLimit int64
}

// addressSpaceHeadroom is what RLIMIT_AS allows beyond the memory limit: the Go
// runtime reserves address space it does not use (arenas, thread stacks, the
// binary's mappings).
const addressSpaceHeadroom = 4 << 30

// Serve is the session process's main loop (`ratelab session`, started by the
// supervisor): it starts the interpreter, then answers the supervisor's requests
// until it asks to close or goes away. log receives the session's own messages.
func Serve(start func(log io.Writer) (engine.Interpreter, error), g Guards) error {
	// The supervisor interrupts cells by message. A SIGINT Jupyter sends to the
	// kernel's process group must not end the session.
	signal.Ignore(os.Interrupt)
	// flag.Parse in a cell must see a program with no arguments, not ours.
	os.Args = os.Args[:1]
	if g.MaxStack > 0 {
		debug.SetMaxStack(g.MaxStack)
	}
	if g.MemoryLimit > 0 {
		debug.SetMemoryLimit(g.MemoryLimit)
		lim := uint64(g.MemoryLimit) + addressSpaceHeadroom
		if err := unix.Setrlimit(unix.RLIMIT_AS, &unix.Rlimit{Cur: lim, Max: lim}); err != nil {
			fmt.Fprintf(os.NewFile(fdLog, "log"), "ratelab session: memory limit: %v\n", err)
		}
	}
	logFile := os.NewFile(fdLog, "log")
	conn, err := net.FileConn(os.NewFile(fdRPC, "rpc"))
	if err != nil {
		return fmt.Errorf("session: rpc socket: %w", err)
	}
	rpc, ok := conn.(*net.UnixConn)
	if !ok {
		return fmt.Errorf("session: file descriptor %d is not a unix socket", fdRPC)
	}
	requests := os.NewFile(fdRequests, "requests")
	in, err := start(logFile)
	if err != nil {
		return err // on stderr: the supervisor reports it as the session's death
	}
	s := &server{in: in, out: &datagramSender{conn: rpc}, running: map[uint64]context.CancelFunc{}}
	if err := s.out.send(&message{Method: methodReady}); err != nil {
		return err
	}
	dec := json.NewDecoder(requests)
	for {
		var m message
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil // the supervisor is gone: so is the session
			}
			return fmt.Errorf("session: read a request: %w", err)
		}
		if m.Method == "" {
			s.calls.deliver(&m)
			continue
		}
		if m.Method == methodClose {
			err := in.Close()
			s.reply(&m, nil, err)
			return err
		}
		// Each request is answered on its own goroutine: completion and
		// inspection must not wait for a running cell.
		go s.handle(&m)
	}
}

// server is the session side of the supervisor's connection.
type server struct {
	in    engine.Interpreter
	out   *datagramSender
	calls calls // the session's own requests (input)

	mu      sync.Mutex
	running map[uint64]context.CancelFunc // by cell
}

// stuckReporter is implemented by an interpreter that can tell, after an interrupt,
// that its cell is still inside a call it cannot abandon (interp.Session).
type stuckReporter interface {
	Stuck() string
}

func (s *server) handle(m *message) {
	switch m.Method {
	case methodExecute:
		var p executeParams
		if s.decode(m, &p) {
			s.reply(m, s.execute(p), nil)
		}
	case methodInterrupt:
		var p interruptParams
		if s.decode(m, &p) {
			s.mu.Lock()
			cancel := s.running[p.Cell]
			s.mu.Unlock()
			if cancel != nil {
				cancel()
			}
		}
	case methodComplete:
		var p queryParams
		if s.decode(m, &p) {
			s.reply(m, s.in.Complete(p.Code, p.Cursor), nil)
		}
	case methodInspect:
		var p queryParams
		if s.decode(m, &p) {
			b, found := s.in.Inspect(p.Code, p.Cursor, p.Detail)
			s.reply(m, inspectResult{Bundle: b, Found: found}, nil)
		}
	case methodIsComplete:
		var p queryParams
		if s.decode(m, &p) {
			s.reply(m, s.in.IsComplete(p.Code), nil)
		}
	case methodComm:
		var p commParams
		if s.decode(m, &p) {
			s.reply(m, s.comm(p), nil)
		}
	case methodCommInfo:
		var p commInfoParams
		if s.decode(m, &p) {
			var comms map[string]string
			if c, ok := s.in.(engine.Comms); ok {
				comms = c.CommInfo(p.Target)
			}
			s.reply(m, comms, nil)
		}
	case methodReset:
		s.reply(m, nil, s.in.Reset())
	default:
		s.reply(m, nil, fmt.Errorf("unknown method %q", m.Method))
	}
}

func (s *server) execute(p executeParams) executeResult {
	var out engine.Output = &remoteOutput{s: s, cell: p.Cell}
	if p.Comms {
		out = remoteCommOutput{out.(*remoteOutput)}
	}
	return s.runCell(p.Cell, func(ctx context.Context) (*engine.Bundle, *engine.Error) {
		return s.in.Execute(ctx, p.Code, out)
	})
}

// comm hands a front end's comm message to the session's widgets.
func (s *server) comm(p commParams) executeResult {
	comms, ok := s.in.(engine.Comms)
	if !ok {
		e := &engine.Error{Name: "SessionError", Value: "this session serves no comms", Traceback: []string{"SessionError: this session serves no comms"}}
		return executeResult{Error: e}
	}
	out := remoteCommOutput{&remoteOutput{s: s, cell: p.Cell}}
	return s.runCell(p.Cell, func(ctx context.Context) (*engine.Bundle, *engine.Error) {
		return nil, comms.HandleComm(ctx, p.Message, out)
	})
}

// runCell runs cell code (a cell, or a comm's handlers) under an interrupt the
// supervisor can send by cell number, and reports a call left stuck by it.
func (s *server) runCell(cell uint64, run func(ctx context.Context) (*engine.Bundle, *engine.Error)) executeResult {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	s.running[cell] = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.running, cell)
		s.mu.Unlock()
	}()
	sr, _ := s.in.(stuckReporter)
	waited := sr != nil && sr.Stuck() != ""
	b, e := run(ctx)
	r := executeResult{Bundle: b, Error: e}
	if ctx.Err() != nil && sr != nil {
		if r.Stuck = sr.Stuck(); r.Stuck != "" && waited {
			// Interrupted while waiting for an earlier cell's stuck call: the user
			// wants to go on without it, which only a fresh session allows.
			r.Restart = true
		}
	}
	return r
}

func (s *server) decode(m *message, v any) bool {
	if err := json.Unmarshal(m.Params, v); err != nil {
		s.reply(m, nil, fmt.Errorf("%s: bad params: %w", m.Method, err))
		return false
	}
	return true
}

// reply answers request m (notifications get none).
func (s *server) reply(m *message, result any, err error) {
	if m.ID == 0 {
		return
	}
	r := &message{ID: m.ID, Result: params(result)}
	if err != nil {
		r.Error = err.Error()
	}
	if err := s.out.send(r); err != nil {
		fmt.Fprintf(os.NewFile(fdLog, "log"), "ratelab session: %v\n", err)
	}
}

// notify sends a notification to the supervisor.
func (s *server) notify(method string, v any) {
	if err := s.out.send(&message{Method: method, Params: params(v)}); err != nil {
		fmt.Fprintf(os.NewFile(fdLog, "log"), "ratelab session: %v\n", err)
	}
}

// remoteOutput is a cell's engine.Output in the session process. Text goes straight
// to file descriptors 1 and 2, like every other write the cell makes, and the rest
// as notifications on the rpc socket: the supervisor receives both on one socket,
// in the order they were made.
type remoteOutput struct {
	s    *server
	cell uint64
}

// Stream implements engine.Output.
func (o *remoteOutput) Stream(name, text string) {
	f := os.Stdout
	if name == "stderr" {
		f = os.Stderr
	}
	writeChunked(f, text)
}

// writeChunked writes text in datagrams no larger than fragment, since one write
// to a datagram socket may not exceed its send buffer.
func writeChunked(f *os.File, text string) {
	for len(text) > 0 {
		n := min(len(text), fragment)
		f.WriteString(text[:n])
		text = text[n:]
	}
}

// Display implements engine.Output.
func (o *remoteOutput) Display(b engine.Bundle, displayID string) {
	o.s.notify(methodDisplay, bundleParams{Bundle: b, DisplayID: displayID})
}

// Update implements engine.Output.
func (o *remoteOutput) Update(b engine.Bundle, displayID string) {
	o.s.notify(methodUpdate, bundleParams{Bundle: b, DisplayID: displayID})
}

// Clear implements engine.Output.
func (o *remoteOutput) Clear(wait bool) {
	o.s.notify(methodClear, clearParams{Wait: wait})
}

// Page implements engine.Pager.
func (o *remoteOutput) Page(b engine.Bundle) {
	o.s.notify(methodPage, bundleParams{Bundle: b})
}

// Input implements engine.Output: the supervisor asks the front end.
func (o *remoteOutput) Input(prompt string, password bool) (string, error) {
	id, ch, err := o.s.calls.start()
	if err != nil {
		return "", err
	}
	err = o.s.out.send(&message{ID: id, Method: methodInput, Params: params(inputParams{Prompt: prompt, Password: password})})
	if err != nil {
		o.s.calls.forget(id)
		return "", err
	}
	r := <-ch
	if r.Error != "" {
		if r.Error == engine.ErrNoStdin.Error() {
			return "", engine.ErrNoStdin
		}
		return "", errors.New(r.Error)
	}
	var line string
	err = json.Unmarshal(r.Result, &line)
	return line, err
}

// PanicFrame reports a line yaegi writes for each interpreted frame a panic
// unwinds, so that if the panic ends the process the supervisor can say where.
func (o *remoteOutput) PanicFrame(where string) {
	o.s.notify(methodFrame, frameParams{Cell: o.cell, Frame: where})
}

// remoteCommOutput is a remoteOutput whose front end takes comm messages.
type remoteCommOutput struct{ *remoteOutput }

// Comm implements engine.CommOutput.
func (o remoteCommOutput) Comm(m engine.CommMessage) {
	o.s.notify(methodCommOut, m)
}
