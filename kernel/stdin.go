package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	zmq "github.com/pebbe/zmq4"

	"github.com/ratelab/ratelab/kernel/wire"
)

// ErrInputInterrupted is returned by a cell's Input when the cell is interrupted while
// it waits for the user.
var ErrInputInterrupted = errors.New("interrupted while waiting for input")

// input sends input_request to the front end at idents and waits for its input_reply.
// The stdin socket is used by one cell at a time (stdinMu), which makes the waiting
// goroutine its owner for as long as it waits.
func (s *Server) input(ctx context.Context, idents [][]byte, parent *wire.Header, prompt string, password bool) (string, error) {
	s.stdinMu.Lock()
	defer s.stdinMu.Unlock()
	c := s.stdin
	// A reply to an earlier request that was interrupted must not answer this one.
	for {
		if _, err := c.sock.RecvMessageBytes(zmq.DONTWAIT); err != nil {
			break
		}
	}
	content, _ := json.Marshal(map[string]any{"prompt": prompt, "password": password})
	s.send(c, &wire.Message{
		Identities:   idents,
		Header:       wire.NewHeader("input_request", s.session, "kernel"),
		ParentHeader: parent,
		Content:      content,
	})
	poller := zmq.NewPoller()
	poller.Add(c.sock, zmq.POLLIN)
	for {
		if ctx.Err() != nil {
			return "", ErrInputInterrupted
		}
		if s.stopping.Load() {
			return "", errors.New("the kernel is shutting down")
		}
		polled, err := poller.Poll(pollInterval / 2)
		if err != nil {
			return "", fmt.Errorf("stdin: poll: %w", err)
		}
		if len(polled) == 0 {
			continue
		}
		m := s.recv(c, 0)
		if m == nil {
			continue
		}
		if m.Header.MsgType != "input_reply" {
			s.log.Printf("stdin: ignored a %s while waiting for input_reply", m.Header.MsgType)
			continue
		}
		// jupyter_client's KernelClient.input sends no parent header, so any
		// input_reply answers the one request outstanding.
		var r struct {
			Value string `json:"value"`
		}
		if err := json.Unmarshal(m.Content, &r); err != nil {
			return "", fmt.Errorf("stdin: input_reply content: %w", err)
		}
		return r.Value, nil
	}
}
