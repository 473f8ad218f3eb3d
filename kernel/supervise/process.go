package supervise

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// process is one session process and the supervisor's end of its connection.
//
// Everything the session sends comes to one datagram socket (recv): what the cell
// writes to file descriptors 1 and 2 (from fmt, os.Stdout, compiled code, a
// program it runs, or the Go runtime dying), and its messages (replies, displays).
// Each sender has an address of its own, and one socket queues datagrams in the
// order they were sent, so stdout, stderr, displays and the reply keep the order
// the cell made them in, and a fatal error's text is read in full before the exit
// is handled.
type process struct {
	sup  *Interpreter
	cmd  *exec.Cmd
	recv *net.UnixConn
	// eof is the supervisor's own sender: after the process exits, a datagram on it
	// marks the end of what the process sent.
	eof   *net.UnixConn
	names map[string]string // sender address → "stdout", "stderr", "rpc" or "eof"
	// maxDatagram is the largest datagram a sender can send (its send buffer).
	maxDatagram int
	requests    *streamSender
	reqFile     *os.File
	calls       calls

	ready chan struct{} // closed once the session has started, or the process ended
	// wasReady tells which: it is set before ready is closed.
	wasReady bool
	// reported is set once the process's death was reported; guarded by sup.mu.
	reported bool
	exited   chan struct{} // closed once the process has exited and all it sent is read
	state    *os.ProcessState
	waitErr  error

	// The reader goroutine's own state.
	text       [2]streamText // stdout, stderr
	frames     []string      // interpreted frames of a panic unwinding, for a death report
	framesCell uint64        // the cell they were reported for

	mu      sync.Mutex
	started time.Time
	killed  string // why the supervisor killed it, "" if it did not
}

// sendBuffer is the send buffer asked for each sender: a write to fd 1 or 2 larger
// than the buffer the kernel grants fails (EMSGSIZE), so ask for plenty. Linux caps
// it at net.core.wmem_max (doubled) unless the process may force it (root).
const sendBuffer = 64 << 20

// start starts a session process.
func (sup *Interpreter) start() (*process, error) {
	p := &process{sup: sup, ready: make(chan struct{}), exited: make(chan struct{}), started: time.Now()}
	base := "@ratelab-" + randomName()
	recv, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: base, Net: "unixgram"})
	if err != nil {
		return nil, fmt.Errorf("session socket: %w", err)
	}
	p.recv = recv
	p.names = map[string]string{}
	var files []*os.File // the process's ends, closed here once it has them
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	fail := func(err error) (*process, error) {
		recv.Close()
		if p.eof != nil {
			p.eof.Close()
		}
		return nil, err
	}
	sender := func(name string) (*os.File, *net.UnixConn, error) {
		addr := base + "/" + name
		c, err := net.DialUnix("unixgram", &net.UnixAddr{Name: addr, Net: "unixgram"}, recv.LocalAddr().(*net.UnixAddr))
		if err != nil {
			return nil, nil, fmt.Errorf("session %s socket: %w", name, err)
		}
		p.names[addr] = name
		p.maxDatagram = max(p.maxDatagram, growSendBuffer(c))
		if name == "eof" {
			return nil, c, nil
		}
		f, err := c.File() // a blocking duplicate, as a process expects fd 1 to be
		c.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("session %s socket: %w", name, err)
		}
		files = append(files, f)
		return f, nil, nil
	}
	stdout, _, err := sender("stdout")
	if err != nil {
		return fail(err)
	}
	stderr, _, err := sender("stderr")
	if err != nil {
		return fail(err)
	}
	rpc, _, err := sender("rpc")
	if err != nil {
		return fail(err)
	}
	if _, p.eof, err = sender("eof"); err != nil {
		return fail(err)
	}
	reqRead, reqWrite, err := os.Pipe()
	if err != nil {
		return fail(fmt.Errorf("session request pipe: %w", err))
	}
	files = append(files, reqRead)
	p.reqFile = reqWrite
	p.requests = newStreamSender(reqWrite)

	cmd := exec.Command(sup.opts.Command[0], sup.opts.Command[1:]...)
	cmd.Dir = sup.opts.Dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// ExtraFiles[i] becomes file descriptor 3+i: fdRPC, fdRequests, fdLog.
	cmd.ExtraFiles = []*os.File{rpc, reqRead, sup.opts.Log}
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// Its own process group: a SIGINT for the kernel's group (Jupyter's
		// interrupt) is not the session's, and the supervisor can end the
		// session with everything it started.
		Setpgid: true,
		// If the supervisor dies, so does the session.
		Pdeathsig: syscall.SIGKILL,
	}
	if err := cmd.Start(); err != nil {
		reqWrite.Close()
		return fail(fmt.Errorf("start the session process %s: %w", sup.opts.Command[0], err))
	}
	p.cmd = cmd
	go p.read()
	go p.wait()
	return p, nil
}

// growSendBuffer raises c's send buffer as far as the system allows and returns
// the size granted.
func growSendBuffer(c *net.UnixConn) int {
	raw, err := c.SyscallConn()
	if err != nil {
		return fragment + 1
	}
	size := 0
	raw.Control(func(fd uintptr) {
		if syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUFFORCE, sendBuffer) != nil {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF, sendBuffer)
		}
		size, _ = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF)
	})
	return max(size, fragment+1)
}

