package wire

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// ConnectionInfo is a Jupyter connection file: where the kernel binds its five sockets
// and how it signs messages. See
// https://jupyter-client.readthedocs.io/en/stable/kernels.html#connection-files.
type ConnectionInfo struct {
	Transport       string `json:"transport"` // "tcp" or "ipc"
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// LoadConnection reads and checks the connection file at path.
func LoadConnection(path string) (*ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read connection file: %w", err)
	}
	ci, err := ParseConnection(data)
	if err != nil {
		return nil, fmt.Errorf("connection file %s: %w", path, err)
	}
	return ci, nil
}

// ParseConnection decodes and checks a connection file's JSON.
func ParseConnection(data []byte) (*ConnectionInfo, error) {
	var ci ConnectionInfo
	if err := json.Unmarshal(data, &ci); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if ci.Transport == "" {
		ci.Transport = "tcp"
	}
	if ci.Transport != "tcp" && ci.Transport != "ipc" {
		return nil, fmt.Errorf("transport %q is not supported (want \"tcp\" or \"ipc\")", ci.Transport)
	}
	if ci.IP == "" {
		return nil, fmt.Errorf("field \"ip\" is missing")
	}
	ports := []struct {
		name string
		port int
	}{
		{"shell_port", ci.ShellPort}, {"iopub_port", ci.IOPubPort}, {"stdin_port", ci.StdinPort},
		{"control_port", ci.ControlPort}, {"hb_port", ci.HBPort},
	}
	for _, p := range ports {
		if p.port <= 0 || p.port > 65535 {
			return nil, fmt.Errorf("field %q: %d is not a port number (1-65535)", p.name, p.port)
		}
	}
	if _, err := NewSigner(ci.SignatureScheme, []byte(ci.Key)); err != nil {
		return nil, err
	}
	return &ci, nil
}

// Endpoint is the zmq address of one of the connection's ports, as jupyter_client
// forms it: "tcp://IP:PORT", or "ipc://IP-PORT" for the ipc transport.
func (ci *ConnectionInfo) Endpoint(port int) string {
	if ci.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", ci.IP, port)
	}
	ip := ci.IP
	if strings.Contains(ip, ":") && !strings.HasPrefix(ip, "[") {
		ip = "[" + ip + "]" // an IPv6 literal
	}
	return fmt.Sprintf("tcp://%s:%d", ip, port)
}

// Signer returns the connection's message signer.
func (ci *ConnectionInfo) Signer() (*Signer, error) {
	return NewSigner(ci.SignatureScheme, []byte(ci.Key))
}
