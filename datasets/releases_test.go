package datasets_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/datasets"
)

// TestReleaseTimes checks the calendar against Firefox's public release dates the
// data card lists, and that unknown channels fail.
func TestReleaseTimes(t *testing.T) {
	rel, err := datasets.ReleaseTimes("release")
	if err != nil {
		t.Fatal(err)
	}
	for v, d := range map[string]string{"56.0": "2017-09-28", "58.0.1": "2018-01-29", "59.0.2": "2018-03-26"} {
		day, _ := time.Parse(time.DateOnly, d)
		want := day.Add(14 * time.Hour)
		if got, ok := rel[v]; !ok || !got.Equal(want) {
			t.Errorf("release %s at %v (listed %v), want %v", v, got, ok, want)
		}
	}
	if _, ok := rel["55.0.3"]; ok {
		t.Error("55.0.3, installed before the history, has a release time")
	}
	if _, err := datasets.ReleaseTimes("aurora"); err == nil {
		t.Error("no error for a channel without builds")
	}
}

// TestReadReleases checks a release list read from a reader: the channel's rows in
// order with their lines, empty release times left out, a missing column refused.
func TestReadReleases(t *testing.T) {
	list := "channel,version,release_time\n" +
		"nightly,57.0a1,\n" +
		"nightly,57.0a1,2017-09-21T10:00:00Z\n" +
		"release,56.0,2017-09-28T14:00:00Z\n" +
		"nightly,58.0a1,2017-09-22T10:00:00Z\n"
	rels, err := datasets.ReadReleases(strings.NewReader(list), "list.csv", "nightly")
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(rels)
	want := "[{57.0a1 2017-09-21 10:00:00 +0000 UTC 3} {58.0a1 2017-09-22 10:00:00 +0000 UTC 5}]"
	if got != want {
		t.Errorf("ReadReleases = %s, want %s", got, want)
	}
	if _, err := datasets.ReadReleases(strings.NewReader("channel,version\n"), "x.csv", "release"); err == nil {
		t.Error("release list without release_time accepted")
	}
}

func ExampleReleaseTimes() {
	rel, err := datasets.ReleaseTimes("release")
	if err != nil {
		panic(err)
	}
	fmt.Println(len(rel), rel["58.0.1"].Format(time.RFC3339))
	// Output: 14 2018-01-29T14:00:00Z
}
