package analysis

import (
	"math"
	"strconv"
)

// ExposureRule is the minimum-exposure rule: a rate over fewer events or fewer
// thousand usage hours than it asks for is flagged as low exposure, reported beside
// its value and drawn differently in plots. A zero field does not apply.
type ExposureRule struct {
	// MinEvents is the least number of events for a rate to stand on its own. With
	// fewer than 10 events the exact 95% interval spans more than a factor of 3.
	MinEvents int64
	// MinKHours is the least exposure, in thousands of usage hours.
	MinKHours float64
}

// DefaultExposureRule flags rates with fewer than 10 events or under 1000 usage hours.
var DefaultExposureRule = ExposureRule{MinEvents: 10, MinKHours: 1}

// Low reports whether r falls below the rule.
func (e ExposureRule) Low(r Rate) bool {
	return r.Events < e.MinEvents || r.KHours < e.MinKHours || math.IsNaN(r.KHours)
}

// Verdict is the answer to "is A worse than B?" that a comparison can honestly give.
type Verdict int

const (
	// NotEnoughData means the data cannot tell: too little exposure, or an interval
	// that contains both no change and a change larger than the margin.
	NotEnoughData Verdict = iota
	// NoChange means the interval excludes any change larger than the margin.
	NoChange
	// Better means A's rate is lower than B's: the whole interval is below 1.
	Better
	// Worse means A's rate is higher than B's: the whole interval is above 1.
	Worse
)

// String returns "not enough data", "no change", "better" or "worse".
func (v Verdict) String() string {
	switch v {
	case NotEnoughData:
		return "not enough data"
	case NoChange:
		return "no change"
	case Better:
		return "better"
	case Worse:
		return "worse"
	}
	return "Verdict(" + strconv.Itoa(int(v)) + ")"
}

// VerdictRule turns a RatioTest into a Verdict. The rule, in order:
//
//  1. NotEnoughData if either exposure is under Exposure.MinKHours, or the two rates
//     together have fewer than Exposure.MinEvents events (a release with few crashes
//     over ample exposure is good news, not missing data);
//  2. Worse if the interval for the ratio lies above 1, Better if it lies below 1;
//  3. NoChange if the interval lies within [1/(1+Margin), 1+Margin]: any change the
//     data allow is smaller than the margin;
//  4. NotEnoughData otherwise: the interval is too wide to tell.
//
// Better and Worse say that the direction of the change is certain at the test's
// level, not that it is large: with millions of events a 0.5% change is "worse".
// Read RatioTest.PercentChange for its size.
type VerdictRule struct {
	Exposure ExposureRule
	// Margin is the relative change (0.1 = 10%) below which a change does not matter.
	Margin float64
}

// DefaultVerdictRule uses DefaultExposureRule and a 10% margin.
var DefaultVerdictRule = VerdictRule{Exposure: DefaultExposureRule, Margin: 0.10}

// Judge returns the verdict of rule on t.
func (rule VerdictRule) Judge(t RatioTest) Verdict {
	e := rule.Exposure
	if t.A.KHours < e.MinKHours || t.B.KHours < e.MinKHours ||
		t.A.Events+t.B.Events < e.MinEvents || math.IsNaN(t.Lo) || math.IsNaN(t.Hi) {
		return NotEnoughData
	}
	switch {
	case t.Lo > 1:
		return Worse
	case t.Hi < 1:
		return Better
	case t.Lo >= 1/(1+rule.Margin) && t.Hi <= 1+rule.Margin:
		return NoChange
	}
	return NotEnoughData
}

// Verdict returns the verdict of DefaultVerdictRule on t.
func (t RatioTest) Verdict() Verdict {
	return DefaultVerdictRule.Judge(t)
}
