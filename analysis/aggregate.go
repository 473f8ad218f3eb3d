package analysis

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
)

// The in-memory group-by. Every key dimension is resolved once per query on its
// dictionary, not per row: a lookup table maps each dictionary code to the rank of
// its value among the kept values (sorted), or to excluded. A row's group is then the
// mixed-radix number Σ rank_d · stride_d, computed column by column, and the measures
// are summed column by column into per-partition accumulators: dense arrays indexed
// by group number when there are at most flatLimit possible groups, else a hash table
// of the groups seen. Ranks are sorted, so group numbers order groups by key: dense
// output needs no sort, hashed output sorts group numbers.

// excluded marks a dictionary code that a filter drops. Added to any group number
// below 1<<58 for up to 63 dimensions it stays at or above excluded without overflow.
const excluded = uint64(1) << 58

// flatLimit is the largest number of possible groups summed into dense arrays; above
// it groups are found through a hash table (groupHash).
const flatLimit = 1 << 16

// partitions is the fixed number of contiguous ranges of row blocks summed
// separately and merged in order: float sums then do not depend on the number of
// CPUs.
const partitions = 8

// keyDim is one dimension of a resolved query: a lookup from dictionary code to
// rank·stride (or excluded).
type keyDim struct {
	name   string
	col    column   // stored column whose codes are looked up
	lut    []uint64 // rank·stride, or excluded
	lut32  []uint32 // the same for dense sums: excluded is the discard slot
	values []string // kept values in rank order (key dimensions only)
	size   uint64   // number of ranks (1 for filter-only dimensions)
	stride uint64
}

// plan is a query resolved against a table.
type plan struct {
	keys    []keyDim // window bucket first (if any), then By; strides set
	filters []keyDim // dimensions filtered but not grouped by
	lookups []keyDim // keys, then the filters that exclude anything: one pass each
	space   uint64   // number of possible groups
	windows []int64  // bucket starts (Unix ns) in rank order when grained
	ints    []column // integer measures to sum
}

// Sums implements Source: it groups and sums the table's rows as q asks.
func (t *Table) Sums(q Query) (*Sums, error) {
	p, err := t.plan(q)
	if err != nil {
		return nil, err
	}
	acc := t.accumulate(p)
	return p.output(q, acc), nil
}

func (t *Table) plan(q Query) (*plan, error) {
	r, err := resolveQuery(q, func(c column) bool { return t.present[c] })
	if err != nil {
		return nil, err
	}
	p := &plan{ints: r.ints}
	by, where := r.by, r.where
	// Time: window bucket and range filter on window_start.
	if q.Grain > 0 || !q.From.IsZero() || !q.To.IsZero() {
		kd, buckets := t.windowDim(q)
		if q.Grain > 0 {
			p.keys = append(p.keys, kd)
			p.windows = buckets
		} else {
			p.filters = append(p.filters, kd)
		}
	}
	for _, d := range by {
		p.keys = append(p.keys, t.keyDim(d, where[d], true))
	}
	for d, set := range where {
		grouped := false
		for _, b := range by {
			grouped = grouped || b == d
		}
		if !grouped {
			p.filters = append(p.filters, t.keyDim(d, set, false))
		}
	}
	sort.Slice(p.filters, func(i, j int) bool { return p.filters[i].name < p.filters[j].name })
	// Strides: the first key is the most significant.
	p.space = 1
	for i := len(p.keys) - 1; i >= 0; i-- {
		k := &p.keys[i]
		k.stride = p.space
		hi, lo := bits.Mul64(p.space, max(k.size, 1))
		if hi != 0 || lo >= excluded {
			return nil, fmt.Errorf("query By %v: too many possible key combinations", q.By)
		}
		p.space = lo
	}
	for i := range p.keys {
		k := &p.keys[i]
		for c, v := range k.lut {
			if v != excluded {
				k.lut[c] = v * k.stride
			}
		}
	}
	p.lookups = append([]keyDim(nil), p.keys...)
	for _, f := range p.filters {
		if slices.Contains(f.lut, excluded) {
			p.lookups = append(p.lookups, f)
		}
	}
	if p.space <= flatLimit {
		for i := range p.lookups {
			k := &p.lookups[i]
			k.lut32 = make([]uint32, len(k.lut))
			for c, v := range k.lut {
				k.lut32[c] = uint32(min(v, p.space))
			}
		}
	}
	return p, nil
}

