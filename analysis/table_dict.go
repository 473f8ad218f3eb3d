package analysis

import (
	"encoding/binary"
	"math/bits"
)

// byteIndex is a dictionary of short byte strings: each distinct value gets the
// next index (0, 1, …), found without converting the bytes to a string. Dimension
// values are short and few (versions, platforms, countries, windows), and the
// loaders look one up per field, so this is the loaders' hottest code: a value is
// keyed by its length and its first and last eight bytes, which for values of up to
// 16 bytes is the whole value, so probes compare integers; longer values are also
// compared as strings. A one-entry cache holds the last value found (sorted columns,
// such as window_start, hit it almost always).
type byteIndex struct {
	slots []indexSlot // power-of-two length; idx 0 marks an empty slot (stored as index + 1)
	vals  []string    // values by index
	last  indexSlot   // the last value found
}

type indexSlot struct {
	head, tail uint64
	n          uint32 // length
	idx        uint32
}

// keyOf returns b's key: its length and first and last eight bytes (zero-padded
// when shorter than eight).
func keyOf(b []byte) indexSlot {
	k := indexSlot{n: uint32(len(b))}
	if n := len(b); n >= 8 {
		k.head = binary.LittleEndian.Uint64(b)
		k.tail = binary.LittleEndian.Uint64(b[n-8:])
	} else {
		for i, c := range b {
			k.head |= uint64(c) << (8 * i)
		}
	}
	return k
}

func (k *indexSlot) hash() uint64 {
	hi, lo := bits.Mul64(k.head^0x9e3779b97f4a7c15, k.tail^uint64(k.n)^0xbf58476d1ce4e5b9)
	return hi ^ lo
}

// same reports whether slot s holds the value with key k and bytes v.
func (x *byteIndex) same(s *indexSlot, k *indexSlot, v []byte) bool {
	return s.head == k.head && s.tail == k.tail && s.n == k.n && (k.n <= 16 || x.vals[s.idx-1] == string(v))
}

// reset empties the index, keeping its memory.
func (x *byteIndex) reset() {
	clear(x.slots)
	x.vals = x.vals[:0]
	x.last = indexSlot{}
}

// index returns the index of v, adding v if it is new.
func (x *byteIndex) index(v []byte) uint32 {
	k := keyOf(v)
	if x.last.idx != 0 && x.same(&x.last, &k, v) {
		return x.last.idx - 1
	}
	h := k.hash()
	if len(x.slots) > 0 {
		mask := uint64(len(x.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			s := &x.slots[i]
			if s.idx == 0 {
				break
			}
			if x.same(s, &k, v) {
				x.last = *s
				return s.idx - 1
			}
		}
	}
	x.vals = append(x.vals, string(v))
	k.idx = uint32(len(x.vals))
	if 2*len(x.vals) > len(x.slots) {
		old := x.slots
		x.slots = make([]indexSlot, max(64, 2*len(old)))
		for i := range old {
			if old[i].idx != 0 {
				x.place(old[i])
			}
		}
	}
	x.place(k)
	x.last = k
	return k.idx - 1
}

func (x *byteIndex) place(s indexSlot) {
	mask := uint64(len(x.slots) - 1)
	i := s.hash() & mask
	for x.slots[i].idx != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}
