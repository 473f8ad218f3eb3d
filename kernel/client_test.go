package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	zmq "github.com/pebbe/zmq4"

	"github.com/ratelab/ratelab/kernel/wire"
)

// testClient is an in-process Jupyter front end on real zmq sockets (ipc transport in
// a temporary directory, so tests never fight over TCP ports).
type testClient struct {
	t                     testing.TB
	shell, control, stdin *zmq.Socket
	iopub, hb             *zmq.Socket
	signer                *wire.Signer
	session               string

	srv    *Server
	fake   *fakeInterp
	logBuf *syncBuffer
	done   chan error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const testKey = "test-key"

func startKernel(t testing.TB, historyPath string) *testClient {
	t.Helper()
	return startKernelOn(t, &wire.ConnectionInfo{
		Transport: "ipc", IP: filepath.Join(t.TempDir(), "k"),
		ShellPort: 1, IOPubPort: 2, StdinPort: 3, ControlPort: 4, HBPort: 5,
		Key: testKey, SignatureScheme: "hmac-sha256",
	}, historyPath)
}

// tcpConn is a loopback TCP connection on five ports that were free a moment ago, as
// jupyter_client picks them.
func tcpConn(t testing.TB) *wire.ConnectionInfo {
	var ports [5]int
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return &wire.ConnectionInfo{
		Transport: "tcp", IP: "127.0.0.1",
		ShellPort: ports[0], IOPubPort: ports[1], StdinPort: ports[2], ControlPort: ports[3], HBPort: ports[4],
		Key: testKey, SignatureScheme: "hmac-sha256",
	}
}

func startKernelOn(t testing.TB, conn *wire.ConnectionInfo, historyPath string) *testClient {
	t.Helper()
	c := &testClient{t: t, fake: &fakeInterp{}, logBuf: &syncBuffer{}, done: make(chan error, 1), session: wire.NewID()}
	srv, err := New(Options{Conn: conn, Interpreter: c.fake, HistoryPath: historyPath, Log: c.logBuf, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	c.srv = srv
	go func() { c.done <- srv.Run(context.Background()) }()
	c.signer, _ = wire.NewSigner("hmac-sha256", []byte(testKey))
	connect := func(typ zmq.Type, port int) *zmq.Socket {
		s, err := zmq.NewSocket(typ)
		if err != nil {
			t.Fatal(err)
		}
		s.SetLinger(0)
		if typ == zmq.SUB {
			s.SetSubscribe("")
		}
		if port == conn.ShellPort || port == conn.StdinPort {
			// As jupyter_client does: shell and stdin share one identity, so the
			// kernel can route input_request to the front end that sent the cell.
			s.SetIdentity(c.session)
		}
		if err := s.Connect(conn.Endpoint(port)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	c.shell = connect(zmq.DEALER, conn.ShellPort)
	c.control = connect(zmq.DEALER, conn.ControlPort)
	c.stdin = connect(zmq.DEALER, conn.StdinPort)
	c.iopub = connect(zmq.SUB, conn.IOPubPort)
	c.hb = connect(zmq.REQ, conn.HBPort)
	t.Cleanup(c.close)
	c.waitIOPub()
	return c
}

// waitIOPub sends kernel_info_requests until iopub delivers, as jupyter_client's
// "nudge" does: a SUB socket misses what is published before it has joined.
func (c *testClient) waitIOPub() {
	for i := 0; i < 100; i++ {
		id := c.send(c.shell, "kernel_info_request", nil)
		c.reply(c.shell, id)
		if msgs := c.drainIOPub(50 * time.Millisecond); len(msgs) > 0 {
			c.drainIOPub(50 * time.Millisecond)
			return
		}
	}
	c.t.Fatal("iopub never delivered a message")
}

func (c *testClient) close() {
	for _, s := range []*zmq.Socket{c.shell, c.control, c.stdin, c.iopub, c.hb} {
		s.Close()
	}
	select {
	case <-c.done: // already shut down by the test
		return
	default:
	}
	c.srv.stop(false)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.t.Error("kernel did not stop")
	}
}

func (c *testClient) message(msgType string, content any) *wire.Message {
	if content == nil {
		content = map[string]any{}
	}
	raw, _ := json.Marshal(content)
	return &wire.Message{Header: wire.NewHeader(msgType, c.session, "tester"), Content: raw}
}

func (c *testClient) sendMsg(sock *zmq.Socket, m *wire.Message, s *wire.Signer) string {
	frames, err := wire.Encode(m, s)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := sock.SendMessage(frames); err != nil {
		c.t.Fatal(err)
	}
	return m.Header.MsgID
}

func (c *testClient) send(sock *zmq.Socket, msgType string, content any) string {
	return c.sendMsg(sock, c.message(msgType, content), c.signer)
}

func (c *testClient) recv(sock *zmq.Socket, timeout time.Duration) *wire.Message {
	c.t.Helper()
	p := zmq.NewPoller()
	p.Add(sock, zmq.POLLIN)
	polled, err := p.Poll(timeout)
	if err != nil {
		c.t.Fatal(err)
	}
	if len(polled) == 0 {
		return nil
	}
	frames, err := sock.RecvMessageBytes(0)
	if err != nil {
		c.t.Fatal(err)
	}
	m, err := wire.Decode(frames, c.signer)
	if err != nil {
		c.t.Fatalf("kernel sent a message we cannot decode: %v", err)
	}
	return m
}

// reply waits for the reply to request id on sock.
func (c *testClient) reply(sock *zmq.Socket, id string) *wire.Message {
	c.t.Helper()
	m := c.recv(sock, 5*time.Second)
	if m == nil {
		c.t.Fatalf("no reply to %s within 5 s; kernel log:\n%s", id, c.logBuf)
	}
	if m.ParentHeader == nil || m.ParentHeader.MsgID != id {
		c.t.Fatalf("reply %s has parent %+v, want %s", m.Header.MsgType, m.ParentHeader, id)
	}
	return m
}

// iopubUntilIdle collects the iopub messages of request id, from its busy to its idle.
func (c *testClient) iopubUntilIdle(id string) []*wire.Message {
	c.t.Helper()
	var out []*wire.Message
	for {
		m := c.recv(c.iopub, 5*time.Second)
		if m == nil {
			c.t.Fatalf("no idle for %s; got %v", id, types(out))
		}
		if m.ParentHeader == nil || m.ParentHeader.MsgID != id {
			continue
		}
		out = append(out, m)
		if m.Header.MsgType == "status" && content(m)["execution_state"] == "idle" {
			return out
		}
	}
}

func (c *testClient) drainIOPub(wait time.Duration) []*wire.Message {
	var out []*wire.Message
	for m := c.recv(c.iopub, wait); m != nil; m = c.recv(c.iopub, wait) {
		out = append(out, m)
	}
	return out
}

func (c *testClient) execute(code string, extra map[string]any) (reply *wire.Message, iopub []*wire.Message) {
	c.t.Helper()
	content := map[string]any{"code": code, "silent": false, "store_history": true, "allow_stdin": false, "stop_on_error": true}
	for k, v := range extra {
		content[k] = v
	}
	id := c.send(c.shell, "execute_request", content)
	return c.reply(c.shell, id), c.iopubUntilIdle(id)
}

func content(m *wire.Message) map[string]any {
	var v map[string]any
	json.Unmarshal(m.Content, &v)
	return v
}

func types(ms []*wire.Message) []string {
	var out []string
	for _, m := range ms {
		t := m.Header.MsgType
		if t == "status" {
			t += ":" + fmt.Sprint(content(m)["execution_state"])
		}
		out = append(out, t)
	}
	return out
}