// resolvedQuery is a Query with its names resolved, as every Source reads it.
type resolvedQuery struct {
	ints  []column                // integer measures to sum, in schema order
	by    []dim                   // key dimensions, in the Query's order
	where map[dim]map[string]bool // allowed values per filtered dimension
}

// resolveQuery resolves q's names. Measures nil means every integer column that
// present reports. Unless By or Where mention experiment_id or experiment_branch,
// where also keeps only experiment_id "" (NULL): the population rows.
func resolveQuery(q Query, present func(column) bool) (*resolvedQuery, error) {
	r := &resolvedQuery{where: map[dim]map[string]bool{}}
	if q.Measures == nil {
		for c := colCount; c < numColumns; c++ {
			if present(c) {
				r.ints = append(r.ints, c)
			}
		}
	} else {
		seen := map[column]bool{}
		for _, m := range q.Measures {
			cols, _, err := measureTerms(m)
			if err != nil {
				return nil, err
			}
			for _, c := range cols {
				if !seen[c] {
					seen[c] = true
					r.ints = append(r.ints, c)
				}
			}
		}
		sort.Slice(r.ints, func(i, j int) bool { return r.ints[i] < r.ints[j] })
	}
	mentionsExperiment := false
	for name, vals := range q.Where {
		d, err := parseDim(name)
		if err != nil {
			return nil, fmt.Errorf("query Where: %w", err)
		}
		set := map[string]bool{}
		for _, v := range vals {
			set[v] = true
		}
		r.where[d] = set
		mentionsExperiment = mentionsExperiment || d.col == colExperimentID || d.col == colExperimentBranch
	}
	for _, name := range q.By {
		d, err := parseDim(name)
		if err != nil {
			return nil, fmt.Errorf("query By: %w", err)
		}
		r.by = append(r.by, d)
		mentionsExperiment = mentionsExperiment || d.col == colExperimentID || d.col == colExperimentBranch
	}
	if !mentionsExperiment {
		r.where[dim{col: colExperimentID}] = map[string]bool{"": true}
	}
	return r, nil
}

// keyDim resolves dimension d: its values (derived through the dictionary), the
// allowed set (nil: all) and, for a key, the sorted ranks.
func (t *Table) keyDim(d dim, allow map[string]bool, key bool) keyDim {
	var vals []string
	if d.col.isTime() {
		vals = make([]string, len(t.times.vals))
		for i, ns := range t.times.vals {
			if ns != nullTime {
				vals[i] = timeKey(time.Unix(0, ns))
			}
		}
	} else {
		vals = t.strs[d.col-firstStr].vals
	}
	derived := make([]string, len(vals))
	for i, v := range vals {
		derived[i] = d.key(v)
	}
	kd := keyDim{name: d.String(), col: d.col, lut: make([]uint64, len(vals)), size: 1}
	if !key {
		for i, v := range derived {
			if allow != nil && !allow[v] {
				kd.lut[i] = excluded
			}
		}
		return kd
	}
	distinct := map[string]bool{}
	for _, v := range derived {
		if allow == nil || allow[v] {
			distinct[v] = true
		}
	}
	kd.values = sortedKeys(distinct)
	sortDimValues(d, kd.values)
	rank := make(map[string]uint64, len(kd.values))
	for i, v := range kd.values {
		rank[v] = uint64(i)
	}
	for i, v := range derived {
		r, ok := rank[v]
		if !ok {
			r = excluded
		}
		kd.lut[i] = r
	}
	kd.size = uint64(len(kd.values))
	return kd
}

