package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The signature below was computed independently with Python's hmac module:
//
//	/usr/bin/python3 -c 'import hmac,hashlib
//	h=hmac.new(b"secret-key", digestmod=hashlib.sha256)
//	for f in [b"{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\"}", b"{}", b"{}", b"{}"]: h.update(f)
//	print(h.hexdigest())'
const (
	vectorKey    = "secret-key"
	vectorHeader = `{"msg_id":"1","msg_type":"kernel_info_request"}`
	vectorSig    = "d24613c901272087168eb7a17b371d2f54d14044dca08737846f4baf86191b6a"
)

func vectorFrames(sig string) [][]byte {
	return [][]byte{[]byte("client-id"), Delimiter, []byte(sig), []byte(vectorHeader), []byte("{}"), []byte("{}"), []byte("{}")}
}

func TestSignKnownVector(t *testing.T) {
	s, err := NewSigner("hmac-sha256", []byte(vectorKey))
	if err != nil {
		t.Fatal(err)
	}
	got := s.Sign([]byte(vectorHeader), []byte("{}"), []byte("{}"), []byte("{}"))
	if string(got) != vectorSig {
		t.Fatalf("Sign = %s, want %s", got, vectorSig)
	}
	m, err := Decode(vectorFrames(vectorSig), s)
	if err != nil {
		t.Fatalf("Decode of a correctly signed message: %v", err)
	}
	if m.Header.MsgType != "kernel_info_request" || m.Header.MsgID != "1" {
		t.Errorf("header = %+v", m.Header)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "client-id" {
		t.Errorf("identities = %q", m.Identities)
	}
	if m.ParentHeader != nil {
		t.Errorf("parent header of {} = %+v, want nil", m.ParentHeader)
	}
}

func TestBadSignature(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", []byte(vectorKey))
	bad := []byte(vectorSig)
	bad[0] ^= 1 // 'd' -> 'e': still hex, wrong value
	for _, sig := range []string{string(bad), "", "zz", vectorSig[:32]} {
		if _, err := Decode(vectorFrames(sig), s); !errors.Is(err, ErrSignature) {
			t.Errorf("signature %q: err = %v, want ErrSignature", sig, err)
		}
	}
	other, _ := NewSigner("hmac-sha256", []byte("other-key"))
	if _, err := Decode(vectorFrames(vectorSig), other); !errors.Is(err, ErrSignature) {
		t.Errorf("wrong key: err = %v, want ErrSignature", err)
	}
	// A tampered content frame must fail too.
	f := vectorFrames(vectorSig)
	f[len(f)-1] = []byte(`{"code":"os.Exit(1)"}`)
	if _, err := Decode(f, s); !errors.Is(err, ErrSignature) {
		t.Errorf("tampered content: err = %v, want ErrSignature", err)
	}
}

func TestUnsigned(t *testing.T) {
	s, err := NewSigner("hmac-sha256", nil)
	if err != nil {
		t.Fatal(err)
	}
	if sig := s.Sign([]byte("a"), nil, nil, nil); len(sig) != 0 {
		t.Errorf("empty key signed: %q", sig)
	}
	if _, err := Decode(vectorFrames(""), s); err != nil {
		t.Errorf("unsigned message refused with empty key: %v", err)
	}
}

func TestSchemeRefused(t *testing.T) {
	_, err := NewSigner("hmac-md5", []byte("k"))
	if err == nil || !strings.Contains(err.Error(), `"hmac-md5"`) {
		t.Fatalf("err = %v, want an error naming hmac-md5", err)
	}
}

func TestDecodeErrors(t *testing.T) {
	s, _ := NewSigner("", nil)
	cases := map[string]struct {
		frames [][]byte
		want   string
	}{
		"no delimiter": {[][]byte{[]byte("id"), []byte(""), []byte("{}")}, "delimiter"},
		"truncated":    {[][]byte{Delimiter, []byte(""), []byte(vectorHeader), []byte("{}")}, "3 frames after"},
		"empty":        {nil, "delimiter"},
		"bad header":   {[][]byte{Delimiter, nil, []byte("{"), []byte("{}"), []byte("{}"), []byte("{}")}, "header"},
		"no msg_type":  {[][]byte{Delimiter, nil, []byte(`{"msg_id":"x"}`), []byte("{}"), []byte("{}"), []byte("{}")}, "msg_type"},
		"bad parent":   {[][]byte{Delimiter, nil, []byte(vectorHeader), []byte("[1"), []byte("{}"), []byte("{}")}, "parent_header"},
		"bad metadata": {[][]byte{Delimiter, nil, []byte(vectorHeader), []byte("{}"), []byte("7x"), []byte("{}")}, "metadata"},
		"bad content":  {[][]byte{Delimiter, nil, []byte(vectorHeader), []byte("{}"), []byte("{}"), []byte(`{"a":`)}, "content"},
	}
	for name, c := range cases {
		_, err := Decode(c.frames, s)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", name, err, c.want)
		}
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", []byte("k"))
	parent := NewHeader("execute_request", "client-session", "user")
	m := &Message{
		Identities:   [][]byte{[]byte("a"), []byte("b")},
		Header:       NewHeader("execute_reply", "kernel-session", "kernel"),
		ParentHeader: &parent,
		Metadata:     map[string]any{"started": "now"},
		Content:      json.RawMessage(`{"status":"ok","execution_count":3}`),
		Buffers:      [][]byte{{0, 1, 2}},
	}
	frames, err := Encode(m, s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(frames, s)
	if err != nil {
		t.Fatal(err)
	}
	if got.Header != m.Header || *got.ParentHeader != parent {
		t.Errorf("headers changed: %+v / %+v", got.Header, got.ParentHeader)
	}
	if !bytes.Equal(got.Content, m.Content) || got.Metadata["started"] != "now" {
		t.Errorf("content/metadata changed: %s %v", got.Content, got.Metadata)
	}
	if len(got.Identities) != 2 || len(got.Buffers) != 1 || !bytes.Equal(got.Buffers[0], []byte{0, 1, 2}) {
		t.Errorf("identities/buffers changed: %q %q", got.Identities, got.Buffers)
	}
}

func TestNewIDIsUUIDv4(t *testing.T) {
	a, b := NewID(), NewID()
	if a == b || len(a) != 36 || a[14] != '4' || !strings.Contains("89ab", string(a[19])) {
		t.Errorf("NewID = %q, %q", a, b)
	}
}

// TestAgainstJupyterClient checks signing and framing against jupyter_client's own
// Session, run at test time: it must accept what we sign, and we what it signs.
func TestAgainstJupyterClient(t *testing.T) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import jupyter_client").Run() != nil {
		t.Skip("jupyter_client is not installed for /usr/bin/python3 (apt install python3-jupyter-client)")
	}
	s, _ := NewSigner("hmac-sha256", []byte("shared-key"))
	req := NewHeader("execute_request", "go-session", "go")
	ours, err := Encode(&Message{Header: req, Content: json.RawMessage(`{"code":"1+1"}`)}, s)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(ours)
	script := `
import json, sys, base64
from jupyter_client.session import Session
s = Session(key=b"shared-key", signature_scheme="hmac-sha256")
frames = [base64.b64decode(f) for f in json.load(sys.stdin)]
idents, rest = s.feed_identities(frames)
m = s.deserialize(rest)  # raises on a bad signature
assert m["content"]["code"] == "1+1", m
out = s.msg("execute_reply", content={"status": "ok", "seen": m["header"]["msg_id"]}, parent=m)
frames = s.serialize(out, ident=[b"route"])
print(json.dumps([base64.b64encode(f).decode() for f in frames]))
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	outJSON, err := cmd.Output()
	if err != nil {
		t.Fatalf("jupyter_client refused our message: %v", err)
	}
	var theirs [][]byte
	if err := json.Unmarshal(outJSON, &theirs); err != nil {
		t.Fatal(err)
	}
	m, err := Decode(theirs, s)
	if err != nil {
		t.Fatalf("decode jupyter_client's message: %v", err)
	}
	var c struct{ Seen string }
	json.Unmarshal(m.Content, &c)
	if c.Seen != req.MsgID || m.ParentHeader == nil || m.ParentHeader.MsgID != req.MsgID {
		t.Errorf("reply does not point at our request: %s parent=%+v", m.Content, m.ParentHeader)
	}
}

func TestParseConnection(t *testing.T) {
	good := `{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,
	  "ip":"127.0.0.1","key":"k","transport":"tcp","signature_scheme":"hmac-sha256","kernel_name":"ratelab"}`
	ci, err := ParseConnection([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if got := ci.Endpoint(ci.ShellPort); got != "tcp://127.0.0.1:1" {
		t.Errorf("Endpoint = %q", got)
	}
	ci.Transport, ci.IP = "ipc", "/tmp/kernel"
	if got := ci.Endpoint(5); got != "ipc:///tmp/kernel-5" {
		t.Errorf("ipc Endpoint = %q", got)
	}
	bad := map[string]string{
		`{`: "not valid JSON",
		strings.Replace(good, `"hb_port":5`, `"hb_port":0`, 1):             `"hb_port"`,
		strings.Replace(good, `"hmac-sha256"`, `"hmac-sha1"`, 1):           `"hmac-sha1"`,
		strings.Replace(good, `"transport":"tcp"`, `"transport":"udp"`, 1): `"udp"`,
		strings.Replace(good, `"ip":"127.0.0.1"`, `"ip":""`, 1):            `"ip"`,
		strings.Replace(good, `"shell_port":1`, `"shell_port":"x"`, 1):     "shell_port",
	}
	for in, want := range bad {
		if _, err := ParseConnection([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseConnection(%.40q…): err = %v, want mention of %s", in, err, want)
		}
	}
	path := filepath.Join(t.TempDir(), "kernel.json")
	os.WriteFile(path, []byte(`{"ip":1}`), 0o600)
	if _, err := LoadConnection(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("LoadConnection error does not name the file: %v", err)
	}
}

// FuzzDecode checks that no input crashes Decode and that whatever it accepts
// re-encodes to frames it accepts again.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("id"), []byte(vectorHeader), []byte("{}"), []byte(`{"code":"x"}`), uint8(6))
	f.Add([]byte(""), []byte("{"), []byte("null"), []byte("[]"), uint8(3))
	s, _ := NewSigner("", nil)
	f.Fuzz(func(t *testing.T, id, header, meta, content []byte, n uint8) {
		frames := [][]byte{id, Delimiter, nil, header, []byte("{}"), meta, content}
		frames = frames[:int(n)%(len(frames)+1)]
		m, err := Decode(frames, s)
		if err != nil {
			return
		}
		again, err := Encode(m, s)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		if _, err := Decode(again, s); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
	})
}
