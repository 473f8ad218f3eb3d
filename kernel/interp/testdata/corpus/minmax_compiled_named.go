// min and max of a compiled package's named types (time.Duration, time.Month),
// as a queue simulation uses them.
package main

import (
	"fmt"
	"time"
)

func main() {
	a, b := time.Second, time.Minute
	fmt.Println(max(a, b), min(a, b), max(a, 2*time.Second, b/120))
	m := time.March
	fmt.Println(max(m, 2), min(time.May, m))
	busy := 90 * time.Second
	clock := 0 * time.Second
	for i := range 3 {
		start := max(clock, busy)
		clock = start + time.Duration(i+1)*time.Second
		fmt.Println(start, clock)
	}
}
