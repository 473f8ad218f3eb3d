package interp

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Closures made in a loop and run later by compiled code see their own
// iteration's variables, as in Go 1.22.
func TestLoopClosuresPassedToCompiledCode(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("fmt"; "sort"; "sync"; "time")`)
	cases := []struct{ name, code, want string }{
		{"WaitGroup.Go", `
var wg sync.WaitGroup
var mu sync.Mutex
var got []int
for i := 0; i < 5; i++ {
	wg.Go(func() { mu.Lock(); got = append(got, i); mu.Unlock() })
}
wg.Wait()
sort.Ints(got)
fmt.Sprint(got)`, "[0 1 2 3 4]"},
		{"time.AfterFunc", `
ch := make(chan int, 3)
for i := 0; i < 3; i++ {
	time.AfterFunc(time.Duration(3-i)*time.Millisecond, func() { ch <- i })
}
seen := []int{<-ch, <-ch, <-ch}
sort.Ints(seen)
fmt.Sprint(seen)`, "[0 1 2]"},
		{"sort.Slice on goroutines", `
rows := [][]int{{3, 1, 2}, {9, 7, 8}, {6, 4, 5}}
var wg2 sync.WaitGroup
for r := range rows {
	wg2.Go(func() { sort.Slice(rows[r], func(a, b int) bool { return rows[r][a] < rows[r][b] }) })
}
wg2.Wait()
fmt.Sprint(rows)`, "[[1 2 3] [7 8 9] [4 5 6]]"},
		{"stored in a function", `
func makeAll() []func() int {
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	return fs
}
var out []int
for _, f := range makeAll() { out = append(out, f()) }
fmt.Sprint(out)`, "[0 10 20]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, _ := run(t, s, c.code)
			if got := plain(b); got != `"`+c.want+`"` {
				t.Errorf("got %s, want %q", got, c.want)
			}
		})
	}
}

// mutexSum is a function summing 1..20 from 20 goroutines under a mutex, and a
// loop counting the calls whose total is wrong.
const mutexSum = `
import ("sync"; "fmt")
func mutexSum() int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}
wrong := 0
for range REPS {
	if mutexSum() != 210 {
		wrong++
	}
}
fmt.Sprint(wrong, " wrong")`

// Goroutines running closures made in one loop: yaegi's closures wrote their
// frame slot back when they returned, so the loop sometimes started one closure
// twice and another never (see isolateClosures). Under the race detector the
// repetitions are fewer: the detector itself checks every access.
func TestGoroutineClosuresSumUnderMutex(t *testing.T) {
	reps := "1000"
	if raceDetector {
		reps = "50"
	}
	s := newSession(t)
	b, _ := run(t, s, strings.Replace(mutexSum, "REPS", reps, 1))
	if got := plain(b); got != `"0 wrong"` {
		t.Errorf("%s repetitions of the sum: %s", reps, got)
	}
}

// A data race in a cell is reported in the cell's stderr by the race detector.
// The racy cell runs in a child process, since the race also fails the test
// that runs it.
func TestRaceReportReachesCell(t *testing.T) {
	if os.Getenv("RATELAB_RACY_CELL") != "" {
		s := newSession(t)
		rec := &recorder{}
		s.Execute(context.Background(), `
import "sync"
x := 0
var wg sync.WaitGroup
for range 4 {
	wg.Go(func() { x++ })
}
wg.Wait()`, rec)
		os.Stdout.WriteString("cell stderr:\n" + rec.err())
		return
	}
	if !raceDetector {
		t.Skip("needs the race detector: go test -race")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRaceReportReachesCell$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RATELAB_RACY_CELL=1")
	out, _ := cmd.CombinedOutput() // fails: the race fails the child's test
	_, cellErr, ok := strings.Cut(string(out), "cell stderr:\n")
	if !ok || !strings.Contains(cellErr, "WARNING: DATA RACE") {
		t.Errorf("the race report is not in the cell's stderr; the child printed:\n%s", out)
	}
}

// A go statement may start a method of a compiled type, on an addressable
// variable (pointer receiver) or not.
func TestGoCompiledMethod(t *testing.T) {
	s := newSession(t)
	expect(t, s, [2]string{`import ("strings"; "sync")
var sb strings.Builder
var wg sync.WaitGroup
wg.Add(2)
done := func() { wg.Done() }
go sb.WriteString("x")
go done()
go wg.Done()
wg.Wait()
strings.Repeat("y", 2)`, `"yy"`})
}
