package sampling

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotutil"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// PollSpec describes a repeated poll: Repeats independent simple random samples of
// Size units, drawn without replacement from the population; each unit asked answers
// according to Response, and each poll reports the mean of its respondents with a
// confidence interval at Level.
type PollSpec struct {
	Size     int      // units asked per poll, n
	Repeats  int      // number of independent polls, K
	Response Response // who answers; the zero value means everyone does
	Level    float64  // confidence level of each poll's interval; 0 means 0.95
}

// PollResult is the outcome of K repeated polls of one population.
type PollResult struct {
	Spec PollSpec
	// Truth is the population mean; Limit is where the polls converge under the
	// response mechanism (RespondentMean), equal to Truth when answering does not
	// depend on the value.
	Truth, Limit float64
	// Per poll: respondents, respondent mean and interval bounds. A poll with fewer
	// than two respondents has NaN mean and bounds.
	Respondents   []int
	Means, Lo, Hi []float64
	// Bias is the mean of the poll means minus Truth; SE is their standard deviation
	// (the spread a single poll has around its own expectation), both over the polls
	// with a mean; Coverage is the share of all polls whose interval contains Truth.
	Bias, SE, Coverage float64
}

// Polls runs spec.Repeats polls of pop, seeded with seed.
//
// Each poll's interval is the t interval for the mean of its m respondents,
// ȳ ± t(1−α/2; m−1) · s/√m · √(1 − m/N), with the finite-population correction, so
// that under full response its coverage of the population mean is the nominal level
// (Cochran 1977, §2.5). Under value-dependent non-response the same intervals, narrower
// as n grows, miss the truth ever more often.
func Polls(pop Population, spec PollSpec, seed uint64) (*PollResult, error) {
	if spec.Level == 0 {
		spec.Level = 0.95
	}
	if !(spec.Level > 0 && spec.Level < 1) {
		return nil, fmt.Errorf("sampling: poll level %g is outside (0, 1)", spec.Level)
	}
	if spec.Repeats < 1 {
		return nil, fmt.Errorf("sampling: %d poll repeats; need at least one", spec.Repeats)
	}
	if spec.Response.Name == "" && spec.Response.Prob == nil {
		spec.Response = FullResponse()
	}
	if err := pop.check(spec.Size); err != nil {
		return nil, err
	}
	ps, err := spec.Response.probs(pop.Values)
	if err != nil {
		return nil, err
	}
	limit, err := RespondentMean(pop, spec.Response)
	if err != nil {
		return nil, err
	}
	res := &PollResult{
		Spec:        spec,
		Truth:       pop.Mean(),
		Limit:       limit,
		Respondents: make([]int, spec.Repeats),
		Means:       make([]float64, spec.Repeats),
		Lo:          make([]float64, spec.Repeats),
		Hi:          make([]float64, spec.Repeats),
	}
	fr := newFrame(pop.Values, ps)
	runChunks(spec.Repeats, func(start, end int, p *poller) {
		for k := start; k < end; k++ {
			res.Respondents[k], res.Means[k], res.Lo[k], res.Hi[k] = p.poll(spec.Size, res.Truth)
		}
	}, func() *poller { return newPoller(fr, spec.Level) }, seed)
	covered := 0
	var defined []float64 // polls with a mean: at least two respondents
	for k, m := range res.Means {
		if res.Lo[k] <= res.Truth && res.Truth <= res.Hi[k] {
			covered++
		}
		if !math.IsNaN(m) {
			defined = append(defined, m)
		}
	}
	mean, sd := stat.MeanStdDev(defined, nil)
	res.Bias = mean - res.Truth
	res.SE = sd
	res.Coverage = float64(covered) / float64(spec.Repeats)
	return res, nil
}

// frame is the population as polls draw from it, shared read-only by every worker:
// the values reordered so that the units sure to answer come first, so that a draw
// learns whether it needs a response draw from its index alone and reads one value
// from memory, not a value and a probability. (A simple random sample does not
// depend on the order of the units.)
type frame struct {
	y    []float64 // values, the sure responders in [0, sure)
	p    []float64 // p[k-sure]: response probability of unit k ≥ sure
	sure int
}

func newFrame(values, probs []float64) *frame {
	f := &frame{y: make([]float64, 0, len(values))}
	for i, y := range values {
		if probs[i] >= 1 {
			f.y = append(f.y, y)
		}
	}
	f.sure = len(f.y)
	for i, y := range values {
		if probs[i] < 1 {
			f.y = append(f.y, y)
			f.p = append(f.p, probs[i])
		}
	}
	return f
}

// poller draws polls from a frame: units drawn uniformly, redrawn when already in the
// poll (a bit set marks them), which is simple random sampling without replacement;
// for n ≪ N redraws are rare. It also keeps the t quantiles by respondent count.
type poller struct {
	*frame
	seen  []uint64 // bit k set: unit k is in the current poll
	drawn []int
	tq    []float64 // t(1−α/2; m−1) by m, NaN until computed
	alpha float64
	rnd   *rand.Rand
}

