package analysis

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestRowValuesFollowColumnNames(t *testing.T) {
	r := Row{WindowStart: time.Unix(60, 0).UTC(), Channel: "beta", ExperimentBranch: "control", UsageHours: 1.5,
		Count: 7, GMPluginCrashes: 3}
	v, names := r.Values(), ColumnNames()
	if len(v) != len(names) {
		t.Fatalf("%d values for %d columns", len(v), len(names))
	}
	for name, want := range map[string]any{"window_start": time.Unix(60, 0).UTC(), "window_end": nil,
		"channel": "beta", "version": nil, "experiment_branch": "control", "usage_hours": 1.5,
		"count": int64(7), "main_crashes": int64(0), "gmplugin_crashes": int64(3)} {
		if got := v[slices.Index(names, name)]; got != want {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	if back := NewTable("one", []Row{r}).Row(0).Values(); !slices.Equal(back, v) {
		t.Errorf("through a Table: %v, want %v", back, v)
	}
	if u := (Row{UsageHours: math.NaN()}).Values()[slices.Index(names, "usage_hours")]; u != nil {
		t.Errorf("NaN usage_hours: %v, want nil (NULL)", u)
	}
	for i, name := range names {
		if got, want := ColumnValue(name), (Row{WindowStart: time.Unix(1, 0), WindowEnd: time.Unix(1, 0),
			Channel: "x", SubmissionDate: "x", Version: "x", DisplayVersion: "x", BuildID: "x", Application: "x",
			OSName: "x", OSVersion: "x", Architecture: "x", Country: "x", ExperimentID: "x", ExperimentBranch: "x"}).Values()[i]; typeName(got) != typeName(want) {
			t.Errorf("ColumnValue(%q) is a %s, Values holds a %s", name, typeName(got), typeName(want))
		}
	}
	if ColumnValue("combined") != nil {
		t.Error("ColumnValue of a name outside the schema is not nil")
	}
}

func typeName(v any) string {
	switch v.(type) {
	case time.Time:
		return "time"
	case string:
		return "string"
	case float64:
		return "float64"
	case int64:
		return "int64"
	}
	return "other"
}
