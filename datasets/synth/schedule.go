package synth

import (
	"fmt"
	"time"
)

// Release is one build shipped to one channel.
type Release struct {
	Channel        string
	Version        string // what analyses group by, e.g. "58.0.1", "58.0b4", "59.0a1"
	DisplayVersion string
	BuildID        string // YYYYMMDDhhmmss
	Major          int
	// Time is when the update was offered; zero for a build already installed when
	// the history starts.
	Time time.Time
}

// releaseHour is the UTC hour at which a release or beta update is offered.
const releaseHour = 14

// majorDates are Firefox's real release dates for the majors in the history.
var majorDates = []struct {
	major int
	date  string
}{
	{55, "2017-08-08"}, // before the history starts: bounds 56.0's beta and 57.0's nightly
	{56, "2017-09-28"},
	{57, "2017-11-14"},
	{58, "2018-01-23"},
	{59, "2018-03-13"},
	{60, "2018-05-09"}, // after the history ends: bounds 60.0's beta and 61.0's nightly
}

// pointReleases are the release channel's builds, in order, with Firefox's real dates;
// 55.0.3 is installed when the history starts.
var pointReleases = []struct {
	version string
	date    string
}{
	{"55.0.3", ""},
	{"56.0", "2017-09-28"},
	{"56.0.1", "2017-10-09"},
	{"56.0.2", "2017-10-25"},
	{"57.0", "2017-11-14"},
	{"57.0.1", "2017-11-29"},
	{"57.0.2", "2017-12-07"},
	{"57.0.3", "2017-12-28"},
	{"57.0.4", "2018-01-04"},
	{"58.0", "2018-01-23"},
	{"58.0.1", "2018-01-29"},
	{"58.0.2", "2018-02-07"},
	{"59.0", "2018-03-13"},
	{"59.0.1", "2018-03-16"},
	{"59.0.2", "2018-03-26"},
}

// betaInterval is the time between beta builds (Firefox shipped two a week).
const betaInterval = 84 * time.Hour

// nightlyHour is the UTC hour of the daily nightly build.
const nightlyHour = 10

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // the tables above are constants
	}
	return t
}

// buildID is the build time of a build offered at t: synthetic, two days before a
// release or beta, the same hour for a nightly.
func buildID(t time.Time) string { return t.Format("20060102150405") }

// schedule lists every build of every channel offered before end, each channel's
// builds in order of release. The first build of each channel is already installed
// at start.
func schedule(start, end time.Time) map[string][]Release {
	s := map[string][]Release{}
	for _, p := range pointReleases {
		r := Release{Channel: "release", Version: p.version, DisplayVersion: p.version, Major: majorOf(p.version)}
		if p.date != "" {
			r.Time = day(p.date).Add(releaseHour * time.Hour)
		}
		r.BuildID = buildID(buildTime(r.Time, start).Add(-48 * time.Hour))
		if r.Time.Before(end) {
			s["release"] = append(s["release"], r)
		}
	}
	// Betas of major m run from two days after m-1's release until three days
	// before m's; nightly (m+1).0a1 builds run from m-1's release to m's.
	for i := 0; i+1 < len(majorDates); i++ {
		from := day(majorDates[i].date).Add(releaseHour * time.Hour)
		to := day(majorDates[i+1].date).Add(releaseHour * time.Hour)
		m := majorDates[i+1].major
		for b, t := 1, from.Add(48*time.Hour); t.Before(to.Add(-72 * time.Hour)); b, t = b+1, t.Add(betaInterval) {
			v := fmt.Sprintf("%d.0b%d", m, b)
			s["beta"] = append(s["beta"], Release{Channel: "beta", Version: v, DisplayVersion: v,
				BuildID: buildID(t.Add(-48 * time.Hour)), Major: m, Time: t})
		}
		v := fmt.Sprintf("%d.0a1", m+1)
		for t := from.Truncate(24 * time.Hour).Add(nightlyHour * time.Hour); t.Before(to); t = t.Add(24 * time.Hour) {
			if t.Before(from) {
				continue
			}
			s["nightly"] = append(s["nightly"], Release{Channel: "nightly", Version: v, DisplayVersion: v,
				BuildID: buildID(t), Major: m + 1, Time: t})
		}
	}
	// The beta and nightly already installed at start: the last ones before the
	// first build offered after start.
	for _, ch := range []string{"beta", "nightly"} {
		rs := s[ch]
		first := 0
		for first+1 < len(rs) && !rs[first+1].Time.After(start) {
			first++
		}
		rs = rs[first:]
		rs[0].Time = time.Time{}
		var kept []Release
		for _, r := range rs {
			if r.Time.Before(end) {
				kept = append(kept, r)
			}
		}
		s[ch] = kept
	}
	return s
}

// buildTime is t, or start for a build installed before the history starts.
func buildTime(t, start time.Time) time.Time {
	if t.IsZero() {
		return start.Add(-21 * 24 * time.Hour)
	}
	return t
}

// majorOf is the leading number of a version string.
func majorOf(v string) int {
	m := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			break
		}
		m = 10*m + int(c-'0')
	}
	return m
}
