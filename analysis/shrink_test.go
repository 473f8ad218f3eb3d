package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
	"gonum.org/v1/gonum/stat/distuv"
)

// Ten small groups; the reference fit, pinned from R 4 by
//
//	Rscript -e 'x<-c(0,3,12,5,40,2,7,30,1,9); T<-c(0.5,2,5,1,10,3,2,12,0.8,6);
//	  nll<-function(p) -sum(dnbinom(x,size=exp(p[1]),mu=exp(p[2])*T,log=TRUE));
//	  o<-optim(c(0,log(sum(x)/sum(T))),nll,method="BFGS",control=list(reltol=1e-15,maxit=1000));
//	  a<-exp(o$par[1]); m<-exp(o$par[2]); cat(sprintf("%.10g %.10g\n", a, m));
//	  for (i in 1:10) cat(sprintf("{%.10g, %.10g, %.10g},\n", (a+x[i])/(a/m+T[i]),
//	  qgamma(.025,a+x[i],a/m+T[i]), qgamma(.975,a+x[i],a/m+T[i])))'
//
// MASS::glm.nb(x ~ 1 + offset(log(T))) agrees: theta 7.890708274, exp(coef) 2.403056335.
var (
	shrinkX     = []int64{0, 3, 12, 5, 40, 2, 7, 30, 1, 9}
	shrinkT     = []float64{0.5, 2, 5, 1, 10, 3, 2, 12, 0.8, 6}
	shrinkShape = 7.890708113
	shrinkMean  = 2.403056414
	shrinkPost  = [][3]float64{
		{2.085495369, 0.8940643456, 3.772814809},
		{2.061223522, 1.024757094, 3.453768976},
		{2.401211558, 1.46449285, 3.565769773},
		{3.009307113, 1.597383573, 4.860916398},
		{3.605247071, 2.657229673, 4.695653482},
		{1.574047855, 0.7512013122, 2.696090182},
		{2.81828119, 1.573529186, 4.419784769},
		{2.479172121, 1.753459115, 3.328591295},
		{2.177166974, 0.9898382715, 3.824470935},
		{1.819410986, 1.05777302, 2.78421015},
	}
)

// fitPinned fits a Shrinkage to the groups pinned against R (shrinkX events over
// shrinkT khours).
func fitPinned(t *testing.T) ([]Rate, Shrinkage) {
	t.Helper()
	rates := make([]Rate, len(shrinkX))
	for i := range rates {
		rates[i] = Rate{Events: shrinkX[i], KHours: shrinkT[i]}
	}
	s, err := FitShrinkage(rates)
	if err != nil {
		t.Fatal(err)
	}
	return rates, s
}

func TestShrinkagePinnedR(t *testing.T) {
	rates, s := fitPinned(t)
	// Two optimisers on a flat likelihood agree to ~1e-7 (R's optim and glm.nb differ
	// by 2e-8 here).
	if s.Method != "ml" || s.Homogeneous || !closeRel(s.Prior.Shape, shrinkShape, 1e-6) || !closeRel(s.Prior.Mean, shrinkMean, 1e-6) {
		t.Fatalf("FitShrinkage = %+v, R says shape %g, mean %g by maximum likelihood", s, shrinkShape, shrinkMean)
	}
	for i, r := range rates {
		m, lo, hi, err := s.Estimate(r, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		w := shrinkPost[i]
		if !closeRel(m, w[0], 1e-6) || !closeRel(lo, w[1], 1e-6) || !closeRel(hi, w[2], 1e-6) {
			t.Errorf("Estimate(%v) = %.10g [%.10g, %.10g], R says %.10g [%.10g, %.10g]", r, m, lo, hi, w[0], w[1], w[2])
		}
	}
	df, err := ShrinkTable([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, rates, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if got := df.Col("shrunk").Float()[4]; !closeRel(got, shrinkPost[4][0], 1e-6) {
		t.Errorf("ShrinkTable shrunk[4] = %g, want %g", got, shrinkPost[4][0])
	}
	if got := df.Col("rate").Float()[4]; got != 4 {
		t.Errorf("ShrinkTable rate[4] = %g, want the raw rate 40/10 = 4", got)
	}
}

// TestShrinkageR fits groups drawn from a known gamma prior and compares the fit and
// the posterior means with MASS::glm.nb run now.
func TestShrinkageR(t *testing.T) {
	for _, k := range []int{8, 40, 300} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(k), 7))
			prior := distuv.Gamma{Alpha: 3, Beta: 2, Src: rng} // mean 1.5 per 1k h, CV 58%
			rates := make([]Rate, k)
			var xs, ts []string
			for i := range rates {
				T := math.Exp(rng.Float64()*7 - 1.5) // 0.2 to 250 khours
				x := distuv.Poisson{Lambda: prior.Rand() * T, Src: rng}.Rand()
				rates[i] = Rate{Events: int64(x), KHours: T}
				xs, ts = append(xs, fmt.Sprint(int64(x))), append(ts, fmt.Sprintf("%.17g", T))
			}
			script := fmt.Sprintf(`suppressMessages(library(MASS))
x <- c(%s); T <- c(%s)
g <- glm.nb(x ~ 1 + offset(log(T)), control = glm.control(epsilon = 1e-14, maxit = 200))
a <- g$theta; m <- exp(coef(g)[[1]])
cat(sprintf("%%.17g", c(a, m, (a+x)/(a/m+T))), "\n")
`, strings.Join(xs, ","), strings.Join(ts, ","))
			got := rcheck.Numbers(t, script)
			if len(got) != 2+k {
				t.Fatalf("R printed %d numbers, want %d", len(got), 2+k)
			}
			s, err := FitShrinkage(rates)
			if err != nil {
				t.Fatal(err)
			}
			if !closeRel(s.Prior.Shape, got[0], 1e-5) || !closeRel(s.Prior.Mean, got[1], 1e-6) {
				t.Errorf("FitShrinkage: shape %.10g mean %.10g (%s); glm.nb: theta %.10g mean %.10g", s.Prior.Shape, s.Prior.Mean, s.Method, got[0], got[1])
			}
			for i, r := range rates {
				if m, _, _, err := s.Estimate(r, 0.9); err != nil || !closeRel(m, got[2+i], 1e-6) {
					t.Errorf("group %d %v: shrunk %.10g (%v), R says %.10g", i, r, m, err, got[2+i])
				}
			}
		})
	}
}