// key returns the key value of a row whose stored value (NULL: "") is v: the
// major version of a version, the platform of an os name, v itself otherwise.
func (d dim) key(v string) string {
	switch d.derived {
	case DimMajor:
		if ver, err := ParseVersion(v); err == nil {
			return strconv.Itoa(ver.Major())
		}
	case DimPlatform:
		return NormalizeOS(v)
	}
	return v
}

// timeKey is the key value of a stored time: RFC 3339 in UTC, to the second.
func timeKey(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// sortDimValues orders key values: versions numerically, majors as numbers; other
// values (RFC 3339 times included) by byte order, which sortedKeys already did.
func sortDimValues(d dim, vals []string) {
	switch {
	case d.derived == DimMajor:
		sort.SliceStable(vals, func(i, j int) bool {
			a, ea := strconv.Atoi(vals[i])
			b, eb := strconv.Atoi(vals[j])
			if (ea == nil) != (eb == nil) {
				return ea == nil
			}
			return ea == nil && a < b
		})
	case d.derived == "" && (d.col == colVersion || d.col == colDisplayVersion):
		sort.SliceStable(vals, func(i, j int) bool { return CompareVersionStrings(vals[i], vals[j]) < 0 })
	}
}

// windowDim buckets window_start by q.Grain and applies q.From and q.To; it
// returns the bucket starts (Unix ns) in rank order.
func (t *Table) windowDim(q Query) (keyDim, []int64) {
	kd := keyDim{name: "window", col: colWindowStart, lut: make([]uint64, len(t.times.vals)), size: 1}
	from, to := int64(math.MinInt64), int64(math.MaxInt64)
	if !q.From.IsZero() {
		from = q.From.UnixNano()
	}
	if !q.To.IsZero() {
		to = q.To.UnixNano()
	}
	keep := func(ns int64) bool { return ns != nullTime && ns >= from && ns < to }
	if q.Grain <= 0 {
		for i, ns := range t.times.vals {
			if !keep(ns) {
				kd.lut[i] = excluded
			}
		}
		return kd, nil
	}
	g := int64(q.Grain)
	bucket := func(ns int64) int64 {
		b := ns / g * g
		if ns < 0 && b != ns {
			b -= g
		}
		return b
	}
	var buckets []int64
	seen := map[int64]bool{}
	for _, ns := range t.times.vals {
		if keep(ns) && !seen[bucket(ns)] {
			seen[bucket(ns)] = true
			buckets = append(buckets, bucket(ns))
		}
	}
	sort.Slice(buckets, func(i, j int) bool { return buckets[i] < buckets[j] })
	rank := map[int64]uint64{}
	for i, b := range buckets {
		rank[b] = uint64(i)
	}
	for i, ns := range t.times.vals {
		kd.lut[i] = excluded
		if keep(ns) {
			kd.lut[i] = rank[bucket(ns)]
		}
	}
	kd.size = uint64(len(buckets))
	return kd, buckets
}

// accum holds one partition's sums. Slot numbers are group numbers in flat mode;
// in hash mode they index keys, assigned on first sight. Slot 0 of hash mode and slot
// space of flat mode collect excluded rows and are dropped.
type accum struct {
	rows  []int64
	usage []float64
	ints  [][]int64
	keys  []uint64   // hash mode: group number of each slot
	index *groupHash // hash mode: group number → slot
}

func newAccum(p *plan) *accum {
	a := &accum{ints: make([][]int64, len(p.ints))}
	n := 1
	if p.space <= flatLimit {
		n = int(p.space) + 1
	} else {
		a.index = &groupHash{}
		a.keys = []uint64{excluded}
	}
	a.grow(n)
	return a
}

func (a *accum) grow(n int) {
	for len(a.rows) < n {
		a.rows = append(a.rows, 0)
		a.usage = append(a.usage, 0)
		for k := range a.ints {
			a.ints[k] = append(a.ints[k], 0)
		}
	}
}

// scratch is one worker's per-segment buffers.
type scratch struct {
	gid  []uint64
	slot []uint32
}

// blockRows is the number of rows summed at a time: the per-row scratch of a block
// stays in cache, and big segments (Parquet row groups) split across partitions.
const blockRows = 1 << 15

// block is a range of rows of one segment.
type block struct {
	seg    *segment
	lo, hi int
}

// accumulate sums the table's blocks into per-partition accumulators, partitions in
// parallel, and merges them in partition order.
func (t *Table) accumulate(p *plan) *accum {
	var blocks []block
	for _, s := range t.segs {
		for lo := 0; lo < s.n; lo += blockRows {
			blocks = append(blocks, block{s, lo, min(lo+blockRows, s.n)})
		}
	}
	nparts := min(partitions, len(blocks))
	accs := make([]*accum, nparts)
	var wg sync.WaitGroup
	next := make(chan int, nparts)
	for i := 0; i < nparts; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < min(runtime.GOMAXPROCS(0), nparts); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			for part := range next {
				a := newAccum(p)
				lo, hi := part*len(blocks)/nparts, (part+1)*len(blocks)/nparts
				for _, b := range blocks[lo:hi] {
					sumBlock(p, b, a, &sc)
				}
				accs[part] = a
			}
		}()
	}
	wg.Wait()
	total := newAccum(p)
	for _, a := range accs {
		total.merge(a)
	}
	return total
}

