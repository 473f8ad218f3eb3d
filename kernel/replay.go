package kernel

import "sync"

// replayMemory is how many signatures a kernel remembers, as jupyter_client's
// Session.digest_history_size.
const replayMemory = 1 << 16

// replayGuard remembers the signatures of received messages, so that a message
// captured on the network and sent again is refused, as jupyter_client's Session
// refuses one ("Duplicate Signature"). Every message carries a fresh msg_id and
// date in its signed header, so a genuine client never repeats a signature. When
// full it forgets the oldest signatures first.
type replayGuard struct {
	mu   sync.Mutex
	seen map[string]struct{}
	ring []string // in arrival order, ring[next] the oldest once full
	next int
}

func newReplayGuard(size int) *replayGuard {
	return &replayGuard{seen: make(map[string]struct{}, size), ring: make([]string, 0, size)}
}

// add records sig and reports whether it was new.
func (g *replayGuard) add(sig []byte) bool {
	k := string(sig)
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, dup := g.seen[k]; dup {
		return false
	}
	g.seen[k] = struct{}{}
	if len(g.ring) < cap(g.ring) {
		g.ring = append(g.ring, k)
		return true
	}
	delete(g.seen, g.ring[g.next])
	g.ring[g.next] = k
	g.next = (g.next + 1) % len(g.ring)
	return true
}
