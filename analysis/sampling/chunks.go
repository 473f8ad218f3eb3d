package sampling

import (
	"math/rand/v2"
	"runtime"
	"sync"
)

// chunkSize is how many repetitions of a simulation share one random stream.
// Repetitions are split into fixed chunks, each drawing from its own PCG stream
// (seed, chunk number) from a freshly reset state, so results are the same whatever
// the number of CPUs and whichever worker runs a chunk.
const chunkSize = 250

// resetter is per-worker simulation state that can restart on a new random stream.
type resetter interface{ reset(*rand.Rand) }

// runChunks runs do over the repetitions [0, n) in chunks on up to GOMAXPROCS
// workers, each with its own state from newState, reset at the start of every chunk.
func runChunks[S resetter](n int, do func(start, end int, s S), newState func() S, seed uint64) {
	chunks := (n + chunkSize - 1) / chunkSize
	workers := min(runtime.GOMAXPROCS(0), chunks)
	next := make(chan int, chunks)
	for c := range chunks {
		next <- c
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for c := range next {
				s.reset(rand.New(rand.NewPCG(seed, uint64(c))))
				do(c*chunkSize, min((c+1)*chunkSize, n), s)
			}
		}()
	}
	wg.Wait()
}
