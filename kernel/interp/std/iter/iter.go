// Package iter is Go's iter for the interpreter: the sequence types, and Pull
// and Pull2 made with a goroutine and channels (Go's use coroutines).
package iter

// Seq is a sequence of values: it calls yield with each value until yield
// returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is a sequence of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// pulled is one value handed from the sequence's goroutine to next.
type pulled[K, V any] struct {
	k  K
	v  V
	ok bool
}

// Pull turns seq into a function next that returns its values one by one, with
// false after the last, and a function stop that ends the sequence early. A
// panic in seq reaches the caller of next, as in Go.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	next2, stop2 := Pull2[V, struct{}](func(yield func(V, struct{}) bool) {
		seq(func(v V) bool { return yield(v, struct{}{}) })
	})
	next = func() (V, bool) {
		v, _, ok := next2()
		return v, ok
	}
	return next, stop2
}

// Pull2 is Pull for a sequence of pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var (
		values   = make(chan pulled[K, V])
		resume   = make(chan bool) // true: go on; false: stop
		failure  = make(chan any, 1)
		started  bool
		finished bool
	)
	run := func() {
		defer func() {
			if r := recover(); r != nil {
				failure <- r
			}
			close(values)
		}()
		if !<-resume {
			return
		}
		stopped := false // a sequence that goes on after yield returned false gets false again
		seq(func(k K, v V) bool {
			if stopped {
				return false
			}
			values <- pulled[K, V]{k, v, true}
			stopped = !<-resume
			return !stopped
		})
	}
	receive := func() (K, V, bool) {
		p, ok := <-values
		if !ok {
			finished = true
			select {
			case r := <-failure:
				panic(r)
			default:
			}
			var k K
			var v V
			return k, v, false
		}
		return p.k, p.v, true
	}
	next = func() (K, V, bool) {
		if finished {
			var k K
			var v V
			return k, v, false
		}
		if !started {
			started = true
			go run()
		}
		resume <- true
		return receive()
	}
	stop = func() {
		if finished {
			return
		}
		finished = true
		if !started {
			return
		}
		resume <- false
		for range values {
		}
		select {
		case r := <-failure:
			panic(r)
		default:
		}
	}
	return next, stop
}