func (a *accum) merge(b *accum) {
	if a.index == nil {
		for i := range b.rows {
			a.rows[i] += b.rows[i]
			a.usage[i] += b.usage[i]
			for k := range a.ints {
				a.ints[k][i] += b.ints[k][i]
			}
		}
		return
	}
	for i := 1; i < len(b.rows); i++ {
		j := a.slotOf(b.keys[i])
		a.rows[j] += b.rows[i]
		a.usage[j] += b.usage[i]
		for k := range a.ints {
			a.ints[k][j] += b.ints[k][i]
		}
	}
}

func (a *accum) slotOf(g uint64) uint32 {
	j := a.index.find(g)
	if j == 0 {
		j = uint32(len(a.keys))
		a.index.insert(g, j)
		a.keys = append(a.keys, g)
		a.grow(len(a.keys))
	}
	return j
}

// groupHash maps group numbers to slots (≥ 1): open addressing with linear
// probing, with a cache of the last group found, since rows of a group often come
// together. It is several times faster than a Go map for this one job.
type groupHash struct {
	keys  []uint64 // group number + 1; 0 is an empty entry
	slots []uint32
	n     int
	lastG uint64
	lastJ uint32
}

func (h *groupHash) find(g uint64) uint32 {
	if h.lastJ != 0 && h.lastG == g {
		return h.lastJ
	}
	if len(h.keys) == 0 {
		return 0
	}
	mask := uint64(len(h.keys) - 1)
	for i := (g * 0x9e3779b97f4a7c15) >> 32 & mask; ; i = (i + 1) & mask {
		switch h.keys[i] {
		case g + 1:
			h.lastG, h.lastJ = g, h.slots[i]
			return h.slots[i]
		case 0:
			return 0
		}
	}
}

func (h *groupHash) insert(g uint64, j uint32) {
	if 2*(h.n+1) > len(h.keys) {
		oldK, oldS := h.keys, h.slots
		size := max(1024, 2*len(oldK))
		h.keys, h.slots, h.n = make([]uint64, size), make([]uint32, size), 0
		for i, k := range oldK {
			if k != 0 {
				h.insert(k-1, oldS[i])
			}
		}
	}
	mask := uint64(len(h.keys) - 1)
	i := (g * 0x9e3779b97f4a7c15) >> 32 & mask
	for h.keys[i] != 0 {
		i = (i + 1) & mask
	}
	h.keys[i], h.slots[i] = g+1, j
	h.n++
}

