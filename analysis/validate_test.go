package analysis

import (
	"strings"
	"testing"
)

// badCSV has one issue of each kind; lines 2, 3 and 9 are valid.
const badCSV = `window_start,window_end,version,os_name,experiment_id,usage_hours,count,main_crashes
2026-01-01T00:00:00Z,2026-01-01T00:05:00Z,100.0,Windows_NT,,10.5,3,1
2026-01-01T00:00:00Z,2026-01-01T00:05:00Z,100.0,Darwin,,2,1,0
2026-01-01T00:05:00Z,2026-01-01T00:10:00Z,100.0,Linux,,1,2,-4
2026-01-01T00:05:00Z,2026-01-01T00:10:00Z,99.0,Linux,,-0.5,2,0
2026-01-01T00:10:00Z,2026-01-01T00:05:00Z,99.0,Darwin,,1,1,0
2026-01-01T00:00:00Z,2026-01-01T00:05:00Z,100.0,Windows_NT,,10.5,3,1
2026-01-01T00:00:00Z,2026-01-01T00:05:00Z,100.0,Windows_NT,exp-7,4,1,1
2026-01-01T00:15:00Z,2026-01-01T00:20:00Z,99.0,Windows_NT,,7,2,0
2026-01-01T00:15:00Z,2026-01-01T00:20:00Z,99.0,Mac,,,2,0
,2026-01-01T00:20:00Z,99.0,Mac,,3,2,0
`

func TestValidate(t *testing.T) {
	tab, err := LoadCSV(strings.NewReader(badCSV), "bad.csv")
	if err != nil {
		t.Fatal(err)
	}
	kept, rep := Validate(tab, ValidateOptions{})
	if kept != tab || rep.Dropped != 0 {
		t.Fatalf("keep mode changed the table: dropped %d", rep.Dropped)
	}
	want := []struct {
		kind          IssueKind
		where, column string
	}{
		{NegativeCount, "bad.csv: line 4", "main_crashes"},
		{BadUsage, "bad.csv: line 5", "usage_hours"},
		{WindowReversed, "bad.csv: line 6", "window_end"},
		{DuplicateWindow, "bad.csv: line 7", ""},
		{ExperimentRow, "bad.csv: line 8", "experiment_id"},
		{BadUsage, "bad.csv: line 10", "usage_hours"},
		{MissingWindow, "bad.csv: line 11", "window_start"},
	}
	if len(rep.Issues) != len(want) {
		t.Fatalf("%d issues, want %d:\n%s", len(rep.Issues), len(want), rep)
	}
	for i, w := range want {
		is := rep.Issues[i]
		if is.Kind != w.kind || is.Where != w.where || is.Column != w.column {
			t.Errorf("issue %d = %+v, want %s at %s column %q", i, is, w.kind, w.where, w.column)
		}
	}
	if d := rep.Issues[3].Detail; d != "same dimensions and window as bad.csv: line 2" {
		t.Errorf("duplicate detail %q", d)
	}
	if rep.Errors() != 6 {
		t.Errorf("Errors() = %d, want 6", rep.Errors())
	}

	clean, rep := Validate(tab, ValidateOptions{Drop: true})
	if rep.Dropped != 6 || clean.Len() != 4 {
		t.Fatalf("drop: dropped %d, %d rows left; want 6, 4", rep.Dropped, clean.Len())
	}
	// The valid rows and the experiment row stay, with their source lines.
	for i, line := range []string{"bad.csv: line 2", "bad.csv: line 3", "bad.csv: line 8", "bad.csv: line 9"} {
		if got := clean.where(i); got != line {
			t.Errorf("kept row %d is %s, want %s", i, got, line)
		}
	}
	if r := clean.Row(0); r.OSName != "Windows_NT" || r.UsageHours != 10.5 || r.MainCrashes != 1 {
		t.Errorf("kept row 0 = %+v", r)
	}
	_, again := Validate(clean, ValidateOptions{})
	if again.Errors() != 0 || again.Counts()[ExperimentRow] != 1 {
		t.Errorf("cleaned table still has issues:\n%s", again)
	}
	pop, rep := Validate(tab, ValidateOptions{Drop: true, DropExperiments: true})
	if rep.Dropped != 7 || pop.Len() != 3 {
		t.Errorf("drop with experiments: dropped %d, %d left", rep.Dropped, pop.Len())
	}
	// Queries on the cleaned table: population totals leave the experiment row out.
	s, err := clean.Sums(Query{})
	if err != nil {
		t.Fatal(err)
	}
	if s.UsageHours[0] != 19.5 || s.Measures["main_crashes"][0] != 1 {
		t.Errorf("population totals: usage %v main %d; want 19.5, 1", s.UsageHours[0], s.Measures["main_crashes"][0])
	}
	for _, out := range []string{rep.HTML(), rep.Markdown(), rep.String()} {
		if !strings.Contains(out, "negative count") || !strings.Contains(out, "bad.csv: line 4") || !strings.Contains(out, "dropped") {
			t.Errorf("rendering lacks the summary:\n%s", out)
		}
	}
}

