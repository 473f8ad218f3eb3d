package sampling

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// SurveyPopulation is a population whose value Y is to be estimated and whose two
// auxiliary variables, Age and Region, are known for everyone (from a census or a
// register), so that their population totals can weight a sample.
type SurveyPopulation struct {
	Y           []float64
	Age, Region []string
}

// Categories of the auxiliary variables and their population shares in
// NewSurveyPopulation.
var (
	ages    = []string{"young", "mid", "old"}
	regions = []string{"north", "south"}
)

// NewSurveyPopulation returns n people: Age young/mid/old with shares 30/40/30%,
// Region north/south 55/45% independently, and Y (say weekly hours of use) normal with
// mean 10/15/20 by age, +2 north and −2 south, and standard deviation 5. It fails for
// n below 1.
func NewSurveyPopulation(n int, seed uint64) (SurveyPopulation, error) {
	if n < 1 {
		return SurveyPopulation{}, fmt.Errorf("sampling: a survey population of %d people: need at least one", n)
	}
	rnd := newRand(seed)
	noise := distuv.Normal{Mu: 0, Sigma: 5, Src: rnd}
	pop := SurveyPopulation{Y: make([]float64, n), Age: make([]string, n), Region: make([]string, n)}
	for i := range pop.Y {
		a, mu := 0, 10.0
		switch u := rnd.Float64(); {
		case u >= 0.7:
			a, mu = 2, 20
		case u >= 0.3:
			a, mu = 1, 15
		}
		r := 0
		if rnd.Float64() >= 0.55 {
			r = 1
		}
		pop.Age[i], pop.Region[i] = ages[a], regions[r]
		pop.Y[i] = mu + 2 - 4*float64(r) + noise.Rand()
	}
	return pop, nil
}

// cell is the age × region cell of a person, as PostStratify's strata.
func cell(age, region string) string { return age + "/" + region }

// AgeTotals, RegionTotals and CellTotals return the population's number of people by
// age, by region and by age × region cell ("young/north", …): the known totals that
// weights are calibrated to.
func (p SurveyPopulation) AgeTotals() map[string]float64    { return p.totals(p.Age, nil) }
func (p SurveyPopulation) RegionTotals() map[string]float64 { return p.totals(p.Region, nil) }
func (p SurveyPopulation) CellTotals() map[string]float64   { return p.totals(p.Age, p.Region) }

func (p SurveyPopulation) totals(a, b []string) map[string]float64 {
	t := map[string]float64{}
	for i, k := range a {
		if b != nil {
			k = cell(k, b[i])
		}
		t[k]++
	}
	return t
}

// SurveySample is the respondents of one sample of a SurveyPopulation: each one's
// value, age, region and age × region cell.
type SurveySample struct {
	// Asked is the number of people asked; len(Y) of them answered.
	Asked             int
	Y                 []float64
	Age, Region, Cell []string
}

// Draw asks a simple random sample of n people of p, each of whom answers under nr,
// seeded with seed, and returns the respondents.
func (p SurveyPopulation) Draw(n int, nr Nonresponse, seed uint64) (*SurveySample, error) {
	probs, err := p.responseProbs(n, nr)
	if err != nil {
		return nil, err
	}
	d := newDrawer(len(p.Y))
	d.reset(newRand(seed))
	return p.sample(d.respondents(n, probs), n), nil
}

// responseProbs checks n and returns each person's probability of answering under nr.
func (p SurveyPopulation) responseProbs(n int, nr Nonresponse) ([]float64, error) {
	if n < 2 || n > len(p.Y) {
		return nil, fmt.Errorf("sampling: survey sample size %d must be between 2 and the population size %d", n, len(p.Y))
	}
	probs := make([]float64, len(p.Y))
	for i := range probs {
		probs[i] = nr.Prob(p.Age[i], p.Region[i], p.Y[i])
		if !(probs[i] >= 0 && probs[i] <= 1) {
			return nil, fmt.Errorf("sampling: non-response %q: probability %g for person %d is outside [0, 1]", nr.Name, probs[i], i)
		}
	}
	return probs, nil
}