// sumBlock adds one block's rows into a. It makes few passes over the block: the
// group number is built two dimensions at a time (directly as a 32-bit slot for
// dense arrays, clamped at the discard slot after each pass), then rows, usage and
// two integer measures are summed in one pass and further measures three at a time,
// each pass a tight loop specialised for the columns' widths.
func sumBlock(p *plan, b block, a *accum, sc *scratch) {
	s, n := b.seg, b.hi-b.lo
	if cap(sc.slot) < n {
		sc.slot = make([]uint32, n)
	}
	slot := sc.slot[:n]
	if a.index == nil {
		// Dense: group numbers < space ≤ flatLimit; an excluded code maps to space.
		if len(p.lookups) == 0 {
			clear(slot)
		}
		for d := 0; d < len(p.lookups); d += 2 {
			k := &p.lookups[d]
			c := codesOf(s, k.col).slice(b.lo, b.hi)
			if d+1 == len(p.lookups) {
				slotLookup(slot, &c, k.lut32, uint32(p.space), d == 0)
				break
			}
			k2 := &p.lookups[d+1]
			c2 := codesOf(s, k2.col).slice(b.lo, b.hi)
			slotLookup2(slot, &c, &c2, k.lut32, k2.lut32, uint32(p.space), d == 0)
		}
	} else {
		if cap(sc.gid) < n {
			sc.gid = make([]uint64, n)
		}
		gid := sc.gid[:n]
		for d, k := range p.lookups {
			c := codesOf(s, k.col).slice(b.lo, b.hi)
			gidLookup(gid, &c, k.lut, d == 0)
		}
		for i, g := range gid {
			if g >= excluded {
				slot[i] = 0
			} else {
				slot[i] = a.slotOf(g)
			}
		}
	}
	col := func(k int) intCol { return s.ints[p.ints[k]-firstInt].slice(b.lo, b.hi).orZeros(n) }
	k := 0
	if s.usage != nil && len(p.ints) >= 2 {
		x, y := col(0), col(1)
		sumRowsUsage2(a.rows, a.usage, a.ints[0], a.ints[1], slot, s.usage[b.lo:b.hi], &x, &y)
		k = 2
	} else if s.usage != nil {
		rows, usage := a.rows, a.usage
		for i, u := range s.usage[b.lo:b.hi] {
			j := slot[i]
			rows[j]++
			usage[j] += u
		}
	} else {
		rows := a.rows
		for _, j := range slot {
			rows[j]++
		}
	}
	for ; len(p.ints)-k >= 3; k += 3 {
		x, y, z := col(k), col(k+1), col(k+2)
		addInts3(a.ints[k], a.ints[k+1], a.ints[k+2], slot, &x, &y, &z)
	}
	switch len(p.ints) - k {
	case 2:
		x, y := col(k), col(k+1)
		addInts2(a.ints[k], a.ints[k+1], slot, &x, &y)
	case 1:
		x := col(k)
		addInts(a.ints[k], slot, &x)
	}
}

func codesOf(s *segment, c column) *codeCol {
	if c.isTime() {
		return &s.times[c-firstTime]
	}
	return &s.strs[c-firstStr]
}

// slotLookup adds lut[code] to each row's slot (sets it on the first pass) and
// clamps at space, the discard slot: lut values are below space or equal to it
// for excluded codes, so the sum of a kept row stays below space and an excluded
// row stays at space.
func slotLookup(slot []uint32, c *codeCol, lut []uint32, space uint32, first bool) {
	switch {
	case c.u8 != nil:
		slotLookupW(slot, c.u8, lut, space, first)
	case c.u16 != nil:
		slotLookupW(slot, c.u16, lut, space, first)
	case c.u32 != nil:
		slotLookupW(slot, c.u32, lut, space, first)
	default: // column absent or all NULL: code 0 throughout
		v := min(lut[0], space)
		for i := range slot {
			if first {
				slot[i] = v
			} else {
				slot[i] = min(slot[i]+v, space)
			}
		}
	}
}

