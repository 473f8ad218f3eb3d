// Package supervise runs ratelab's Go session in a child process, so that nothing a
// cell does can take the Jupyter sockets (or `ratelab run`) down with it: a stack
// overflow, running out of memory, concurrent map writes, a panic on a goroutine
// the session does not own, os.Exit or log.Fatal end the child, and the supervisor
// reports the death in the cell that caused it with the Go runtime's own message,
// then goes on with a fresh session (a warm spare, ready in milliseconds).
//
// Interpreter is the supervisor's side: an engine.Interpreter that forwards each
// call to the session process, so the protocol layer (package kernel) and
// `ratelab run` (package notebook) drive it exactly as they drove the session in
// process. Serve is the session process's side, around any engine.Interpreter.
//
// # The connection
//
// The session's file descriptors 1 and 2 and a third one for messages are datagram
// sockets, all sending to one socket of the supervisor's: a single queue keeps the
// order of stdout, stderr, displays and replies exactly as the cell made them, and
// holds the Go runtime's last words when it dies. Requests travel the other way as
// JSON lines on a pipe. Messages are JSON-RPC-like (see message): requests with an
// id and a reply, notifications without.
//
// # Adding a method
//
// A new engine.Interpreter method (the supervisor asks, the session answers):
//  1. in message.go, a method name and, if it has arguments or a result, their
//     types;
//  2. in supervise.go, the Interpreter method: p.call(ctx, methodX, args, &result);
//  3. in server.go, a case in server.handle calling s.in.X and replying.
//
// A new engine.Output method (the session tells the supervisor, during a cell):
//  1. in message.go, a method name and its params type, with the cell number;
//  2. in server.go, the remoteOutput method: o.s.notify(methodX, params);
//  3. in process.go, a case in process.dispatch calling p.sup.output().X.
//
// An output method that needs an answer (like Input) is a request from the session
// instead: remoteOutput.Input and the methodInput case in dispatch show how.
package supervise

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// Options configure an Interpreter.
type Options struct {
	// Command starts a session process (argv); its main must call Serve.
	Command []string
	// Dir is the session's working directory; "" is the supervisor's.
	Dir string
	// Log receives what goes wrong, the supervisor's and the sessions' own; nil
	// means os.Stderr.
	Log *os.File
	// Info is what Info answers, without waiting for a session.
	Info engine.LanguageInfo
	// Spare keeps a second session started and waiting, so that after a death
	// the next cell runs at once (a kernel wants it; a batch run need not).
	Spare bool
	// InterruptGrace is how long an interrupted cell may take to stop before its
	// session is killed and replaced; zero means DefaultInterruptGrace.
	InterruptGrace time.Duration
}

// DefaultInterruptGrace is Options.InterruptGrace's default. An interpreted cell
// stops within microseconds; only a session that no longer answers takes longer.
const DefaultInterruptGrace = 3 * time.Second

// Interpreter is an engine.Interpreter whose session runs in a child process.
type Interpreter struct {
	opts Options
	log  *log.Logger

	mu     sync.Mutex
	cur    *process // the session cells run in
	spare  *process // the next one, started ahead; nil when none
	closed bool

	cells uint64 // numbers Execute calls; guarded by mu

	// route is where the session's output goes: the running cell's, or after it,
	// the last cell's (output of goroutines it left running, as ipykernel sends
	// output between cells to the last request).
	routeMu sync.Mutex
	route   engine.Output
	cell    uint64
}

var (
	_ engine.Interpreter = (*Interpreter)(nil)
	_ engine.Comms       = (*Interpreter)(nil)
)

