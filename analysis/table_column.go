package analysis

import "math"

// codeCol holds dictionary codes in the narrowest unsigned width that fits the
// largest code of its segment: most dimensions have a few hundred values, so one or
// two bytes a row instead of four keep tables small and scans fast. At most one slice
// is non-nil; an empty codeCol means code 0 (NULL) for every row.
type codeCol struct {
	u8  []uint8
	u16 []uint16
	u32 []uint32
}

// packCodes stores codes in the narrowest width that holds max.
func packCodes(codes []uint32, max uint32) codeCol {
	switch {
	case max == 0:
		return codeCol{}
	case max <= math.MaxUint8:
		return codeCol{u8: narrow[uint32, uint8](codes)}
	case max <= math.MaxUint16:
		return codeCol{u16: narrow[uint32, uint16](codes)}
	}
	return codeCol{u32: append([]uint32(nil), codes...)}
}

func (c *codeCol) at(i int) uint32 {
	switch {
	case c.u8 != nil:
		return uint32(c.u8[i])
	case c.u16 != nil:
		return uint32(c.u16[i])
	case c.u32 != nil:
		return c.u32[i]
	}
	return 0
}

// slice returns rows [lo, hi) of c.
func (c *codeCol) slice(lo, hi int) codeCol {
	var r codeCol
	switch {
	case c.u8 != nil:
		r.u8 = c.u8[lo:hi]
	case c.u16 != nil:
		r.u16 = c.u16[lo:hi]
	case c.u32 != nil:
		r.u32 = c.u32[lo:hi]
	}
	return r
}

func (c *codeCol) bytes() int { return len(c.u8) + 2*len(c.u16) + 4*len(c.u32) }

// intCol holds one integer measure of a segment in the narrowest signed width that
// holds its values; sums are always taken in int64. An empty intCol is all zeros.
type intCol struct {
	i8  []int8
	i16 []int16
	i32 []int32
	i64 []int64
}

// packInts stores vals in the narrowest width that holds every value.
func packInts(vals []int64) intCol {
	lo, hi := int64(0), int64(0)
	for _, v := range vals {
		lo = min(lo, v)
		hi = max(hi, v)
	}
	switch {
	case lo == 0 && hi == 0:
		return intCol{}
	case lo >= math.MinInt8 && hi <= math.MaxInt8:
		return intCol{i8: narrow[int64, int8](vals)}
	case lo >= math.MinInt16 && hi <= math.MaxInt16:
		return intCol{i16: narrow[int64, int16](vals)}
	case lo >= math.MinInt32 && hi <= math.MaxInt32:
		return intCol{i32: narrow[int64, int32](vals)}
	}
	return intCol{i64: append([]int64(nil), vals...)}
}

func (c *intCol) at(i int) int64 {
	switch {
	case c.i8 != nil:
		return int64(c.i8[i])
	case c.i16 != nil:
		return int64(c.i16[i])
	case c.i32 != nil:
		return int64(c.i32[i])
	case c.i64 != nil:
		return c.i64[i]
	}
	return 0
}

// slice returns rows [lo, hi) of c.
func (c *intCol) slice(lo, hi int) intCol {
	var r intCol
	switch {
	case c.i8 != nil:
		r.i8 = c.i8[lo:hi]
	case c.i16 != nil:
		r.i16 = c.i16[lo:hi]
	case c.i32 != nil:
		r.i32 = c.i32[lo:hi]
	case c.i64 != nil:
		r.i64 = c.i64[lo:hi]
	}
	return r
}

func (c *intCol) bytes() int { return len(c.i8) + 2*len(c.i16) + 4*len(c.i32) + 8*len(c.i64) }

type integer interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32
}

// narrow converts values known to fit in To.
func narrow[From, To integer](vals []From) []To {
	out := make([]To, len(vals))
	for i, v := range vals {
		out[i] = To(v)
	}
	return out
}
