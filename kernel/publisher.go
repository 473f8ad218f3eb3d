package kernel

import (
	"encoding/json"
	"log"
	"sync"

	zmq "github.com/pebbe/zmq4"

	"github.com/ratelab/ratelab/kernel/wire"
)

// publisher owns the iopub socket: any goroutine hands it messages through a channel
// and its one sender goroutine signs and sends them in order.
type publisher struct {
	sock    *zmq.Socket
	signer  *wire.Signer
	session string
	log     *log.Logger

	mu     sync.Mutex // guards closed and sends on ch
	closed bool
	ch     chan *wire.Message
	done   chan struct{}
}

func newPublisher(sock *zmq.Socket, signer *wire.Signer, session string, l *log.Logger) *publisher {
	p := &publisher{
		sock: sock, signer: signer, session: session, log: l,
		ch: make(chan *wire.Message, 1024), done: make(chan struct{}),
	}
	go p.run()
	return p
}

// publish sends msgType with content on iopub, as a child of parent (nil for none).
// content is encoded at once, so the caller may change it afterwards.
func (p *publisher) publish(parent *wire.Header, msgType string, content any) {
	p.publishMeta(parent, msgType, content, nil)
}

// publishMeta is publish with the message's metadata (nil for none).
func (p *publisher) publishMeta(parent *wire.Header, msgType string, content any, metadata map[string]any) {
	raw, err := json.Marshal(content)
	if err != nil {
		p.log.Printf("iopub: encode %s: %v", msgType, err)
		return
	}
	m := &wire.Message{
		// The topic frame: subscribers filter on it; front ends subscribe to all.
		Identities:   [][]byte{[]byte("kernel." + p.session + "." + msgType)},
		Header:       wire.NewHeader(msgType, p.session, "kernel"),
		ParentHeader: parent,
		Metadata:     metadata,
		Content:      raw,
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return // a goroutine left behind by a cell printed after shutdown
	}
	p.ch <- m
}

func (p *publisher) run() {
	defer close(p.done)
	for m := range p.ch {
		frames, err := wire.Encode(m, p.signer)
		if err != nil {
			p.log.Printf("iopub: %v", err)
			continue
		}
		if _, err := p.sock.SendMessage(frames); err != nil {
			p.log.Printf("iopub: send %s: %v", m.Header.MsgType, err)
		}
	}
}

// close sends what is queued, then closes the socket.
func (p *publisher) close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.ch)
	}
	p.mu.Unlock()
	<-p.done
	p.sock.Close()
}
