package synth

import (
	"math"
	"time"
)

// reached is the share of a channel's population that has updated to build r (or
// a later one would have, on its own) at time t: a logistic curve in the time since
// the release, rescaled to start from zero at the release and rise to ch.reach.
func reached(ch channel, r Release, isMajor bool, t time.Time) float64 {
	if r.Time.IsZero() {
		return 1 // installed when the history starts
	}
	if !t.After(r.Time) {
		return 0
	}
	mid, sp := ch.mid, ch.spread
	if isMajor {
		mid, sp = ch.majorMid, ch.majorSp
	}
	l := func(d time.Duration) float64 { return 1 / (1 + math.Exp(-(d-mid).Hours()/sp.Hours())) }
	l0 := l(0)
	return ch.reach * (l(t.Sub(r.Time)) - l0) / (1 - l0)
}

// shares is each build's share of its channel's population at t, in the order of
// builds: a user runs the newest build they have taken up, so the share of build i
// is the share at least at i minus the share at least at i+1.
func shares(ch channel, builds []Release, t time.Time) []float64 {
	atLeast := make([]float64, len(builds)+1)
	for i := len(builds) - 1; i >= 0; i-- {
		isMajor := i > 0 && builds[i].Major != builds[i-1].Major
		atLeast[i] = math.Max(reached(ch, builds[i], isMajor, t), atLeast[i+1])
	}
	s := make([]float64, len(builds))
	for i := range builds {
		s[i] = atLeast[i] - atLeast[i+1]
	}
	return s
}

// lagShare is the share of an hour of use reported k windows after the window it
// was used in (usage reports arrive late; see lagCDF).
func lagShare(k int, window time.Duration) float64 {
	return lagAt(time.Duration(k+1)*window) - lagAt(time.Duration(k)*window)
}

func lagAt(d time.Duration) float64 {
	for i := 1; i < len(lagCDF); i++ {
		a, b := lagCDF[i-1], lagCDF[i]
		if d <= b.delay {
			return a.share + (b.share-a.share)*float64(d-a.delay)/float64(b.delay-a.delay)
		}
	}
	return 1
}

// lagWindows is how many windows back a usage report can come from.
func lagWindows(window time.Duration) int {
	last := lagCDF[len(lagCDF)-1].delay
	return int((last + window - 1) / window)
}

// cycle is the usage intensity at UTC time t in a country, relative to its mean.
func cycle(c country, t time.Time, window time.Duration) float64 {
	local := t.Add(c.utcOffset)
	f := weekdayFactor
	if wd := local.Weekday(); wd == time.Saturday || wd == time.Sunday {
		f = weekendFactor
	}
	if window < 24*time.Hour {
		h := float64(local.Hour()) + float64(local.Minute())/60
		f *= 1 + dayAmplitude*math.Cos(2*math.Pi*(h-dayPeak)/24)
	}
	return f
}
