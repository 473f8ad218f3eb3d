// Shifts of untyped constants by a variable count in unsigned and other typed
// contexts (the bitset idiom): the constant takes its context's type, as the spec says.
package main

import "fmt"

type S struct{ mask uint64 }

func g(x uint64) uint64 { return x }
func g8(x uint8) uint8  { return x }

const one = 1

func main() {
	words := []uint64{8, 0}
	n := uint(3)
	words[1] |= 1 << n
	words[1] |= one << (n + 1)
	fmt.Println(words, words[0]&(1<<n) != 0)
	var b uint8 = 2
	fmt.Println(g(1<<n), S{mask: 1 << n}, map[string]uint64{"a": 1 << n}, []uint64{1 << n}, words[0] == 1<<n, g8(1<<n), b+1<<n)
	var i32 int32 = 5
	fmt.Println(i32+1<<n, 1<<n, 1.0*float64(int(1)<<n))
	m := map[string]uint64{}
	m["k"] |= 1 << n
	fmt.Println(m)
}