// New starts the first session; it returns before the session is ready, which the
// first call that needs it waits for.
func New(opts Options) (*Interpreter, error) {
	if len(opts.Command) == 0 {
		return nil, errors.New("supervise.New: Options.Command is required")
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	if opts.InterruptGrace <= 0 {
		opts.InterruptGrace = DefaultInterruptGrace
	}
	sup := &Interpreter{opts: opts, log: log.New(opts.Log, "ratelab supervisor: ", log.LstdFlags|log.Lmicroseconds)}
	p, err := sup.start()
	if err != nil {
		return nil, err
	}
	sup.cur = p
	if opts.Spare {
		go func() {
			<-p.ready // not while the first session starts: the machine may be small
			sup.mu.Lock()
			defer sup.mu.Unlock()
			sup.startSpare()
		}()
	}
	return sup, nil
}

// startSpare starts a spare session if there is none; sup.mu is held.
func (sup *Interpreter) startSpare() {
	if sup.closed || sup.spare != nil || !sup.opts.Spare {
		return
	}
	p, err := sup.start()
	if err != nil {
		sup.log.Printf("start a spare session: %v", err)
		return
	}
	sup.spare = p
}

// session returns the session to use, started and ready; after a death it is the
// spare, or a new one. A session that died since the last cell, between cells, is
// returned dead, so that the caller reports it.
func (sup *Interpreter) session(ctx context.Context) (*process, error) {
	for {
		sup.mu.Lock()
		if sup.closed {
			sup.mu.Unlock()
			return nil, errors.New("the session was closed")
		}
		p := sup.cur
		if p.dead() {
			if p.wasReady && !p.reported {
				sup.mu.Unlock()
				return p, nil
			}
			if err := sup.replaceLocked(); err != nil {
				sup.mu.Unlock()
				return nil, err
			}
			p = sup.cur
		}
		sup.mu.Unlock()
		select {
		case <-p.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if !p.wasReady {
			<-p.exited
			sup.mu.Lock()
			p.reported = true
			sup.mu.Unlock()
			e := p.deathReport(0)
			return nil, fmt.Errorf("the session process failed to start: %s: %s", e.Name, e.Value)
		}
		if !p.dead() {
			return p, nil
		}
	}
}

// replaceLocked makes the spare (or a new session) current; sup.mu is held.
func (sup *Interpreter) replaceLocked() error {
	if old := sup.cur; !old.dead() {
		old.kill("replaced")
	}
	if sup.spare != nil {
		sup.cur, sup.spare = sup.spare, nil
	} else {
		p, err := sup.start()
		if err != nil {
			return err
		}
		sup.cur = p
	}
	go func(p *process) {
		<-p.ready
		sup.mu.Lock()
		defer sup.mu.Unlock()
		sup.startSpare()
	}(sup.cur)
	return nil
}

// output returns where the session's output goes now.
func (sup *Interpreter) output() engine.Output {
	sup.routeMu.Lock()
	defer sup.routeMu.Unlock()
	if sup.route == nil {
		return logOutput{sup.log}
	}
	return sup.route
}

// stream sends text the session wrote to fd 1 or 2 to the current route.
func (sup *Interpreter) stream(name, text string) {
	if text != "" {
		sup.output().Stream(name, text)
	}
}

func (sup *Interpreter) setRoute(cell uint64, out engine.Output) {
	sup.routeMu.Lock()
	sup.route, sup.cell = out, cell
	sup.routeMu.Unlock()
}

// Execute implements engine.Interpreter: it runs code in the session process.
// When the process dies, the cell's error says how, with the Go runtime's own
// message, and a fresh session is ready for the next cell.
func (sup *Interpreter) Execute(ctx context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	_, comms := out.(engine.CommOutput)
	r, e := sup.run(ctx, out, func(cell uint64) *message {
		return &message{Method: methodExecute, Params: params(executeParams{Cell: cell, Code: code, Comms: comms})}
	})
	if e != nil {
		return nil, e
	}
	return r.Bundle, r.Error
}

// HandleComm implements engine.Comms: the session handles m as it runs a cell (a
// widget's OnChange is cell code), with the same death reports and interrupts.
func (sup *Interpreter) HandleComm(ctx context.Context, m engine.CommMessage, out engine.CommOutput) *engine.Error {
	r, e := sup.run(ctx, out, func(cell uint64) *message {
		return &message{Method: methodComm, Params: params(commParams{Cell: cell, Message: m})}
	})
	if e != nil {
		return e
	}
	return r.Error
}

// CommInfo implements engine.Comms.
func (sup *Interpreter) CommInfo(target string) map[string]string {
	var comms map[string]string
	sup.query(methodCommInfo, commInfoParams{Target: target}, &comms)
	return comms
}

// run sends the request request(cell) that runs cell code in the session, with out
// as its output, and waits for its executeResult. A session that dies meanwhile,
// or died since the last one, is reported as the error.
func (sup *Interpreter) run(ctx context.Context, out engine.Output, request func(cell uint64) *message) (*executeResult, *engine.Error) {
	p, err := sup.session(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, interruptedWaiting()
		}
		return nil, &engine.Error{Name: "SessionError", Value: err.Error(), Traceback: []string{"SessionError: " + err.Error()}}
	}
	sup.mu.Lock()
	sup.cells++
	cell := sup.cells
	sup.mu.Unlock()
	if p.dead() {
		e := sup.died(p)
		e.Traceback = append(e.Traceback, "It died after the last cell finished, while no cell ran (a goroutine left running?): this cell did not run.")
		return nil, e
	}
	sup.setRoute(cell, out)
	p.text[1].tail.reset()

	id, ch, err := p.calls.start()
	if err == nil {
		m := request(cell)
		m.ID = id
		err = p.requests.send(m)
	}
	var reply *message
	if err == nil {
		select {
		case reply = <-ch:
		case <-ctx.Done():
			p.requests.send(&message{Method: methodInterrupt, Params: params(interruptParams{Cell: cell})})
			select {
			case reply = <-ch:
			case <-time.After(sup.opts.InterruptGrace):
				p.kill(fmt.Sprintf("the cell did not stop within %v of its interrupt, so its session was ended", sup.opts.InterruptGrace))
				reply = <-ch // the reader fails it once the process is gone
			}
		}
	}
	if p.dead() || reply == nil || reply.Error == errSessionDied.Error() {
		<-p.exited
		return nil, sup.died(p)
	}
	if reply.Error != "" {
		return nil, &engine.Error{Name: "SessionError", Value: reply.Error, Traceback: []string{"SessionError: " + reply.Error}}
	}
	var r executeResult
	if err := jsonUnmarshal(reply.Result, &r); err != nil {
		return nil, &engine.Error{Name: "SessionError", Value: err.Error(), Traceback: []string{"SessionError: " + err.Error()}}
	}
	if r.Restart {
		p.kill("this cell was interrupted while it waited for an earlier cell's call to " + r.Stuck + " to return, so the session was replaced")
		<-p.exited
		return nil, sup.died(p)
	}
	if r.Stuck != "" && r.Error != nil {
		e := *r.Error
		e.Traceback = append(append([]string(nil), e.Traceback...), stuckNotice(r.Stuck)...)
		r.Error = &e
	}
	return &r, nil
}

// died reports p's death as the cell's error and makes a fresh session current.
func (sup *Interpreter) died(p *process) *engine.Error {
	sup.routeMu.Lock()
	cell := sup.cell
	sup.routeMu.Unlock()
	e := p.deathReport(cell)
	sup.log.Printf("session %d died: %s: %s", p.cmd.Process.Pid, e.Name, e.Value)
	sup.mu.Lock()
	p.reported = true
	if sup.cur == p && !sup.closed {
		if err := sup.replaceLocked(); err != nil {
			e.Traceback = append(e.Traceback, "A new session could not be started: "+err.Error())
		}
	}
	sup.mu.Unlock()
	return e
}

func interruptedWaiting() *engine.Error {
	return &engine.Error{Name: "KeyboardInterrupt", Value: "interrupted while the session was starting",
		Traceback: []string{"KeyboardInterrupt: interrupted while the session was starting"}}
}

// stuckNotice tells the user what an interrupt could not stop means for the next
// cell.
func stuckNotice(call string) []string {
	return []string{"The next cell waits for " + call + " to return; interrupt that cell to restart the session instead (its variables are then lost)."}
}

// Complete implements engine.Interpreter. It is answered while a cell runs.
func (sup *Interpreter) Complete(code string, cursor int) engine.Completion {
	var c engine.Completion
	sup.query(methodComplete, queryParams{Code: code, Cursor: cursor}, &c)
	return c
}

// Inspect implements engine.Interpreter.
func (sup *Interpreter) Inspect(code string, cursor, detail int) (engine.Bundle, bool) {
	var r inspectResult
	sup.query(methodInspect, queryParams{Code: code, Cursor: cursor, Detail: detail}, &r)
	return r.Bundle, r.Found
}

// IsComplete implements engine.Interpreter.
func (sup *Interpreter) IsComplete(code string) engine.Completeness {
	c := engine.Completeness{Status: "unknown"}
	sup.query(methodIsComplete, queryParams{Code: code}, &c)
	return c
}

// queryTimeout bounds a completion or inspection: a front end waiting for one is
// better answered with nothing than kept waiting on a session that is starting.
const queryTimeout = 5 * time.Second

func (sup *Interpreter) query(method string, v, result any) {
	ctx, cancel := context.WithTimeout(context.Background(), queryTimeout)
	defer cancel()
	p, err := sup.session(ctx)
	if err == nil {
		err = p.call(ctx, method, v, result)
	}
	if err != nil {
		sup.log.Printf("%s: %v", method, err)
	}
}

// Info implements engine.Interpreter.
func (sup *Interpreter) Info() engine.LanguageInfo { return sup.opts.Info }

// Reset implements engine.Interpreter.
func (sup *Interpreter) Reset() error {
	p, err := sup.session(context.Background())
	if err != nil {
		return err
	}
	return p.call(context.Background(), methodReset, nil, nil)
}

// Close implements engine.Interpreter: it ends the session processes.
func (sup *Interpreter) Close() error {
	sup.mu.Lock()
	if sup.closed {
		sup.mu.Unlock()
		return errors.New("supervise: already closed")
	}
	sup.closed = true
	cur, spare := sup.cur, sup.spare
	sup.mu.Unlock()
	if spare != nil {
		spare.kill("closed")
	}
	if cur == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	select {
	case <-cur.ready:
	case <-ctx.Done():
	}
	var err error
	if !cur.dead() {
		err = cur.call(ctx, methodClose, nil, nil)
		if errors.Is(err, errSessionDied) || (err != nil && err.Error() == errSessionDied.Error()) {
			err = nil // it closed and exited before its reply was read
		}
	}
	select {
	case <-cur.exited:
	case <-ctx.Done():
		cur.kill("closed")
		<-cur.exited
	}
	if spare != nil {
		<-spare.exited
	}
	return err
}

// logOutput receives output no cell can take (before the first cell).
type logOutput struct{ l *log.Logger }

func (o logOutput) Stream(name, text string) {
	o.l.Printf("session %s before any cell: %q", name, text)
}
func (o logOutput) Display(engine.Bundle, string)      {}
func (o logOutput) Update(engine.Bundle, string)       {}
func (o logOutput) Clear(bool)                         {}
func (o logOutput) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }
