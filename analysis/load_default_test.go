package analysis

import (
	"strings"
	"testing"
	"time"
)

// TestLoadDefault loads the embedded history and finds what its data card
// (datasets/README.md) says is planted: 96 duplicated release-channel rows of
// 2018-03-01, and experiment rows.
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
	if c[DuplicateWindow] != 96 || rep.Errors() != 96 || rep.Dropped != 96 || c[ExperimentRow] == 0 {
		t.Errorf("issues %v, dropped %d", c, rep.Dropped)
	}
	for _, is := range rep.Issues {
		if is.Kind == DuplicateWindow {
			if r := tab.Row(is.Row); r.SubmissionDate != "2018-03-01" || r.Channel != "release" {
				t.Errorf("duplicate at %s is %s %s", is.Where, r.SubmissionDate, r.Channel)
			}
		}
	}
	if clean.Len() != tab.Len()-96 {
		t.Errorf("clean table has %d rows, want %d", clean.Len(), tab.Len()-96)
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
