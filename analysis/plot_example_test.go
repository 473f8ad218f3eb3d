package analysis_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/ratelab/ratelab/analysis"
)

// The derived-versus-direct figure of a release's first days, as a notebook cell
// would draw it; the first days, over little exposure, are drawn as hollow rings.
func ExamplePlotDerivedDirectDays() {
	days := []float64{0, 1, 2, 3, 4, 5}
	rates := []analysis.Rate{
		{Events: 2, KHours: 0.4}, {Events: 9, KHours: 3}, {Events: 30, KHours: 12},
		{Events: 70, KHours: 30}, {Events: 101, KHours: 45}, {Events: 118, KHours: 52},
	}
	fig, err := analysis.PlotDerivedDirectDays("main crashes, first week", days, rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := fig.PNG() // what the notebook shows
	if err != nil {
		fmt.Println(err)
		return
	}
	img, _ := png.Decode(bytes.NewReader(b))
	fmt.Println("image:", img.Bounds().Size())
	pts, _ := analysis.DerivedDirect{Days: days, Rates: rates}.Series()
	for _, p := range pts {
		fmt.Printf("day %g: %.2f [%.2f, %.2f] low=%v\n", p.X, p.Value, p.Lo, p.Hi, p.Low)
	}
	// Output:
	// image: (880,550)
	// day 0: 5.00 [0.61, 18.06] low=true
	// day 1: 3.00 [1.37, 5.69] low=true
	// day 2: 2.50 [1.69, 3.57] low=false
	// day 3: 2.33 [1.82, 2.95] low=false
	// day 4: 2.24 [1.83, 2.73] low=false
	// day 5: 2.27 [1.88, 2.72] low=false
}

// Release-over-release bars, one per platform, with exact whiskers.
func ExamplePlotReleases() {
	bars := []analysis.ReleaseBar{
		{Release: "149.0", Platform: "Windows", Rate: analysis.Rate{Events: 10500, KHours: 5000}},
		{Release: "149.0", Platform: "Mac", Rate: analysis.Rate{Events: 1900, KHours: 800}},
		{Release: "150.0", Platform: "Windows", Rate: analysis.Rate{Events: 11800, KHours: 5200}},
		{Release: "150.0", Platform: "Mac", Rate: analysis.Rate{Events: 2000, KHours: 810}},
	}
	p, err := analysis.PlotReleases("main crashes by release", bars)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.X.Label.Text, "/", p.Y.Label.Text)
	// Output:
	// release / events per 1000 usage hours
}

// The funnel plot of builds around their pooled rate; builds outside the 99.8% limits
// are labelled.
func ExamplePlotFunnel() {
	builds := []string{"b1", "b2", "b3", "b4", "b5"}
	rates := []analysis.Rate{
		{Events: 210, KHours: 100}, {Events: 190, KHours: 100}, {Events: 330, KHours: 100},
		{Events: 2, KHours: 0.2}, {Events: 41, KHours: 20},
	}
	p, err := analysis.PlotFunnel("main crashes by build", builds, rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.X.Label.Text)
	// Output:
	// usage (1000 hours, log scale)
}
