package sampling

import "fmt"

// Response is a response mechanism: Prob(y) is the probability that a unit whose
// value is y answers when asked. When Prob depends on y the respondents are not a
// random sample of those asked, and no sample size removes the difference.
type Response struct {
	// Name labels the mechanism in tables and legends.
	Name string
	// Prob returns the probability, in [0, 1], that a unit with value y answers.
	// A nil Prob means everyone answers.
	Prob func(y float64) float64
}

// FullResponse returns the mechanism in which everyone asked answers.
func FullResponse() Response {
	return Response{Name: "everyone answers"}
}

// ThresholdResponse returns the mechanism in which units with a value above threshold
// answer with probability p and all others always answer; ThresholdResponse(0.75, 0.5)
// is "half of those above 0.75 never answer".
func ThresholdResponse(threshold, p float64) Response {
	return Response{
		Name: fmt.Sprintf("above %g answer w.p. %g", threshold, p),
		Prob: func(y float64) float64 {
			if y > threshold {
				return p
			}
			return 1
		},
	}
}

// probs returns each population unit's probability of answering, evaluated once so
// that simulations do not call Prob per draw.
func (r Response) probs(values []float64) ([]float64, error) {
	ps := make([]float64, len(values))
	for i, y := range values {
		ps[i] = 1
		if r.Prob != nil {
			ps[i] = r.Prob(y)
		}
		if !(ps[i] >= 0 && ps[i] <= 1) {
			return nil, fmt.Errorf("sampling: response %q: probability %g for value %g is outside [0, 1]", r.Name, ps[i], y)
		}
	}
	return ps, nil
}

// RespondentMean returns the value a poll under r converges to as the sample grows:
// the mean over the population weighted by each unit's response probability,
//
//	Σ p(y_i)·y_i / Σ p(y_i),
//
// which differs from the population mean whenever p depends on y. (A poll's mean is a
// ratio estimator, so for a finite sample this is its expectation to order 1/n.)
func RespondentMean(pop Population, r Response) (float64, error) {
	ps, err := r.probs(pop.Values)
	if err != nil {
		return 0, err
	}
	var num, den float64
	for i, y := range pop.Values {
		num += ps[i] * y
		den += ps[i]
	}
	if den == 0 {
		return 0, fmt.Errorf("sampling: response %q: nobody in the population answers", r.Name)
	}
	return num / den, nil
}
