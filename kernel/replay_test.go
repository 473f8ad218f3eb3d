package kernel

import (
	"fmt"
	"strings"
	"testing"
)

func TestReplayGuardForgetsOldestFirst(t *testing.T) {
	g := newReplayGuard(3)
	for i := range 3 {
		if !g.add([]byte(fmt.Sprint(i))) {
			t.Fatalf("signature %d refused on first sight", i)
		}
	}
	if g.add([]byte("1")) {
		t.Error("a repeated signature was accepted")
	}
	g.add([]byte("3")) // full: "0" is forgotten
	if !g.add([]byte("0")) {
		t.Error("the oldest signature was not forgotten")
	}
	if g.add([]byte("2")) || g.add([]byte("3")) {
		t.Error("recent signatures were forgotten")
	}
}

func TestEmptyKeyWarns(t *testing.T) {
	conn := tcpConn(t)
	conn.Key = ""
	log := &syncBuffer{}
	srv, err := New(Options{Conn: conn, Interpreter: &fakeInterp{}, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	srv.pub.close()
	srv.closeSockets()
	if !strings.Contains(log.String(), "empty key") {
		t.Errorf("no warning for an empty key; log: %q", log.String())
	}
}
