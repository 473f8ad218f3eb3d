package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Signer computes and checks the HMAC signature of the Jupyter wire format: the hex
// HMAC of the header, parent header, metadata and content frames, in that order.
// An empty key means messages are neither signed nor checked, as the messaging spec
// says. A Signer is not safe for concurrent use; give each socket owner its own.
type Signer struct {
	key []byte
	mac hash.Hash // nil when unsigned
}

// NewSigner returns a signer for scheme (only "hmac-sha256" is supported; "" means
// "hmac-sha256", the jupyter_client default) and key.
func NewSigner(scheme string, key []byte) (*Signer, error) {
	if scheme != "" && scheme != "hmac-sha256" {
		return nil, fmt.Errorf("signature_scheme %q is not supported: ratelab signs with \"hmac-sha256\" only", scheme)
	}
	if len(key) == 0 {
		return &Signer{}, nil
	}
	return &Signer{key: key, mac: hmac.New(sha256.New, key)}, nil
}

// Clone returns an independent signer with the same key, for another goroutine.
func (s *Signer) Clone() *Signer {
	if s.mac == nil {
		return &Signer{}
	}
	return &Signer{key: s.key, mac: hmac.New(sha256.New, s.key)}
}

// Sign returns the hex signature of the four frames ("" when unsigned).
func (s *Signer) Sign(header, parent, metadata, content []byte) []byte {
	if s.mac == nil {
		return nil
	}
	sum := s.sum(header, parent, metadata, content)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// Verify reports whether sig is the signature of the four frames. The comparison runs
// in constant time (hmac.Equal) so that a forger learns nothing from timing.
func (s *Signer) Verify(sig, header, parent, metadata, content []byte) bool {
	if s.mac == nil {
		return true
	}
	want := s.sum(header, parent, metadata, content)
	got := make([]byte, hex.DecodedLen(len(sig)))
	n, err := hex.Decode(got, sig)
	if err != nil {
		return false
	}
	return hmac.Equal(got[:n], want)
}

func (s *Signer) sum(frames ...[]byte) []byte {
	s.mac.Reset()
	for _, f := range frames {
		s.mac.Write(f)
	}
	return s.mac.Sum(nil)
}