func slotLookupW[T uint8 | uint16 | uint32](slot []uint32, codes []T, lut []uint32, space uint32, first bool) {
	codes = codes[:len(slot)]
	if first {
		for i, c := range codes {
			slot[i] = lut[c]
		}
		return
	}
	for i, c := range codes {
		slot[i] = min(slot[i]+lut[c], space)
	}
}

// slotLookup2 is two slotLookup passes in one: lut1[code1] + lut2[code2] is at most
// 2·space, which cannot overflow since space ≤ flatLimit.
func slotLookup2(slot []uint32, c1, c2 *codeCol, lut1, lut2 []uint32, space uint32, first bool) {
	switch {
	case c1.u8 != nil:
		slotLookup2X(slot, c1.u8, c2, lut1, lut2, space, first)
	case c1.u16 != nil:
		slotLookup2X(slot, c1.u16, c2, lut1, lut2, space, first)
	case c1.u32 != nil:
		slotLookup2X(slot, c1.u32, c2, lut1, lut2, space, first)
	default:
		slotLookup2X(slot, make([]uint8, len(slot)), c2, lut1, lut2, space, first)
	}
}

func slotLookup2X[T uint8 | uint16 | uint32](slot []uint32, c1 []T, c2 *codeCol, lut1, lut2 []uint32, space uint32, first bool) {
	switch {
	case c2.u8 != nil:
		slotLookup2W(slot, c1, c2.u8, lut1, lut2, space, first)
	case c2.u16 != nil:
		slotLookup2W(slot, c1, c2.u16, lut1, lut2, space, first)
	case c2.u32 != nil:
		slotLookup2W(slot, c1, c2.u32, lut1, lut2, space, first)
	default:
		slotLookup2W(slot, c1, make([]uint8, len(slot)), lut1, lut2, space, first)
	}
}

func slotLookup2W[T, U uint8 | uint16 | uint32](slot []uint32, c1 []T, c2 []U, lut1, lut2 []uint32, space uint32, first bool) {
	c1, c2 = c1[:len(slot)], c2[:len(slot)]
	if first {
		for i, a := range c1 {
			slot[i] = min(lut1[a]+lut2[c2[i]], space)
		}
		return
	}
	for i, a := range c1 {
		slot[i] = min(slot[i]+lut1[a]+lut2[c2[i]], space)
	}
}

// gidLookup adds lut[code] to each row's group number (sets it on the first pass).
func gidLookup(gid []uint64, c *codeCol, lut []uint64, first bool) {
	switch {
	case c.u8 != nil:
		gidLookupW(gid, c.u8, lut, first)
	case c.u16 != nil:
		gidLookupW(gid, c.u16, lut, first)
	case c.u32 != nil:
		gidLookupW(gid, c.u32, lut, first)
	default:
		for i := range gid {
			if first {
				gid[i] = lut[0]
			} else {
				gid[i] += lut[0]
			}
		}
	}
}

func gidLookupW[T uint8 | uint16 | uint32](gid []uint64, codes []T, lut []uint64, first bool) {
	codes = codes[:len(gid)]
	if first {
		for i, c := range codes {
			gid[i] = lut[c]
		}
		return
	}
	for i, c := range codes {
		gid[i] += lut[c]
	}
}

type intWidth interface{ int8 | int16 | int32 | int64 }

// The summing loops below are generic in the widths of the columns they read, and
// dispatch on the widths at run time one column at a time, so that every
// combination gets a tight loop of its own. An all-zero column (stored empty) is
// read as zeroBlock.

// zeroBlock stands for a block of an all-zero integer column.
var zeroBlock [blockRows]int8

// orZeros returns c, or n zeros for an empty (all-zero) column.
func (c intCol) orZeros(n int) intCol {
	if c.i8 == nil && c.i16 == nil && c.i32 == nil && c.i64 == nil {
		return intCol{i8: zeroBlock[:n]}
	}
	return c
}

