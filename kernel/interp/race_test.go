//go:build race

package interp

// raceDetector is true in builds with the race detector. yaegi v0.16.1's
// ExecuteWithContext writes its results from its worker goroutine after it has
// returned on cancellation (program.go:197 against :203), so interrupt tests
// cannot run under the race detector without reporting yaegi's race.
const raceDetector = true