func (p SurveyPopulation) sample(resp []int, asked int) *SurveySample {
	s := &SurveySample{Asked: asked, Y: make([]float64, len(resp)), Age: make([]string, len(resp)),
		Region: make([]string, len(resp)), Cell: make([]string, len(resp))}
	for j, i := range resp {
		s.Y[j], s.Age[j], s.Region[j] = p.Y[i], p.Age[i], p.Region[i]
		s.Cell[j] = cell(p.Age[i], p.Region[i])
	}
	return s
}

// Estimate returns the respondents' mean of Y by estimator e of Estimators(), with
// its design-based standard error: unweighted (WeightedMean with equal weights),
// post-stratified on the age × region cells (PostStratifiedMean) or raked on the age
// and region margins (RakedMean), the weights starting from the design weight
// N/Asked and calibrated to pop's totals.
func (s *SurveySample) Estimate(pop SurveyPopulation, e string) (MeanEstimate, error) {
	return s.estimate(pop.knownTotals(), e)
}

// knownTotals are a SurveyPopulation's size and totals, computed once for many samples.
type knownTotals struct {
	n                 float64
	age, region, cell map[string]float64
}

func (p SurveyPopulation) knownTotals() knownTotals {
	return knownTotals{float64(len(p.Y)), p.AgeTotals(), p.RegionTotals(), p.CellTotals()}
}

func (s *SurveySample) estimate(t knownTotals, e string) (MeanEstimate, error) {
	base := make([]float64, len(s.Y))
	for i := range base {
		base[i] = t.n / float64(s.Asked)
	}
	switch e {
	case "unweighted":
		return WeightedMean(s.Y, base)
	case "post-stratified":
		return PostStratifiedMean(s.Y, base, s.Cell, t.cell)
	case "raked":
		return RakedMean(s.Y, base, []Margin{{"age", s.Age, t.age}, {"region", s.Region, t.region}}, 100, 1e-10)
	}
	return MeanEstimate{}, fmt.Errorf("sampling: unknown estimator %q (have %v)", e, estimators)
}

// Nonresponse gives each person's probability of answering from what is known about
// them and from the value asked about.
type Nonresponse struct {
	Name string
	Prob func(age, region string, y float64) float64
}

// AnswerByGroup returns non-response that depends on the known variables only: the
// young answer with probability 0.2, the middle-aged 0.5, the old 0.8, times 1 in the
// north and 0.6 in the south. Weighting on age and region removes its bias.
func AnswerByGroup() Nonresponse {
	byAge := map[string]float64{"young": 0.2, "mid": 0.5, "old": 0.8}
	byRegion := map[string]float64{"north": 1, "south": 0.6}
	return Nonresponse{
		Name: "answering depends on age and region",
		Prob: func(age, region string, _ float64) float64 { return byAge[age] * byRegion[region] },
	}
}

// AnswerByValue returns non-response that depends on the value asked about: those
// with a larger Y answer more, p = 1 / (1 + exp(−(Y − 15)/4)), within every age and
// region alike. Weighting on age and region cannot remove its bias: those who answer
// differ from those who do not in a way no known variable records.
func AnswerByValue() Nonresponse {
	return Nonresponse{
		Name: "answering depends on the value itself",
		Prob: func(_, _ string, y float64) float64 { return 1 / (1 + math.Exp(-(y-15)/4)) },
	}
}

// Estimators compared by CorrectionStudy, in table and plot order.
var estimators = []string{"unweighted", "post-stratified", "raked"}

