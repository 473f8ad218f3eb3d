package analysis

import (
	"strings"
	"testing"
	"time"
)

// TestLoadDefault loads the embedded history and finds what its data card
// (datasets/README.md) says is planted: 96 duplicated release-channel rows of
// 2018-03-01, the 8 Linux release rows of 2018-02-14T12:00Z with zero usage hours
// but 12,090 pings, and experiment rows.
func TestLoadDefault(t *testing.T) {
	tab, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if r := tab.LoadReport(); len(r.Missing) != 0 || len(r.Unknown) != 0 || r.Rows != tab.Len() {
		t.Errorf("report %+v", r)
	}
	clean, rep := Validate(tab, ValidateOptions{Drop: true})
	c := rep.Counts()
	if c[DuplicateWindow] != 96 || c[ZeroUsage] != 8 || rep.Errors() != 104 || rep.Dropped != 104 || c[ExperimentRow] == 0 {
		t.Errorf("issues %v, dropped %d", c, rep.Dropped)
	}
	var pings, main int64
	for _, is := range rep.Issues {
		r := tab.Row(is.Row)
		switch is.Kind {
		case DuplicateWindow:
			if r.SubmissionDate != "2018-03-01" || r.Channel != "release" {
				t.Errorf("duplicate at %s is %s %s", is.Where, r.SubmissionDate, r.Channel)
			}
		case ZeroUsage:
			if !r.WindowStart.Equal(time.Date(2018, 2, 14, 12, 0, 0, 0, time.UTC)) || r.Channel != "release" || r.OSName != "Linux" || r.UsageHours != 0 {
				t.Errorf("zero usage at %s is %v %s %s, %g h", is.Where, r.WindowStart, r.Channel, r.OSName, r.UsageHours)
			}
			pings += r.Count
			main += r.MainCrashes
		}
	}
	if pings != 12090 || main != 150 {
		t.Errorf("zero-usage rows carry %d pings and %d main crashes, want 12090 and 150", pings, main)
	}
	if clean.Len() != tab.Len()-104 {
		t.Errorf("clean table has %d rows, want %d", clean.Len(), tab.Len()-104)
	}
	dates, err := DefaultReleaseDates("release")
	if err != nil {
		t.Fatal(err)
	}
	if d := dates[58]; !d.Equal(time.Date(2018, 1, 23, 14, 0, 0, 0, time.UTC)) {
		t.Errorf("release date of 58 = %v", d)
	}
	if _, err := ReadReleaseDates(strings.NewReader("channel,version\n"), "x.csv", "release"); err == nil {
		t.Error("release list without release_time accepted")
	}
}
