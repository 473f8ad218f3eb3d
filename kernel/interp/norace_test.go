//go:build !race

package interp

// raceDetector is true in builds with the race detector (see race_test.go).
const raceDetector = false
