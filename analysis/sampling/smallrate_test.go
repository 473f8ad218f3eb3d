package sampling

import (
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// probOffCases are ProbOff's arguments (rate, khours, factor) and scipy's value,
// pinned from
//
//	/usr/bin/python3 -c "
//	from scipy.stats import poisson; import math
//	def off(rate, kh, f):
//	    mu = rate*kh
//	    return poisson.sf(math.ceil(f*mu)-1, mu) + poisson.cdf(math.floor(mu/f), mu)
//	for a in [(2,0.1,2),(2,0.5,2),(2,0.5,10),(2,5,2),(2,50,2),(2,3,10),(0.7,20,2)]:
//	    print(a, repr(off(*a)))"
var probOffCases = []struct{ rate, khours, factor, want float64 }{
	{2, 0.1, 2, 1.0},
	{2, 0.5, 2, 0.6321205588285577},
	{2, 0.5, 10, 0.3678795525969208},
	{2, 5, 2, 0.07054030485488873},
	{2, 50, 2, 2.4015922357103247e-08},
	{2, 3, 10, 0.002478752176666357},
	{0.7, 20, 2, 0.032254786221584154},
}

func TestProbOffPinnedScipy(t *testing.T) {
	for _, c := range probOffCases {
		if got, err := ProbOff(c.rate, c.khours, c.factor); err != nil || math.Abs(got-c.want) > 1e-10*math.Max(c.want, 1e-6) {
			t.Errorf("ProbOff(%g, %g, %g) = %.17g, scipy %.17g", c.rate, c.khours, c.factor, got, c.want)
		}
	}
}

func TestProbOffLiveScipy(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import scipy").Run(); err != nil {
		t.Skip("/usr/bin/python3 with scipy not available (Debian python3-scipy); the pinned comparison still ran")
	}
	var args []string
	for _, c := range probOffCases {
		args = append(args, fmt.Sprintf("(%g,%g,%g)", c.rate, c.khours, c.factor))
	}
	script := `from scipy.stats import poisson
import math
for rate, kh, f in [` + strings.Join(args, ",") + `]:
    mu = rate*kh
    print(repr(poisson.sf(math.ceil(f*mu)-1, mu) + poisson.cdf(math.floor(mu/f), mu)))`
	out, err := exec.Command(py, "-c", script).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	lines := strings.Fields(string(out))
	if len(lines) != len(probOffCases) {
		t.Fatalf("python printed %d values, want %d:\n%s", len(lines), len(probOffCases), out)
	}
	for i, c := range probOffCases {
		want, err := strconv.ParseFloat(lines[i], 64)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := ProbOff(c.rate, c.khours, c.factor); err != nil || math.Abs(got-want) > 1e-10*math.Max(want, 1e-6) {
			t.Errorf("ProbOff(%g, %g, %g) = %.17g, scipy now %.17g", c.rate, c.khours, c.factor, got, want)
		}
	}
}

func TestSmallSampleRates(t *testing.T) {
	kh := []float64{0.1, 0.3, 1, 3, 10, 30, 100}
	const draws = 20000
	s, err := SmallSampleRates(2, kh, []float64{2, 10}, draws, 9)
	if err != nil {
		t.Fatal(err)
	}
	for f := range s.Factors {
		for e := range kh {
			p := s.Exact[f][e]
			se := math.Sqrt(p * (1 - p) / draws)
			if math.Abs(s.Simulated[f][e]-p) > 4*se+1e-9 {
				t.Errorf("factor %g, %g khours: simulated %.4f, exact %.4f ± %.4f", s.Factors[f], kh[e], s.Simulated[f][e], p, 4*se)
			}
		}
	}
	// With 0.2 expected events a measured rate is always off by 2× (it is 0 or ≥ 5×).
	if s.Exact[0][0] != 1 {
		t.Errorf("P(off by 2×) at 0.2 expected events = %g, want 1", s.Exact[0][0])
	}
	if rows, _ := s.Table().Dims(); rows != len(kh)*2 {
		t.Errorf("table has %d rows, want %d", rows, len(kh)*2)
	}
	renderPNG(t)(s.Plot())
	if _, err := SmallSampleRates(2, kh, []float64{1}, 10, 1); err == nil {
		t.Error("factor 1 gave no error")
	}
}
