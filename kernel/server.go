// Package kernel serves the Jupyter messaging protocol (5.5) over zmq for an
// engine.Interpreter: the five sockets of a connection file, one handler per message
// type, status busy/idle around every request, execution counts, interrupts, stdin
// and history.
//
// Each zmq socket has exactly one owner goroutine at a time, because zmq sockets are
// not safe for concurrent use: shell and control each have a loop of their own, iopub
// is fed through a channel to its sender goroutine, heartbeat echoes on its own, and
// stdin is used only by the cell asking for input, under a mutex.
package kernel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"sync/atomic"
	"time"

	zmq "github.com/pebbe/zmq4"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/wire"
)

// Options configure a Server.
type Options struct {
	Conn        *wire.ConnectionInfo
	Interpreter engine.Interpreter
	// HistoryPath is the history file (see History); "" keeps no history. It is
	// opened in the background so that it never delays the kernel's start.
	HistoryPath string
	// Log receives what goes wrong (bad signatures, unknown messages); os.Stderr
	// when nil.
	Log io.Writer
	// Version is reported as implementation_version in kernel_info_reply.
	Version string
}

// Server is a running kernel's protocol side.
type Server struct {
	opts    Options
	interp  engine.Interpreter
	session string // this kernel's session id, in every header it sends
	log     *log.Logger

	shell, control, hb *channel
	stdin              *channel
	stdinMu            sync.Mutex // held while a cell waits for input_reply
	pub                *publisher
	hist               *historyWorker

	execCount int // owned by the shell goroutine

	seen       *replayGuard // signatures of the messages received
	usageMeter usageMeter

	mu     sync.Mutex
	cancel context.CancelFunc // of the running cell, nil when idle

	stopping atomic.Bool
	stopOnce sync.Once
	stopped  chan struct{}
	restart  atomic.Bool
}

// channel is one bound socket with its own signer (signers are not goroutine-safe).
type channel struct {
	name   string
	sock   *zmq.Socket
	signer *wire.Signer
}

// stopGrace is how long shutdown waits for an interrupted cell to return; Jupyter
// itself kills a kernel that has not exited 5 s after its shutdown_request.
const stopGrace = 4 * time.Second

// pollInterval bounds how long a loop takes to notice shutdown; a message that
// arrives wakes the poll at once, so it costs no latency.
const pollInterval = 100 * time.Millisecond