func newPoller(f *frame, level float64) *poller {
	return &poller{frame: f, seen: make([]uint64, (len(f.y)+63)/64), alpha: 1 - level}
}

// reset makes the poller draw from rnd, so that a chunk of polls depends on its own
// seed only.
func (p *poller) reset(rnd *rand.Rand) { p.rnd = rnd }

// poll asks n units and returns the number of respondents, their mean and the
// interval. shift (a value near the mean) keeps the one-pass variance accurate.
func (p *poller) poll(n int, shift float64) (m int, mean, lo, hi float64) {
	N := len(p.y)
	var s, ss float64
	p.drawn = p.drawn[:0]
	for range n {
		k := p.rnd.IntN(N)
		for p.seen[k>>6]&(1<<(k&63)) != 0 {
			k = p.rnd.IntN(N)
		}
		p.seen[k>>6] |= 1 << (k & 63)
		p.drawn = append(p.drawn, k)
		if k >= p.sure && p.rnd.Float64() >= p.p[k-p.sure] {
			continue
		}
		d := p.y[k] - shift
		s += d
		ss += d * d
		m++
	}
	for _, k := range p.drawn {
		p.seen[k>>6] = 0
	}
	if m < 2 {
		return m, math.NaN(), math.NaN(), math.NaN()
	}
	fm := float64(m)
	mean = shift + s/fm
	variance := (ss - s*s/fm) / (fm - 1)
	half := p.quantile(m) * math.Sqrt(variance/fm*(1-fm/float64(N)))
	return m, mean, mean - half, mean + half
}

// quantile returns t(1−α/2; m−1), computed once per respondent count.
func (p *poller) quantile(m int) float64 {
	for len(p.tq) <= m {
		p.tq = append(p.tq, math.NaN())
	}
	if math.IsNaN(p.tq[m]) {
		p.tq[m] = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(m - 1)}.Quantile(1 - p.alpha/2)
	}
	return p.tq[m]
}

// Table returns one row per poll: poll number, respondents, mean, interval bounds and
// whether the interval covers the population mean.
func (r *PollResult) Table() dataframe.DataFrame {
	n := len(r.Means)
	poll := make([]int, n)
	covers := make([]bool, n)
	for i := range poll {
		poll[i] = i + 1
		covers[i] = r.Lo[i] <= r.Truth && r.Truth <= r.Hi[i]
	}
	return dataframe.New(
		series.New(poll, series.Int, "poll"),
		series.New(r.Respondents, series.Int, "respondents"),
		series.New(r.Means, series.Float, "mean"),
		series.New(r.Lo, series.Float, "lo"),
		series.New(r.Hi, series.Float, "hi"),
		series.New(covers, series.Bool, "covers_truth"),
	)
}

// Summary returns one row: the mechanism, n, K, the truth, where the polls converge,
// their bias, standard error and coverage.
func (r *PollResult) Summary() dataframe.DataFrame {
	return dataframe.New(
		series.New([]string{r.Spec.Response.Name}, series.String, "response"),
		series.New([]int{r.Spec.Size}, series.Int, "n"),
		series.New([]int{r.Spec.Repeats}, series.Int, "polls"),
		series.New([]float64{r.Truth}, series.Float, "truth"),
		series.New([]float64{r.Limit}, series.Float, "expected_mean"),
		series.New([]float64{r.Bias}, series.Float, "bias"),
		series.New([]float64{r.SE}, series.Float, "se"),
		series.New([]float64{r.Coverage}, series.Float, "coverage"),
	)
}

// plotPolls is how many polls Plot draws: enough to see the cluster, few enough to
// see each interval.
const plotPolls = 60

// Plot draws the first polls' means with their intervals against the true mean and
// the value the polls converge to: under value-dependent non-response they cluster
// tightly around the wrong value and their intervals miss the truth.
func (r *PollResult) Plot() (*plot.Plot, error) {
	return chart.Static(r.draw())
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (r *PollResult) Chart() (*analysis.Chart, error) {
	return chart.Interactive(r.draw())
}

func (r *PollResult) draw() (*chart.Plot, error) {
	n := min(len(r.Means), plotPolls)
	iv := intervals{x: make([]float64, n), mid: r.Means[:n], lo: r.Lo[:n], hi: r.Hi[:n]}
	for i := range iv.x {
		iv.x[i] = float64(i + 1)
	}
	p := newPlot(fmt.Sprintf("%d polls of n = %d (%s): %.0f%% of %d intervals cover the truth",
		n, r.Spec.Size, r.Spec.Response.Name, 100*r.Coverage, len(r.Means)), "poll", "respondent mean")
	if err := addIntervals(p, iv, fmt.Sprintf("poll mean, %.0f%% interval", 100*r.Spec.Level), 0); err != nil {
		return nil, err
	}
	addHLine(p, r.Truth, fmt.Sprintf("population mean %.4g", r.Truth), color.Black, false)
	if r.Limit != r.Truth {
		addHLine(p, r.Limit, fmt.Sprintf("respondents' mean %.4g", r.Limit), plotutil.Color(1), true)
	}
	headroom(p.Plot, 0.3)
	return p, nil
}
