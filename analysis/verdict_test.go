package analysis

import "testing"

func TestVerdictRule(t *testing.T) {
	rule := VerdictRule{Exposure: ExposureRule{MinEvents: 10, MinKHours: 1}, Margin: 0.10}
	for _, c := range []struct {
		name string
		a, b Rate
		want Verdict
	}{
		// R: poisson.test(c(300, 200), c(1000, 1000)) gives [1.250, 1.803].
		{"clearly worse", Rate{Events: 300, KHours: 1000}, Rate{Events: 200, KHours: 1000}, Worse},
		{"clearly better", Rate{Events: 200, KHours: 1000}, Rate{Events: 300, KHours: 1000}, Better},
		// R: poisson.test(c(2000000, 2010000), c(1e6, 1e6)) gives [0.9931, 0.9970]: a
		// significant change of half a percent is still reported as better.
		{"tiny but certain", Rate{Events: 2000000, KHours: 1e6}, Rate{Events: 2010000, KHours: 1e6}, Better},
		// R: poisson.test(c(100000, 100100), c(1000, 1000)) gives [0.9903, 1.0078].
		{"no change", Rate{Events: 100000, KHours: 1000}, Rate{Events: 100100, KHours: 1000}, NoChange},
		// R: poisson.test(c(10, 20), c(5, 7)) gives [0.29, 1.57]: too wide to tell.
		{"too wide", Rate{Events: 10, KHours: 5}, Rate{Events: 20, KHours: 7}, NotEnoughData},
		{"too few events", Rate{Events: 4, KHours: 100}, Rate{Events: 5, KHours: 100}, NotEnoughData},
		{"too little exposure", Rate{Events: 500, KHours: 0.5}, Rate{Events: 100, KHours: 100}, NotEnoughData},
		// Few crashes over ample exposure is good news, not missing data: 0 vs 60
		// events over 100 khours each is better (R: [0, 0.0634]).
		{"no crashes at all", Rate{Events: 0, KHours: 100}, Rate{Events: 60, KHours: 100}, Better},
		{"no events anywhere", Rate{KHours: 100}, Rate{KHours: 100}, NotEnoughData},
	} {
		tr, _ := CompareRates(c.a, c.b, 0.95) // every case has exposure
		if got := rule.Judge(tr); got != c.want {
			t.Errorf("%s: Judge(%v) = %v, want %v", c.name, tr, got, c.want)
		}
	}
}

func TestVerdictString(t *testing.T) {
	for v, want := range map[Verdict]string{
		NotEnoughData: "not enough data", NoChange: "no change", Better: "better", Worse: "worse", Verdict(9): "Verdict(9)",
	} {
		if got := v.String(); got != want {
			t.Errorf("Verdict(%d).String() = %q, want %q", int(v), got, want)
		}
	}
}