func addInts(acc []int64, slot []uint32, c *intCol) {
	switch {
	case c.i8 != nil:
		addIntsW(acc, slot, c.i8)
	case c.i16 != nil:
		addIntsW(acc, slot, c.i16)
	case c.i32 != nil:
		addIntsW(acc, slot, c.i32)
	case c.i64 != nil:
		addIntsW(acc, slot, c.i64)
	}
}

func addIntsW[T intWidth](acc []int64, slot []uint32, vals []T) {
	vals = vals[:len(slot)]
	for i, j := range slot {
		acc[j] += int64(vals[i])
	}
}

// addInts2 sums two integer columns in one pass.
func addInts2(accX, accY []int64, slot []uint32, x, y *intCol) {
	switch {
	case x.i8 != nil:
		addInts2X(accX, accY, slot, x.i8, y)
	case x.i16 != nil:
		addInts2X(accX, accY, slot, x.i16, y)
	case x.i32 != nil:
		addInts2X(accX, accY, slot, x.i32, y)
	case x.i64 != nil:
		addInts2X(accX, accY, slot, x.i64, y)
	}
}

func addInts2X[X intWidth](accX, accY []int64, slot []uint32, x []X, y *intCol) {
	switch {
	case y.i8 != nil:
		addInts2W(accX, accY, slot, x, y.i8)
	case y.i16 != nil:
		addInts2W(accX, accY, slot, x, y.i16)
	case y.i32 != nil:
		addInts2W(accX, accY, slot, x, y.i32)
	case y.i64 != nil:
		addInts2W(accX, accY, slot, x, y.i64)
	}
}

func addInts2W[X, Y intWidth](accX, accY []int64, slot []uint32, x []X, y []Y) {
	x, y = x[:len(slot)], y[:len(slot)]
	for i, j := range slot {
		accX[j] += int64(x[i])
		accY[j] += int64(y[i])
	}
}

// addInts3 sums three integer columns in one pass.
func addInts3(accX, accY, accZ []int64, slot []uint32, x, y, z *intCol) {
	switch {
	case x.i8 != nil:
		addInts3X(accX, accY, accZ, slot, x.i8, y, z)
	case x.i16 != nil:
		addInts3X(accX, accY, accZ, slot, x.i16, y, z)
	case x.i32 != nil:
		addInts3X(accX, accY, accZ, slot, x.i32, y, z)
	case x.i64 != nil:
		addInts3X(accX, accY, accZ, slot, x.i64, y, z)
	}
}

func addInts3X[X intWidth](accX, accY, accZ []int64, slot []uint32, x []X, y, z *intCol) {
	switch {
	case y.i8 != nil:
		addInts3XY(accX, accY, accZ, slot, x, y.i8, z)
	case y.i16 != nil:
		addInts3XY(accX, accY, accZ, slot, x, y.i16, z)
	case y.i32 != nil:
		addInts3XY(accX, accY, accZ, slot, x, y.i32, z)
	case y.i64 != nil:
		addInts3XY(accX, accY, accZ, slot, x, y.i64, z)
	}
}

func addInts3XY[X, Y intWidth](accX, accY, accZ []int64, slot []uint32, x []X, y []Y, z *intCol) {
	switch {
	case z.i8 != nil:
		addInts3W(accX, accY, accZ, slot, x, y, z.i8)
	case z.i16 != nil:
		addInts3W(accX, accY, accZ, slot, x, y, z.i16)
	case z.i32 != nil:
		addInts3W(accX, accY, accZ, slot, x, y, z.i32)
	case z.i64 != nil:
		addInts3W(accX, accY, accZ, slot, x, y, z.i64)
	}
}

func addInts3W[X, Y, Z intWidth](accX, accY, accZ []int64, slot []uint32, x []X, y []Y, z []Z) {
	x, y, z = x[:len(slot)], y[:len(slot)], z[:len(slot)]
	for i, j := range slot {
		accX[j] += int64(x[i])
		accY[j] += int64(y[i])
		accZ[j] += int64(z[i])
	}
}