// New binds the connection's five sockets.
func New(opts Options) (*Server, error) {
	if opts.Conn == nil || opts.Interpreter == nil {
		return nil, errors.New("kernel.New: Conn and Interpreter are required")
	}
	signer, err := opts.Conn.Signer()
	if err != nil {
		return nil, err
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	s := &Server{
		opts:    opts,
		interp:  opts.Interpreter,
		session: wire.NewID(),
		log:     log.New(opts.Log, "ratelab kernel: ", log.LstdFlags|log.Lmicroseconds),
		stopped: make(chan struct{}),
		seen:    newReplayGuard(replayMemory),
	}
	c := opts.Conn
	if c.Key == "" {
		s.log.Printf("warning: the connection file has an empty key: messages are neither signed nor checked, " +
			"so anyone who can reach the ports can run code as you")
	}
	binds := []struct {
		dst  **channel
		name string
		typ  zmq.Type
		port int
	}{
		{&s.shell, "shell", zmq.ROUTER, c.ShellPort},
		{&s.control, "control", zmq.ROUTER, c.ControlPort},
		{&s.stdin, "stdin", zmq.ROUTER, c.StdinPort},
		{&s.hb, "hb", zmq.REP, c.HBPort},
	}
	var iopub *zmq.Socket
	fail := func(err error) (*Server, error) {
		s.closeSockets()
		if iopub != nil {
			iopub.Close()
		}
		return nil, err
	}
	for _, b := range binds {
		sock, err := bind(b.typ, c.Endpoint(b.port), b.name)
		if err != nil {
			return fail(err)
		}
		*b.dst = &channel{name: b.name, sock: sock, signer: signer.Clone()}
	}
	if iopub, err = bindIOPub(c.Endpoint(c.IOPubPort)); err != nil {
		return fail(err)
	}
	s.pub = newPublisher(iopub, signer.Clone(), s.session, s.log)
	if opts.HistoryPath != "" {
		s.hist = newHistoryWorker(opts.HistoryPath, s.log)
	}
	return s, nil
}

func bind(typ zmq.Type, endpoint, name string) (*zmq.Socket, error) {
	sock, err := zmq.NewSocket(typ)
	if err != nil {
		return nil, fmt.Errorf("%s socket: %w", name, err)
	}
	// Give replies sent just before exit (shutdown_reply, the last idle) time to leave.
	if err := sock.SetLinger(time.Second); err != nil {
		sock.Close()
		return nil, fmt.Errorf("%s socket: %w", name, err)
	}
	if err := sock.Bind(endpoint); err != nil {
		sock.Close()
		return nil, fmt.Errorf("bind %s socket to %s: %w", name, endpoint, err)
	}
	return sock, nil
}

// Run serves until a shutdown_request is handled or ctx is done. On shutdown it
// resets the interpreter when a restart was asked for and closes it otherwise, then
// closes every socket: the process should exit, as Jupyter starts a new one to restart.
func (s *Server) Run(ctx context.Context) error {
	s.pub.publish(nil, "status", map[string]string{"execution_state": "starting"})
	var loops sync.WaitGroup
	shellDone := make(chan struct{})
	loops.Add(2)
	go func() { defer loops.Done(); s.heartbeat() }()
	go func() { defer loops.Done(); s.serve(s.control, false) }()
	go func() { defer close(shellDone); s.serve(s.shell, true) }()

	select {
	case <-s.stopped:
	case <-ctx.Done():
		s.stop(false)
	}
	s.Interrupt()
	loops.Wait()
	var err error
	owned := []*channel{s.control, s.hb}
	select {
	case <-shellDone:
		owned = append(owned, s.shell, s.stdin)
		if s.restart.Load() {
			err = s.interp.Reset()
		} else {
			err = s.interp.Close()
		}
	case <-time.After(stopGrace):
		// The running cell ignores cancellation. Leave it and the sockets its
		// goroutine still owns (shell, stdin): the process is ending.
		err = fmt.Errorf("shutdown: the running cell did not stop within %v of its interrupt", stopGrace)
	}
	s.pub.close()
	if s.hist != nil {
		s.hist.close()
	}
	for _, c := range owned {
		c.sock.Close()
	}
	return err
}

// Interrupt cancels the running cell, if any, as SIGINT or interrupt_request ask.
func (s *Server) Interrupt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

func (s *Server) stop(restart bool) {
	s.stopOnce.Do(func() {
		s.restart.Store(restart)
		s.stopping.Store(true)
		close(s.stopped)
	})
}

func (s *Server) closeSockets() {
	for _, c := range []*channel{s.shell, s.control, s.stdin, s.hb} {
		if c != nil {
			c.sock.Close()
		}
	}
}

// heartbeat echoes every ping back, on its own goroutine so that a busy cell never
// makes the front end think the kernel died.
func (s *Server) heartbeat() {
	poller := zmq.NewPoller()
	poller.Add(s.hb.sock, zmq.POLLIN)
	for !s.stopping.Load() {
		polled, err := poller.Poll(pollInterval)
		if err != nil {
			s.log.Printf("heartbeat: poll: %v", err)
			return
		}
		if len(polled) == 0 {
			continue
		}
		frames, err := s.hb.sock.RecvMessageBytes(0)
		if err != nil {
			s.log.Printf("heartbeat: receive: %v", err)
			continue
		}
		if _, err := s.hb.sock.SendMessage(frames); err != nil {
			s.log.Printf("heartbeat: send: %v", err)
		}
	}
}

// serve is the loop of the shell or control socket: it receives one request at a time
// and handles it to the end before taking the next. On shell, a cell that fails with
// stop_on_error hands back the requests that were waiting behind it; their execute
// requests are answered "aborted" without running, as ipykernel's _abort_queues does
// (with its default stop_on_error_timeout of 0), and the others are served as usual.
func (s *Server) serve(c *channel, shell bool) {
	poller := zmq.NewPoller()
	poller.Add(c.sock, zmq.POLLIN)
	for !s.stopping.Load() {
		polled, err := poller.Poll(pollInterval)
		if err != nil {
			s.log.Printf("%s: poll: %v", c.name, err)
			return
		}
		if len(polled) == 0 {
			continue
		}
		m := s.recv(c, 0)
		if m == nil {
			continue
		}
		for _, q := range s.handle(c, m, false, shell) {
			s.handle(c, q, true, shell)
		}
	}
}

// waiting takes every request already queued on c without waiting for more. A failed
// cell calls it before it sends its reply, so what it takes surely arrived before the
// failure was known, and the replies still go out in request order.
func (s *Server) waiting(c *channel) []*wire.Message {
	var queued []*wire.Message
	for {
		frames, err := c.sock.RecvMessageBytes(zmq.DONTWAIT)
		if err != nil {
			return queued // EAGAIN: the queue is empty
		}
		if m := s.decode(c, frames); m != nil {
			queued = append(queued, m)
		}
	}
}

// recv receives and decodes one message; it returns nil (after logging) for a message
// that fails to decode or whose signature does not match.
func (s *Server) recv(c *channel, flags zmq.Flag) *wire.Message {
	frames, err := c.sock.RecvMessageBytes(flags)
	if err != nil {
		s.log.Printf("%s: receive: %v", c.name, err)
		return nil
	}
	return s.decode(c, frames)
}

func (s *Server) decode(c *channel, frames [][]byte) *wire.Message {
	m, err := wire.Decode(frames, c.signer)
	if errors.Is(err, wire.ErrSignature) {
		s.log.Printf("%s: dropped a message with a bad signature (%d frames); it was not executed", c.name, len(frames))
		return nil
	}
	if err != nil {
		s.log.Printf("%s: dropped a malformed message: %v", c.name, err)
		return nil
	}
	if len(m.Signature) > 0 && !s.seen.add(m.Signature) {
		s.log.Printf("%s: dropped a replayed %s (its signature was seen before); it was not executed", c.name, m.Header.MsgType)
		return nil
	}
	return m
}

// send signs and sends a message on c, which the calling goroutine must own.
func (s *Server) send(c *channel, m *wire.Message) {
	frames, err := wire.Encode(m, c.signer)
	if err != nil {
		s.log.Printf("%s: %v", c.name, err)
		return
	}
	if _, err := c.sock.SendMessage(frames); err != nil {
		s.log.Printf("%s: send %s: %v", c.name, m.Header.MsgType, err)
	}
}