// Correction is the outcome of CorrectionStudy: for each non-response mechanism, the
// estimates of the population mean by each estimator over repeated samples.
type Correction struct {
	Truth     float64
	Scenarios []Nonresponse
	Size      int
	// Estimates[s][e][k] is estimator e's estimate (see Estimators) in repeat k under
	// Scenarios[s], and SE[s][e][k] its design-based standard error (SurveySample.
	// Estimate); ESS[s][k] is the Kish effective sample size of the raking weights.
	Estimates, SE [][][]float64
	ESS           [][]float64
	// Expected[s][e] is the closed-form large-sample value of estimator e under
	// scenario s where one exists (NaN for raking): the respondents' mean
	// Σ p_i y_i / Σ p_i for the unweighted estimator, and Σ_c (N_c/N)·Σ_{i∈c} p_i y_i /
	// Σ_{i∈c} p_i over the age × region cells c for post-stratification.
	Expected [][]float64
}

// Estimators returns the names of the compared estimators, in the order of
// Correction.Estimates: unweighted, post-stratified on age × region cells, raked on
// the age and region margins.
func Estimators() []string { return estimators }

// CorrectionStudy draws repeats simple random samples of n people from pop under each
// non-response mechanism and estimates the mean of Y from the respondents three ways,
// each with its design-based standard error (SurveySample.Estimate): unweighted,
// post-stratified on the age × region cells, and raked on the age and region margins.
func CorrectionStudy(pop SurveyPopulation, scenarios []Nonresponse, n, repeats int, seed uint64) (*Correction, error) {
	if repeats < 1 {
		return nil, fmt.Errorf("sampling: correction study: %d repeats; need at least one", repeats)
	}
	cells := make([]string, len(pop.Y))
	for i := range cells {
		cells[i] = cell(pop.Age[i], pop.Region[i])
	}
	known := pop.knownTotals()
	cellTot := known.cell
	c := &Correction{Truth: stat.Mean(pop.Y, nil), Scenarios: scenarios, Size: n}
	seeds := newRand(seed)
	for _, sc := range scenarios {
		probs, err := pop.responseProbs(n, sc)
		if err != nil {
			return nil, fmt.Errorf("sampling: correction study: %w", err)
		}
		c.Expected = append(c.Expected, []float64{
			stat.Mean(pop.Y, probs),
			postStratifiedLimit(pop.Y, probs, cells, cellTot),
			math.NaN(),
		})
		est, se := make([][]float64, len(estimators)), make([][]float64, len(estimators))
		for e := range estimators {
			est[e], se[e] = make([]float64, repeats), make([]float64, repeats)
		}
		ess := make([]float64, repeats)
		var failed error
		var once sync.Once
		runChunks(repeats, func(start, end int, d *drawer) {
			for k := start; k < end; k++ {
				s := pop.sample(d.respondents(n, probs), n)
				for e, name := range estimators {
					m, err := s.estimate(known, name)
					if err != nil {
						once.Do(func() { failed = fmt.Errorf("sampling: correction study %q, repeat %d: %w", sc.Name, k, err) })
						return
					}
					est[e][k], se[e][k] = m.Mean, m.SE
					if name == "raked" {
						ess[k] = m.ESS
					}
				}
			}
		}, func() *drawer { return newDrawer(len(pop.Y)) }, seeds.Uint64())
		if failed != nil {
			return nil, failed
		}
		c.Estimates = append(c.Estimates, est)
		c.SE = append(c.SE, se)
		c.ESS = append(c.ESS, ess)
	}
	return c, nil
}

// postStratifiedLimit is the large-sample value of the post-stratified mean under
// response probabilities p: within each cell the respondents' mean, weighted by the
// cell's population share.
func postStratifiedLimit(y, p []float64, cells []string, cellTot map[string]float64) float64 {
	num, den := map[string]float64{}, map[string]float64{}
	for i := range y {
		num[cells[i]] += p[i] * y[i]
		den[cells[i]] += p[i]
	}
	var m, N float64
	for _, c := range sortedKeys(cellTot) {
		m += cellTot[c] * num[c] / den[c]
		N += cellTot[c]
	}
	return m / N
}

// drawer draws simple random samples without replacement by a partial Fisher–Yates
// shuffle of unit indices, and then who of them answers.
type drawer struct {
	idx []int
	rnd *rand.Rand
}

func newDrawer(n int) *drawer { return &drawer{idx: make([]int, n)} }