// sumRowsUsage2 counts rows, sums usage and two integer columns in one pass.
func sumRowsUsage2(rows []int64, usage []float64, accX, accY []int64, slot []uint32, u []float64, x, y *intCol) {
	switch {
	case x.i8 != nil:
		sumRowsUsage2X(rows, usage, accX, accY, slot, u, x.i8, y)
	case x.i16 != nil:
		sumRowsUsage2X(rows, usage, accX, accY, slot, u, x.i16, y)
	case x.i32 != nil:
		sumRowsUsage2X(rows, usage, accX, accY, slot, u, x.i32, y)
	case x.i64 != nil:
		sumRowsUsage2X(rows, usage, accX, accY, slot, u, x.i64, y)
	}
}

func sumRowsUsage2X[X intWidth](rows []int64, usage []float64, accX, accY []int64, slot []uint32, u []float64, x []X, y *intCol) {
	switch {
	case y.i8 != nil:
		sumRowsUsage2W(rows, usage, accX, accY, slot, u, x, y.i8)
	case y.i16 != nil:
		sumRowsUsage2W(rows, usage, accX, accY, slot, u, x, y.i16)
	case y.i32 != nil:
		sumRowsUsage2W(rows, usage, accX, accY, slot, u, x, y.i32)
	case y.i64 != nil:
		sumRowsUsage2W(rows, usage, accX, accY, slot, u, x, y.i64)
	}
}

func sumRowsUsage2W[X, Y intWidth](rows []int64, usage []float64, accX, accY []int64, slot []uint32, u []float64, x []X, y []Y) {
	u, x, y = u[:len(slot)], x[:len(slot)], y[:len(slot)]
	for i, j := range slot {
		rows[j]++
		usage[j] += u[i]
		accX[j] += int64(x[i])
		accY[j] += int64(y[i])
	}
}

// output turns the merged accumulator into Sums, groups in key order.
func (p *plan) output(q Query, a *accum) *Sums {
	var groups []uint64 // group numbers
	var slots []uint32
	if a.index == nil {
		for g := uint64(0); g < p.space; g++ {
			if a.rows[g] > 0 {
				groups = append(groups, g)
				slots = append(slots, uint32(g))
			}
		}
	} else {
		for j := 1; j < len(a.keys); j++ {
			if a.rows[j] > 0 {
				groups = append(groups, a.keys[j])
				slots = append(slots, uint32(j))
			}
		}
		idx := make([]int, len(groups))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(x, y int) bool { return groups[idx[x]] < groups[idx[y]] })
		g2, s2 := make([]uint64, len(idx)), make([]uint32, len(idx))
		for i, k := range idx {
			g2[i], s2[i] = groups[k], slots[k]
		}
		groups, slots = g2, s2
	}
	s := &Sums{By: append([]string(nil), q.By...), Grain: q.Grain, Measures: map[string][]int64{}}
	keys := p.keys
	if q.Grain > 0 {
		keys = keys[1:]
		s.Windows = make([]time.Time, len(groups))
		w := p.keys[0]
		for i, g := range groups {
			s.Windows[i] = time.Unix(0, p.windows[g/w.stride%w.size]).UTC()
		}
	}
	s.Keys = make([][]string, len(keys))
	for d, k := range keys {
		s.Keys[d] = make([]string, len(groups))
		for i, g := range groups {
			s.Keys[d][i] = k.values[g/k.stride%k.size]
		}
	}
	s.Rows = make([]int64, len(groups))
	s.UsageHours = make([]float64, len(groups))
	for i, j := range slots {
		s.Rows[i] = a.rows[j]
		s.UsageHours[i] = a.usage[j]
	}
	for k, c := range p.ints {
		v := make([]int64, len(groups))
		for i, j := range slots {
			v[i] = a.ints[k][j]
		}
		s.Measures[c.String()] = v
	}
	return s
}
