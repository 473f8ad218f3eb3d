// Package wire is the Jupyter messaging wire format (protocol 5.5): frames split at the
// "<IDS|MSG>" delimiter, JSON header/parent/metadata/content, HMAC-SHA256 signatures,
// and the connection file that says where to bind and how to sign.
//
// See https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol.
package wire

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ProtocolVersion is the messaging protocol version ratelab speaks.
const ProtocolVersion = "5.5"

// Delimiter separates the routing identities from the message frames.
var Delimiter = []byte("<IDS|MSG>")

// Header is a message header (and, for replies, the parent header).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one Jupyter message. Content stays raw JSON so that each handler decodes
// only the fields it needs into its own type.
type Message struct {
	Identities   [][]byte
	Header       Header
	ParentHeader *Header // nil when the message has no parent
	Metadata     map[string]any
	Content      json.RawMessage
	Buffers      [][]byte
	// Signature is the signature frame of a received message (Decode sets it, to
	// recognize a replayed message); Encode signs afresh and ignores it.
	Signature []byte
}

// ErrSignature is returned by Decode for a message whose signature does not match.
var ErrSignature = errors.New("message signature does not match (wrong key or tampered message)")

// Decode parses frames received on a socket and verifies their signature.
func Decode(frames [][]byte, s *Signer) (*Message, error) {
	delim := -1
	for i, f := range frames {
		if bytes.Equal(f, Delimiter) {
			delim = i
			break
		}
	}
	if delim < 0 {
		return nil, fmt.Errorf("decode message: no %q delimiter in %d frames", Delimiter, len(frames))
	}
	rest := frames[delim+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("decode message: %d frames after the delimiter, want at least 5 (signature, header, parent_header, metadata, content)", len(rest))
	}
	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if !s.Verify(sig, header, parent, metadata, content) {
		return nil, ErrSignature
	}
	m := &Message{Identities: frames[:delim], Content: content, Buffers: rest[5:], Signature: sig}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("decode message: header: %w", err)
	}
	if m.Header.MsgType == "" {
		return nil, fmt.Errorf("decode message: header has no msg_type")
	}
	var ph Header
	if err := json.Unmarshal(parent, &ph); err != nil {
		return nil, fmt.Errorf("decode message %s: parent_header: %w", m.Header.MsgType, err)
	}
	if ph.MsgID != "" {
		m.ParentHeader = &ph
	}
	if err := json.Unmarshal(metadata, &m.Metadata); err != nil {
		return nil, fmt.Errorf("decode message %s: metadata: %w", m.Header.MsgType, err)
	}
	if !json.Valid(content) {
		return nil, fmt.Errorf("decode message %s: content is not valid JSON", m.Header.MsgType)
	}
	return m, nil
}

// Encode returns the frames of m, signed with s.
func Encode(m *Message, s *Signer) ([][]byte, error) {
	header, err := json.Marshal(&m.Header)
	if err != nil {
		return nil, fmt.Errorf("encode %s: header: %w", m.Header.MsgType, err)
	}
	parent := []byte("{}")
	if m.ParentHeader != nil {
		if parent, err = json.Marshal(m.ParentHeader); err != nil {
			return nil, fmt.Errorf("encode %s: parent_header: %w", m.Header.MsgType, err)
		}
	}
	metadata := []byte("{}")
	if len(m.Metadata) > 0 {
		if metadata, err = json.Marshal(m.Metadata); err != nil {
			return nil, fmt.Errorf("encode %s: metadata: %w", m.Header.MsgType, err)
		}
	}
	content := []byte(m.Content)
	if len(content) == 0 {
		content = []byte("{}")
	}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, Delimiter, s.Sign(header, parent, metadata, content), header, parent, metadata, content)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// NewHeader returns a fresh header for a message of msgType in session.
func NewHeader(msgType, session, username string) Header {
	return Header{
		MsgID:    NewID(),
		Session:  session,
		Username: username,
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// NewID returns a random 128-bit identifier in UUID text form (version 4).
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails: since Go 1.24 crypto/rand crashes the program itself
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}
