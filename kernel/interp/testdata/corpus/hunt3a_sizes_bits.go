// Byte sizes as a named uint64 with iota shifts and a String method, bit
// flags as a named uint8, and math/bits on 64-bit values.
package main

import (
	"fmt"
	"math/bits"
	"sort"
)

// Untyped unit constants first: String refers to these, not to the typed ones
// below (with a typed constant declared after the type and used in String,
// the program in one ratelab cell fails: see the hunt3a report, L5).
const (
	_  = iota
	kb = 1 << (10 * iota)
	mb
	gb
	tb
	pb
	eb
)

type Size uint64

const (
	KB Size = kb
	MB Size = mb
	GB Size = gb
	TB Size = tb
	PB Size = pb
	EB Size = eb
)

func (s Size) String() string {
	switch {
	case s >= eb:
		return fmt.Sprintf("%.2fEB", float64(s)/eb)
	case s >= tb:
		return fmt.Sprintf("%.2fTB", float64(s)/tb)
	case s >= gb:
		return fmt.Sprintf("%.2fGB", float64(s)/gb)
	case s >= mb:
		return fmt.Sprintf("%.2fMB", float64(s)/mb)
	case s >= kb:
		return fmt.Sprintf("%.2fKB", float64(s)/kb)
	}
	return fmt.Sprintf("%dB", uint64(s))
}

type Flags uint8

const (
	Read Flags = 1 << iota
	Write
	Exec
)

func (f Flags) Has(g Flags) bool { return f&g == g }

func main() {
	fmt.Println(KB, MB, GB, TB, PB, EB, Size(1536), Size(1<<63), ^Size(0))
	files := map[string]Size{"a": 3 * GB / 2, "b": 700 * KB, "c": 12, "d": 5 * TB}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return files[names[i]] > files[names[j]] })
	var total Size
	for _, n := range names {
		total += files[n]
		fmt.Printf("%s %v %d\n", n, files[n], uint64(files[n]))
	}
	fmt.Println("total", total, total>>10, total%KB)
	f := Read | Exec
	fmt.Println(f, f.Has(Read), f.Has(Write), f&^Read, f<<5, bits.OnesCount8(uint8(f)))
	fmt.Println(bits.LeadingZeros64(uint64(GB)), bits.TrailingZeros64(uint64(TB)), bits.Len(1023))
	hi, lo := bits.Mul64(uint64(EB), 16)
	fmt.Println(hi, lo, bits.Reverse8(1), bits.RotateLeft32(1, -1))
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(sum, carry)
}
