package wire_test

import (
	"encoding/json"
	"fmt"

	"github.com/ratelab/ratelab/kernel/wire"
)

// A reply is built on its request's header, signed into frames for a ROUTER socket,
// and checked and decoded again on the other side.
func Example() {
	signer, err := wire.NewSigner("hmac-sha256", []byte("key from the connection file"))
	if err != nil {
		panic(err)
	}
	request := wire.NewHeader("kernel_info_request", "client-session", "user")
	frames, err := wire.Encode(&wire.Message{
		Identities:   [][]byte{[]byte("client-route")},
		Header:       wire.NewHeader("kernel_info_reply", "kernel-session", "kernel"),
		ParentHeader: &request,
		Content:      json.RawMessage(`{"status":"ok","protocol_version":"5.5"}`),
	}, signer)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d frames, delimiter %q\n", len(frames), frames[1])

	m, err := wire.Decode(frames, signer)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Header.MsgType, "answers", m.ParentHeader.MsgType)

	frames[len(frames)-1] = []byte(`{"status":"error"}`) // tampered in transit
	_, err = wire.Decode(frames, signer)
	fmt.Println(err)
	// Output:
	// 7 frames, delimiter "<IDS|MSG>"
	// kernel_info_reply answers kernel_info_request
	// message signature does not match (wrong key or tampered message)
}