func TestShrinkageBehaviour(t *testing.T) {
	_, s := fitPinned(t)
	// A tiny group with a wild raw rate moves most of the way to the prior mean; a big
	// group with the same raw rate keeps most of it.
	tiny, big := Rate{Events: 2, KHours: 0.2}, Rate{Events: 1000, KHours: 100}
	mt, _, _, _ := s.Estimate(tiny, 0.95)
	mb, _, _, _ := s.Estimate(big, 0.95)
	if !(math.Abs(mt-s.Prior.Mean) < math.Abs(mt-10)) || !(math.Abs(mb-10) < 0.5) {
		t.Errorf("raw rate 10 per 1k h: tiny group shrunk to %g, big group to %g; prior mean %g", mt, mb, s.Prior.Mean)
	}
}

func TestShrinkageHomogeneous(t *testing.T) {
	// Counts exactly at their expectation: less spread than Poisson noise, so there is
	// no between-group variance and every group gets the pooled rate.
	var rates []Rate
	for _, T := range []float64{1, 2, 5, 10, 20, 50} {
		rates = append(rates, Rate{Events: int64(3 * T), KHours: T})
	}
	s, err := FitShrinkage(rates)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Homogeneous {
		t.Fatalf("FitShrinkage = %+v; want Homogeneous for counts without extra-Poisson spread", s)
	}
	m, lo, hi, _ := s.Estimate(rates[0], 0.95)
	plo, phi, _ := s.Pooled.Interval(0.95)
	if m != 3 || lo != plo || hi != phi {
		t.Errorf("Estimate = %g [%g, %g], want the pooled rate 3 [%g, %g]", m, lo, hi, plo, phi)
	}
	// Marshall's moments agree: φ = weighted variance − m/T̄ < 0, truncated to none.
	mm, err := FitShrinkageMoments(rates)
	if err != nil || !mm.Homogeneous || mm.Method != "moments" {
		t.Errorf("FitShrinkageMoments = %+v, %v; want Homogeneous by moments", mm, err)
	}
}

func TestShrinkageErrors(t *testing.T) {
	for _, c := range []struct {
		rates []Rate
		want  string
	}{
		{[]Rate{{Events: 3, KHours: 1}}, "1 groups with exposure"},
		{[]Rate{{Events: 3, KHours: 1}, {Events: 5, KHours: 0}}, "1 groups with exposure"},
		{[]Rate{{KHours: 1}, {KHours: 2}}, "no events"},
		{[]Rate{{Events: 1, KHours: 1}, {Events: -1, KHours: 2}}, "group 1"},
		{[]Rate{{Events: 1, KHours: 1}, {Events: 1, KHours: math.NaN()}}, "group 1"},
	} {
		_, err := FitShrinkage(c.rates)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("FitShrinkage(%v) error = %v, want one mentioning %q", c.rates, err, c.want)
		}
	}
	if _, err := ShrinkTable([]string{"a"}, []Rate{{Events: 1, KHours: 1}, {Events: 2, KHours: 1}}, 0.95); err == nil {
		t.Errorf("ShrinkTable with 1 label for 2 rates: no error")
	}
	rates, s := fitPinned(t)
	for _, level := range []float64{95, 0, math.NaN()} {
		if m, lo, hi, err := s.Estimate(rates[0], level); err == nil {
			t.Errorf("Estimate at level %g = %g [%g, %g], want an error", level, m, lo, hi)
		}
		if _, err := ShrinkTable(make([]string, len(rates)), rates, level); err == nil {
			t.Errorf("ShrinkTable at level %g: no error", level)
		}
	}
	if _, _, _, err := s.Estimate(Rate{Events: -2, KHours: 1}, 0.95); err == nil {
		t.Error("Estimate of a negative count: no error")
	}
}