// TestValidateZeroUsage: a row with no usage hours but pings is a collection fault
// (datasets/README.md, planted effect 5); a row with nothing in it is not, nor is a
// row whose crashes arrived before any usage hours (the usage-hours lag).
func TestValidateZeroUsage(t *testing.T) {
	const data = `window_start,window_end,version,os_name,usage_hours,count,main_crashes,content_crashes
2018-02-14T12:00:00Z,2018-02-14T18:00:00Z,58.0.2,Linux,0,1512,19,40
2018-02-14T12:00:00Z,2018-02-14T18:00:00Z,58.0.2,Darwin,0,0,0,0
2018-02-14T12:00:00Z,2018-02-14T18:00:00Z,58.0.2,Windows_NT,120.5,40,1,2
2018-02-14T12:00:00Z,2018-02-14T18:00:00Z,55.0.3,Linux,0,0,0,3
`
	tab, err := LoadCSV(strings.NewReader(data), "zero.csv")
	if err != nil {
		t.Fatal(err)
	}
	kept, rep := Validate(tab, ValidateOptions{})
	if kept != tab || rep.Dropped != 0 {
		t.Fatalf("keep mode dropped %d rows", rep.Dropped)
	}
	if len(rep.Issues) != 1 {
		t.Fatalf("%d issues, want 1 (line 2):\n%s", len(rep.Issues), rep)
	}
	if is := rep.Issues[0]; is.Kind != ZeroUsage || is.Where != "zero.csv: line 2" || is.Column != "usage_hours" || is.Value != "0" || is.Detail != "count 1512, main_crashes 19" {
		t.Errorf("issue = %+v, want %s at zero.csv: line 2, detail \"count 1512, main_crashes 19\"", is, ZeroUsage)
	}
	if rep.Errors() != 1 || rep.Counts()[ZeroUsage] != 1 {
		t.Errorf("Errors() = %d, Counts = %v", rep.Errors(), rep.Counts())
	}
	// Drop removes the faulty row only; the empty row, the valid row and the row of
	// crashes without usage yet stay.
	clean, rep := Validate(tab, ValidateOptions{Drop: true})
	if rep.Dropped != 1 || clean.Len() != 3 {
		t.Fatalf("drop: dropped %d, %d rows left; want 1, 3", rep.Dropped, clean.Len())
	}
	for i, line := range []string{"zero.csv: line 3", "zero.csv: line 4", "zero.csv: line 5"} {
		if got := clean.where(i); got != line {
			t.Errorf("kept row %d is %s, want %s", i, got, line)
		}
	}
	for _, out := range []string{rep.HTML(), rep.Markdown(), rep.String()} {
		if !strings.Contains(out, "zero usage_hours with pings") || !strings.Contains(out, "zero.csv: line 2") || !strings.Contains(out, "dropped") {
			t.Errorf("rendering lacks the zero-usage issue:\n%s", out)
		}
	}
}
