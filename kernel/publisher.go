package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	zmq "github.com/pebbe/zmq4"

	"github.com/ratelab/ratelab/kernel/wire"
)

// publisher owns the iopub socket: any goroutine hands it messages through a channel
// and its one sender goroutine signs and sends them in order.
//
// The socket is an XPUB (protocol 5.5): it learns of each new subscription and
// answers it with iopub_welcome, so a client knows when it will see what follows.
// It does not drop silently at its high-water mark (ZMQ_XPUB_NODROP): when a front
// end reads slower than a cell prints, stream text is dropped and the drop is
// announced, while every other message (status idle, errors, results, displays)
// waits for room and is never lost.
type publisher struct {
	sock    *zmq.Socket
	signer  *wire.Signer
	session string
	log     *log.Logger

	mu     sync.Mutex // guards closed and sends on ch
	closed bool
	ch     chan *outgoing
	done   chan struct{}

	// Owned by the sender goroutine: stream text dropped and not yet announced.
	dropped       int
	droppedParent *wire.Header
}

// outgoing is one message to publish; text is its size when it may be dropped
// (stream text), else 0.
type outgoing struct {
	m    *wire.Message
	text int
}

// welcomeInterval is how often the sender looks for new subscriptions while it has
// nothing to send: a client waits at most this long for its iopub_welcome.
const welcomeInterval = 10 * time.Millisecond

// sendRetry is how long a message that must not be dropped waits for room before
// the sender looks for subscriptions and shutdown, then tries again.
const sendRetry = 100 * time.Millisecond

// closeGrace bounds how long close waits for a front end that does not read.
const closeGrace = 2 * time.Second

func newPublisher(sock *zmq.Socket, signer *wire.Signer, session string, l *log.Logger) *publisher {
	p := &publisher{
		sock: sock, signer: signer, session: session, log: l,
		ch: make(chan *outgoing, 1024), done: make(chan struct{}),
	}
	go p.run()
	return p
}

// bindIOPub binds the XPUB socket with the options the publisher relies on.
func bindIOPub(endpoint string) (*zmq.Socket, error) {
	sock, err := zmq.NewSocket(zmq.XPUB)
	if err != nil {
		return nil, fmt.Errorf("iopub socket: %w", err)
	}
	for _, set := range []func() error{
		func() error { return sock.SetLinger(time.Second) },
		// Every subscription, not only the first of each topic, gets a welcome.
		func() error { return sock.SetXpubVerbose(1) },
		func() error { return sock.SetXpubNodrop(true) },
		func() error { return sock.SetSndtimeo(sendRetry) },
	} {
		if err := set(); err != nil {
			sock.Close()
			return nil, fmt.Errorf("iopub socket: %w", err)
		}
	}
	if err := sock.Bind(endpoint); err != nil {
		sock.Close()
		return nil, fmt.Errorf("bind iopub socket to %s: %w", endpoint, err)
	}
	return sock, nil
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
	o := &outgoing{m: p.message(parent, msgType, raw)}
	o.m.Metadata = metadata
	if msgType == "stream" {
		o.text = len(raw)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return // a goroutine left behind by a cell printed after shutdown
	}
	p.ch <- o
}

func (p *publisher) message(parent *wire.Header, msgType string, content json.RawMessage) *wire.Message {
	return &wire.Message{
		// The topic frame: subscribers filter on it; front ends subscribe to all.
		Identities:   [][]byte{[]byte("kernel." + p.session + "." + msgType)},
		Header:       wire.NewHeader(msgType, p.session, "kernel"),
		ParentHeader: parent,
		Content:      content,
	}
}

func (p *publisher) run() {
	defer close(p.done)
	tick := time.NewTicker(welcomeInterval)
	defer tick.Stop()
	for {
		select {
		case o, ok := <-p.ch:
			if !ok {
				p.announceDrops(true)
				return
			}
			p.send(o)
		case <-tick.C:
			p.welcome()
		}
	}
}

// send sends o: stream text only if there is room, anything else as soon as there is.
func (p *publisher) send(o *outgoing) {
	if o.text > 0 {
		if !p.announceDrops(false) || !p.sendFrames(o.m, false) {
			p.drop(o)
		}
		return
	}
	p.announceDrops(true)
	p.sendFrames(o.m, true)
}

// drop counts stream text that could not be sent.
func (p *publisher) drop(o *outgoing) {
	if p.droppedParent != nil && o.m.ParentHeader != nil && p.droppedParent.MsgID != o.m.ParentHeader.MsgID {
		p.announceDrops(true) // a new cell's drops are its own
	}
	p.dropped += o.text
	p.droppedParent = o.m.ParentHeader
}

// announceDrops tells the front end how much stream text it missed, as stderr of
// the cell that printed it; wait says whether to wait for room. It reports whether
// nothing is left to announce.
func (p *publisher) announceDrops(wait bool) bool {
	if p.dropped == 0 {
		return true
	}
	text := fmt.Sprintf("\n[ratelab: about %s of output was dropped here: the front end did not read it as fast as the cell printed it]\n", byteCount(p.dropped))
	content, _ := json.Marshal(map[string]string{"name": "stderr", "text": text})
	if !p.sendFrames(p.message(p.droppedParent, "stream", content), wait) {
		return false
	}
	p.log.Printf("iopub: dropped about %s of stream output for a slow front end", byteCount(p.dropped))
	p.dropped, p.droppedParent = 0, nil
	return true
}

// sendFrames signs and sends m; with wait it retries until there is room (or the
// publisher has been closing for closeGrace), else it gives up at once when the
// front end's queue is full. It reports whether m was sent.
func (p *publisher) sendFrames(m *wire.Message, wait bool) bool {
	frames, err := wire.Encode(m, p.signer)
	if err != nil {
		p.log.Printf("iopub: %v", err)
		return true // nothing to retry
	}
	var giveUp time.Time
	for {
		var err error
		if wait {
			_, err = p.sock.SendMessage(frames)
		} else {
			_, err = p.sock.SendMessageDontwait(frames)
		}
		if err == nil {
			return true
		}
		if !errors.Is(zmq.AsErrno(err), zmq.Errno(syscall.EAGAIN)) {
			p.log.Printf("iopub: send %s: %v", m.Header.MsgType, err)
			return true
		}
		if !wait {
			return false
		}
		p.welcome() // a new subscriber may be what makes room
		p.mu.Lock()
		closing := p.closed
		p.mu.Unlock()
		if closing {
			if giveUp.IsZero() {
				giveUp = time.Now().Add(closeGrace)
			} else if time.Now().After(giveUp) {
				p.log.Printf("iopub: %s not sent: the front end stopped reading", m.Header.MsgType)
				return false
			}
		}
	}
}

// welcome answers each new subscription with iopub_welcome (JEP 65): no parent,
// the subscription topic as content and as the topic frame.
func (p *publisher) welcome() {
	for {
		msg, err := p.sock.RecvBytes(zmq.DONTWAIT)
		if err != nil {
			return // EAGAIN: none waiting
		}
		if len(msg) == 0 || msg[0] != 1 || !utf8.Valid(msg[1:]) {
			continue // an unsubscription, or a topic that is not UTF-8: ignored
		}
		topic := string(msg[1:])
		content, _ := json.Marshal(map[string]string{"subscription": topic})
		m := p.message(nil, "iopub_welcome", content)
		m.Identities = [][]byte{[]byte(topic)}
		p.sendFrames(m, false)
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

// byteCount is n in B, kB, MB or GB.
func byteCount(n int) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