// TestShrinkageMomentsEpiR compares Marshall's moment fit with R's
// epiR::epi.empbayes run now, on groups drawn from a gamma prior (with extra-Poisson
// spread) and on groups without (φ truncated to 0), including groups with no events
// and tiny exposures. epi.empbayes returns the mean γ and variance φ of the prior;
// the shrunk rates are its formula, γ + φ(rᵢ − γ)/(φ + γ/Tᵢ).
func TestShrinkageMomentsEpiR(t *testing.T) {
	cases := [][]Rate{}
	for _, k := range []int{5, 40, 300} {
		rng := rand.New(rand.NewPCG(uint64(k), 11))
		prior := distuv.Gamma{Alpha: 2, Beta: 1, Src: rng} // mean 2 per 1k h, CV 71%
		rates := make([]Rate, k)
		for i := range rates {
			T := math.Exp(rng.Float64()*9 - 4) // 0.02 to 150 khours
			rates[i] = Rate{Events: int64(distuv.Poisson{Lambda: prior.Rand() * T, Src: rng}.Rand()), KHours: T}
		}
		cases = append(cases, rates)
	}
	cases = append(cases,
		[]Rate{{Events: 3, KHours: 1}, {Events: 6, KHours: 2}, {Events: 15, KHours: 5}, {Events: 30, KHours: 10}},  // φ < 0
		[]Rate{{Events: 0, KHours: 0.001}, {Events: 500, KHours: 100}, {Events: 2000, KHours: 150}, {Events: 1, KHours: 3}}) // wide spread
	var script strings.Builder
	script.WriteString("suppressMessages(library(epiR))\n")
	for _, rates := range cases {
		var xs, ts []string
		for _, r := range rates {
			xs, ts = append(xs, fmt.Sprint(r.Events)), append(ts, fmt.Sprintf("%.17g", r.KHours))
		}
		fmt.Fprintf(&script, `x <- c(%s); T <- c(%s)
e <- epi.empbayes(x, T); g <- e[[1]]; phi <- e[[2]]
cat(sprintf("%%.17g", c(g, phi, phi*(x/T - g)/(phi + g/T) + g)), "\n")
`, strings.Join(xs, ","), strings.Join(ts, ","))
	}
	got := rcheck.Numbers(t, script.String())
	for _, rates := range cases {
		if len(got) < 2+len(rates) {
			t.Fatalf("R printed too few numbers")
		}
		want := got[:2+len(rates)]
		got = got[2+len(rates):]
		s, err := FitShrinkageMoments(rates)
		if err != nil {
			t.Fatal(err)
		}
		gamma, phi := want[0], want[1]
		if s.Method != "moments" || !closeRel(s.Prior.Mean, gamma, 1e-12) || s.Homogeneous != (phi == 0) ||
			(!s.Homogeneous && !closeRel(s.Prior.Shape, gamma*gamma/phi, 1e-9)) {
			t.Errorf("%d groups: FitShrinkageMoments = %+v; epiR says γ %.17g, φ %.17g (shape γ²/φ)", len(rates), s, gamma, phi)
		}
		for i, r := range rates {
			if m, _, _, err := s.Estimate(r, 0.95); err != nil || !closeRel(m, want[2+i], 1e-9) {
				t.Errorf("%d groups, group %d %v: shrunk %.17g (%v), epiR's formula %.17g", len(rates), i, r, m, err, want[2+i])
			}
		}
	}
}

func BenchmarkFitShrinkage(b *testing.B) {
	for _, k := range []int{30, 1000, 30000} {
		b.Run(fmt.Sprint(k), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			prior := distuv.Gamma{Alpha: 3, Beta: 2, Src: rng}
			rates := make([]Rate, k)
			for i := range rates {
				T := math.Exp(rng.Float64()*7 - 1.5)
				rates[i] = Rate{Events: int64(distuv.Poisson{Lambda: prior.Rand() * T, Src: rng}.Rand()), KHours: T}
			}
			for b.Loop() {
				if _, err := FitShrinkage(rates); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
