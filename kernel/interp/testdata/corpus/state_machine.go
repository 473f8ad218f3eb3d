// A state machine with typed states, a transition table and a String method.
package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

var names = map[State]string{Idle: "idle", Running: "running", Paused: "paused", Stopped: "stopped"}

func (s State) String() string { return names[s] }

type Event string

var transitions = map[State]map[Event]State{
	Idle:    {"start": Running},
	Running: {"pause": Paused, "stop": Stopped},
	Paused:  {"resume": Running, "stop": Stopped},
}

type Machine struct {
	state   State
	history []State
}

func (m *Machine) Fire(e Event) error {
	next, ok := transitions[m.state][e]
	if !ok {
		return fmt.Errorf("cannot %s when %v", e, m.state)
	}
	m.history = append(m.history, m.state)
	m.state = next
	return nil
}

func main() {
	m := &Machine{}
	for _, e := range []Event{"start", "pause", "start", "resume", "stop", "resume"} {
		if err := m.Fire(e); err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(e, "->", m.state)
	}
	fmt.Println(m.history)
	fmt.Printf("%v %d %s\n", m.state, m.state, Paused)
}
