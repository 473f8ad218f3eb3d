// Package enginetest starts real database servers for tests and benchmarks — a
// PostgreSQL server and a ClickHouse cluster of local shards — each as a child
// process of the caller, in a temporary data directory, listening on 127.0.0.1 on a
// free port, and loads aggregates into them. Servers die with the process that
// started them (SIGKILL on its death) and Stop ends them and removes their data.
package enginetest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// server is one child server process.
type server struct {
	name string
	cmd  *exec.Cmd
	dir  string // data directory, removed by stop
	log  string // file holding the server's output
	done chan error
}

// start runs the server in the background, its output in dir/server.out.
func start(name, dir string, cred *syscall.Credential, prog string, args ...string) (*server, error) {
	logPath := filepath.Join(dir, "server.out")
	out, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	cmd := exec.Command(prog, args...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true, Credential: cred}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &server{name: name, cmd: cmd, dir: dir, log: logPath, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	return s, nil
}

// waitReady polls ready until it succeeds, the server exits, or ctx ends.
func (s *server) waitReady(ctx context.Context, ready func(context.Context) error) error {
	var last error
	for {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		last = ready(pctx)
		cancel()
		if last == nil {
			return nil
		}
		select {
		case err := <-s.done:
			s.done <- err
			return fmt.Errorf("%s exited before it was ready (%v): %s", s.name, err, s.tail())
		case <-ctx.Done():
			return fmt.Errorf("%s not ready: %v (last: %v): %s", s.name, ctx.Err(), last, s.tail())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// tail returns the end of the server's output, for error messages.
func (s *server) tail() string {
	b, _ := os.ReadFile(s.log)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return strings.TrimSpace(string(b))
}

// stop asks the server to shut down (SIGTERM), kills it after grace, and removes its
// data directory.
func (s *server) stop(grace time.Duration) error {
	var err error
	if s.cmd.Process != nil {
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(grace):
			_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.done
			err = fmt.Errorf("%s did not stop within %v: killed", s.name, grace)
		}
	}
	return errors.Join(err, os.RemoveAll(s.dir))
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// findProgram looks for a server program in PATH and in the places Debian installs it.
func findProgram(name string, dirs ...string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, d := range dirs {
		matches, _ := filepath.Glob(filepath.Join(d, name))
		if len(matches) > 0 {
			return matches[len(matches)-1], nil // globs sort: the newest version last
		}
	}
	return "", fmt.Errorf("%s not found (in PATH or %s): `make setup` installs Debian's package", name, strings.Join(dirs, ", "))
}
