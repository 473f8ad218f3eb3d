package analysis

// without returns a table holding t's rows except those marked in drop (indexed by
// row), in order, sharing t's dictionaries (they are never modified after loading).
// Rows keep their source lines for messages.
func (t *Table) without(drop []bool) *Table {
	u := &Table{name: t.name, lineBased: t.lineBased, strs: t.strs, times: t.times, present: t.present, skipped: t.skipped}
	row := 0
	for _, s := range t.segs {
		keep := make([]int, 0, s.n)
		for i := 0; i < s.n; i++ {
			if !drop[row+i] {
				keep = append(keep, i)
			}
		}
		row += s.n
		u.addSegments([]*segment{s.subset(keep)})
	}
	u.report = t.report
	u.report.Rows = u.n
	u.report.fillColumns(u)
	return u
}

// subset returns a segment with the rows listed in keep, in that order.
func (s *segment) subset(keep []int) *segment {
	out := &segment{n: len(keep), lines: make([]int32, len(keep))}
	for j, i := range keep {
		out.lines[j] = int32(s.line(i))
	}
	for k := range s.times {
		out.times[k] = s.times[k].subset(keep)
	}
	for k := range s.strs {
		out.strs[k] = s.strs[k].subset(keep)
	}
	if s.usage != nil {
		out.usage = pick(s.usage, keep)
	}
	for k := range s.ints {
		out.ints[k] = s.ints[k].subset(keep)
	}
	return out
}

func (c *codeCol) subset(keep []int) codeCol {
	return codeCol{u8: pick(c.u8, keep), u16: pick(c.u16, keep), u32: pick(c.u32, keep)}
}

func (c *intCol) subset(keep []int) intCol {
	return intCol{i8: pick(c.i8, keep), i16: pick(c.i16, keep), i32: pick(c.i32, keep), i64: pick(c.i64, keep)}
}

// pick returns vals[keep[0]], vals[keep[1]], …; nil for nil vals.
func pick[T any](vals []T, keep []int) []T {
	if vals == nil {
		return nil
	}
	out := make([]T, len(keep))
	for j, i := range keep {
		out[j] = vals[i]
	}
	return out
}