func randomName() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// wait reaps the process, then marks the end of what it sent.
func (p *process) wait() {
	p.waitErr = p.cmd.Wait()
	p.state = p.cmd.ProcessState
	p.reqFile.Close()
	// Whatever it started and left behind goes with it.
	syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	// Everything the process sent is queued before this datagram.
	if _, err := p.eof.Write([]byte{0}); err != nil {
		p.sup.log.Printf("session %d: mark its end: %v", p.cmd.Process.Pid, err)
		p.recv.Close()
	}
}

// read receives everything the process sends, in order, until its end.
func (p *process) read() {
	defer func() {
		p.flushText()
		p.calls.fail(errSessionDied)
		p.eof.Close()
		p.recv.Close()
		select {
		case <-p.ready:
		default:
			close(p.ready)
		}
		close(p.exited)
	}()
	buf := make([]byte, p.maxDatagram+1)
	var asm assembler
	for {
		n, _, flags, addr, err := p.recv.ReadMsgUnix(buf, nil)
		if err != nil {
			p.sup.log.Printf("session: receive: %v", err)
			return
		}
		if flags&syscall.MSG_TRUNC != 0 {
			p.sup.log.Printf("session: a datagram longer than %d bytes was cut", len(buf))
		}
		var name string
		if addr != nil {
			name = p.names[addr.Name]
		}
		if name == "stdout" || name == "rpc" {
			// The Go runtime stops the world to report a crash, so anything else
			// the process sends proves that stderr text held back as the start of
			// such a report was not one (a cell may print "panic: " itself).
			p.text[1].release(p, "stderr")
		}
		switch name {
		case "stdout":
			p.text[0].write(p, "stdout", buf[:n])
		case "stderr":
			p.text[1].write(p, "stderr", buf[:n])
		case "rpc":
			m, err := asm.add(buf[:n])
			if err != nil {
				p.sup.log.Printf("session: %v", err)
			}
			if m != nil {
				p.dispatch(m)
			}
		case "eof":
			return
		default:
			// Not one of ours: another local process guessing the address.
			p.sup.log.Printf("session: dropped a datagram from unknown sender %v", addr)
		}
	}
}

// errSessionDied fails the requests pending when the session process ended.
var errSessionDied = errors.New("the session process ended")

// dispatch handles one message from the session.
func (p *process) dispatch(m *message) {
	if m.Method == "" {
		p.calls.deliver(m)
		return
	}
	decode := func(v any) bool {
		if err := json.Unmarshal(m.Params, v); err != nil {
			p.sup.log.Printf("session: %s: bad params: %v", m.Method, err)
			return false
		}
		return true
	}
	switch m.Method {
	case methodReady:
		p.wasReady = true
		close(p.ready)
	case methodDisplay, methodUpdate, methodPage:
		var b bundleParams
		if !decode(&b) {
			return
		}
		out := p.sup.output()
		switch m.Method {
		case methodDisplay:
			out.Display(b.Bundle, b.DisplayID)
		case methodUpdate:
			out.Update(b.Bundle, b.DisplayID)
		default:
			page(out, b.Bundle)
		}
	case methodClear:
		var c clearParams
		if decode(&c) {
			p.sup.output().Clear(c.Wait)
		}
	case methodCommOut:
		var c engine.CommMessage
		if !decode(&c) {
			return
		}
		if out, ok := p.sup.output().(engine.CommOutput); ok {
			out.Comm(c)
		} else {
			p.sup.log.Printf("session: a %s for comm %s while no front end takes comms; dropped", c.Type, c.ID)
		}
	case methodFrame:
		var f frameParams
		if decode(&f) {
			if f.Cell != p.framesCell { // only the last cell's panic can be the death
				p.frames, p.framesCell = nil, f.Cell
			}
			p.frames = append(p.frames, f.Frame)
		}
	case methodInput:
		var in inputParams
		if !decode(&in) {
			return
		}
		out := p.sup.output()
		go func() { // the front end may take minutes to answer
			line, err := out.Input(in.Prompt, in.Password)
			r := &message{ID: m.ID, Result: params(line)}
			if err != nil {
				r.Error = err.Error()
			}
			p.requests.send(r)
		}()
	default:
		p.sup.log.Printf("session: unknown message %q ignored", m.Method)
	}
}

// page shows b in the front end's pager when out has one, else as a display.
func page(out engine.Output, b engine.Bundle) {
	if pg, ok := out.(engine.Pager); ok {
		pg.Page(b)
		return
	}
	out.Display(b, "")
}

// call sends a request and waits for its reply, decoding the result into result.
// It fails when the process ends first, or when ctx is done (nil: never).
func (p *process) call(ctx context.Context, method string, v, result any) error {
	id, ch, err := p.calls.start()
	if err != nil {
		return err
	}
	if err := p.requests.send(&message{ID: id, Method: method, Params: params(v)}); err != nil {
		p.calls.forget(id)
		return err
	}
	var done <-chan struct{}
	if ctx != nil {
		done = ctx.Done()
	}
	select {
	case r := <-ch:
		if r.Error != "" {
			return errors.New(r.Error)
		}
		if result != nil && len(r.Result) > 0 {
			return json.Unmarshal(r.Result, result)
		}
		return nil
	case <-done:
		p.calls.forget(id)
		return ctx.Err()
	}
}

// kill ends the process and everything it started, saying why in the death report.
func (p *process) kill(why string) {
	p.mu.Lock()
	if p.killed == "" {
		p.killed = why
	}
	p.mu.Unlock()
	syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
}

// dead reports whether the process has ended and everything it sent was read.
func (p *process) dead() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}
