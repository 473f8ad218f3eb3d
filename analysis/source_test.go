package analysis

import (
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rowSource is a second Source, written the plain way over a slice of rows, as a
// warehouse-backed Source would be written over SQL: it shows that everything above
// Source (Rates, CompareReleases) works on any implementation, and it checks
// Table.Sums against an independent implementation.
type rowSource []Row

func (rs rowSource) Sums(q Query) (*Sums, error) {
	value := func(r Row, name string) string {
		switch name {
		case DimMajor:
			if v, err := ParseVersion(r.Version); err == nil {
				return strconv.Itoa(v.Major())
			}
			return r.Version
		case DimPlatform:
			return NormalizeOS(r.OSName)
		case "window_start":
			return r.WindowStart.Format(time.RFC3339)
		case "window_end":
			return r.WindowEnd.Format(time.RFC3339)
		case "os":
			return r.OSName
		}
		c, _ := columnByName(name)
		return *r.strPtrs()[c-firstStr]
	}
	experiments := false
	for _, n := range q.By {
		experiments = experiments || strings.HasPrefix(n, "experiment_")
	}
	for n := range q.Where {
		experiments = experiments || strings.HasPrefix(n, "experiment_")
	}
	type group struct {
		window time.Time
		key    []string
		rows   int64
		usage  float64
		ints   [numInts]int64
	}
	groups := map[string]*group{}
	for _, r := range rs {
		if !experiments && r.ExperimentID != "" {
			continue
		}
		if (!q.From.IsZero() && r.WindowStart.Before(q.From)) || (!q.To.IsZero() && !r.WindowStart.Before(q.To)) {
			continue
		}
		keep := true
		for n, vals := range q.Where {
			keep = keep && contains(vals, value(r, n))
		}
		if !keep {
			continue
		}
		var w time.Time
		if q.Grain > 0 {
			w = r.WindowStart.Truncate(q.Grain)
		}
		var key []string
		for _, n := range q.By {
			key = append(key, value(r, n))
		}
		id := w.String() + strconv.Quote(strings.Join(key, "\x00"))
		g := groups[id]
		if g == nil {
			g = &group{window: w, key: key}
			groups[id] = g
		}
		g.rows++
		g.usage += r.UsageHours
		for k, p := range r.intPtrs() {
			g.ints[k] += *p
		}
	}
	var list []*group
	for _, g := range groups {
		list = append(list, g)
	}
	less := func(name, a, b string) bool {
		switch name {
		case "version", "display_version":
			return CompareVersionStrings(a, b) < 0
		case DimMajor:
			x, _ := strconv.Atoi(a)
			y, _ := strconv.Atoi(b)
			return x < y
		}
		return a < b
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if !a.window.Equal(b.window) {
			return a.window.Before(b.window)
		}
		for d, n := range q.By {
			if a.key[d] != b.key[d] {
				return less(n, a.key[d], b.key[d])
			}
		}
		return false
	})
	s := &Sums{By: q.By, Grain: q.Grain, Keys: make([][]string, len(q.By)), Measures: map[string][]int64{}}
	cols := map[column]bool{}
	for _, m := range q.Measures {
		terms, _, err := measureTerms(m)
		if err != nil {
			return nil, err
		}
		for _, c := range terms {
			cols[c] = true
		}
	}
	for _, g := range list {
		if q.Grain > 0 {
			s.Windows = append(s.Windows, g.window)
		}
		for d := range q.By {
			s.Keys[d] = append(s.Keys[d], g.key[d])
		}
		s.Rows = append(s.Rows, g.rows)
		s.UsageHours = append(s.UsageHours, g.usage)
		for c := colCount; c < numColumns; c++ {
			if q.Measures == nil || cols[c] {
				s.Measures[c.String()] = append(s.Measures[c.String()], g.ints[c-firstInt])
			}
		}
	}
	return s, nil
}

func contains(vals []string, v string) bool {
	for _, x := range vals {
		if x == v {
			return true
		}
	}
	return false
}

// sameSums compares sums exactly except usage hours, summed in another order.
func sameSums(t *testing.T, name string, got, want *Sums) {
	t.Helper()
	if got.Len() != want.Len() || !reflect.DeepEqual(got.Keys, want.Keys) || !reflect.DeepEqual(got.Rows, want.Rows) ||
		!reflect.DeepEqual(got.Measures, want.Measures) || len(got.Windows) != len(want.Windows) {
		t.Fatalf("%s: sums differ:\n got  %d groups %v\n want %d groups %v", name, got.Len(), got.Keys, want.Len(), want.Keys)
	}
	for g := range got.UsageHours {
		if (len(got.Windows) > 0 && !got.Windows[g].Equal(want.Windows[g])) || math.Abs(got.UsageHours[g]-want.UsageHours[g]) > 1e-9*math.Abs(want.UsageHours[g]) {
			t.Fatalf("%s: group %d (%q): usage %v, want %v", name, g, got.Key(g), got.UsageHours[g], want.UsageHours[g])
		}
	}
}

func TestSourceContract(t *testing.T) {
	rows := randomRows(21, 5000)
	tab := NewTable("random", rows)
	for _, q := range []Query{
		{},
		{By: []string{"version"}},
		{By: []string{"major", "platform"}, Grain: 6 * time.Hour, Measures: []string{"combined"}},
		{By: []string{"country", "os", "channel"}, Where: map[string][]string{"major": {"99", "100"}}, From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)},
		{By: []string{"experiment_branch"}, Grain: 24 * time.Hour, Measures: []string{"main_crashes", "gpu_crashes"}},
		{By: []string{"window_start", "build_id"}, Where: map[string][]string{"channel": {"nightly"}}},
	} {
		got, err := tab.Sums(q)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := rowSource(rows).Sums(q)
		sameSums(t, strings.Join(q.By, ","), got, want)
	}
	// The comparison gives the same answer over either Source.
	fixture := releaseFixture(4)
	opts := CompareOptions{Channel: "release", Measure: "main_crashes", Majors: []int{100, 101}}
	a, err := CompareReleases(NewTable("fixture", fixture), opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CompareReleases(rowSource(fixture), opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Rows {
		x, y := a.Rows[i], b.Rows[i]
		if x.Platform != y.Platform || x.New.Events != y.New.Events || x.Old.Events != y.Old.Events || x.Verdict != y.Verdict ||
			math.Abs(x.New.KHours-y.New.KHours) > 1e-9*x.New.KHours {
			t.Errorf("row %d: table %+v, row source %+v", i, x, y)
		}
	}
}