func (d *drawer) reset(rnd *rand.Rand) {
	for i := range d.idx {
		d.idx[i] = i
	}
	d.rnd = rnd
}

// respondents asks n units and returns the indices of those who answer.
func (d *drawer) respondents(n int, probs []float64) []int {
	var out []int
	N := len(d.idx)
	for j := 0; j < n; j++ {
		k := j + d.rnd.IntN(N-j)
		d.idx[j], d.idx[k] = d.idx[k], d.idx[j]
		if u := d.idx[j]; d.rnd.Float64() < probs[u] {
			out = append(out, u)
		}
	}
	return out
}

// Table returns one row per scenario and estimator: the mean estimate over the
// repeats, its bias and standard error (the spread of the estimates), the mean of the
// design-based standard errors each sample reports of itself, the share of their 95%
// intervals that cover the truth, the closed-form expectation where one exists, and
// the mean Kish effective sample size of the raking weights.
func (c *Correction) Table() dataframe.DataFrame {
	var scen, est []string
	var mean, bias, se, reported, coverage, expected, ess []float64
	z := distuv.UnitNormal.Quantile(0.975)
	for s, sc := range c.Scenarios {
		meanESS := stat.Mean(c.ESS[s], nil)
		for e, name := range estimators {
			m, sd := stat.MeanStdDev(c.Estimates[s][e], nil)
			covered := 0
			for k, x := range c.Estimates[s][e] {
				if math.Abs(x-c.Truth) <= z*c.SE[s][e][k] {
					covered++
				}
			}
			scen = append(scen, sc.Name)
			est = append(est, name)
			mean = append(mean, m)
			bias = append(bias, m-c.Truth)
			se = append(se, sd)
			reported = append(reported, stat.Mean(c.SE[s][e], nil))
			coverage = append(coverage, float64(covered)/float64(len(c.Estimates[s][e])))
			expected = append(expected, c.Expected[s][e])
			ess = append(ess, meanESS)
		}
	}
	return dataframe.New(
		series.New(scen, series.String, "nonresponse"),
		series.New(est, series.String, "estimator"),
		series.New(mean, series.Float, "mean_estimate"),
		series.New(bias, series.Float, "bias"),
		series.New(se, series.Float, "se"),
		series.New(reported, series.Float, "design_se"),
		series.New(coverage, series.Float, "coverage_95"),
		series.New(expected, series.Float, "expected_closed_form"),
		series.New(ess, series.Float, "kish_ess_raked"),
	)
}

// Plot draws the bias of each estimator under each non-response mechanism as a point
// with whiskers of ±2 standard errors of a single estimate: weighting removes the bias
// when answering depends on known variables, and barely dents it when answering
// depends on the value itself.
func (c *Correction) Plot() (*plot.Plot, error) {
	return chart.Static(c.draw())
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (c *Correction) Chart() (*analysis.Chart, error) {
	return chart.Interactive(c.draw())
}

func (c *Correction) draw() (*chart.Plot, error) {
	p := newPlot(fmt.Sprintf("What weighting can fix (n = %d asked, true mean %.3g)", c.Size, c.Truth),
		"", "bias of the estimated mean (±2 SE)")
	for e, name := range estimators {
		iv := intervals{}
		for s := range c.Scenarios {
			m, sd := stat.MeanStdDev(c.Estimates[s][e], nil)
			iv.x = append(iv.x, float64(s)+0.15*float64(e-1))
			iv.mid = append(iv.mid, m-c.Truth)
			iv.lo = append(iv.lo, m-c.Truth-2*sd)
			iv.hi = append(iv.hi, m-c.Truth+2*sd)
		}
		if err := addIntervals(p, iv, name, e); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(c.Scenarios))
	for s, sc := range c.Scenarios {
		names[s] = sc.Name
	}
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(c.Scenarios))-0.5
	addHLine(p, 0, "no bias", color.Black, true)
	headroom(p.Plot, 0.25)
	return p, nil
}
