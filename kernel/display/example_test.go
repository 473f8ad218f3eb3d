package display_test

import (
	"fmt"

	"github.com/ratelab/ratelab/kernel/display"
)

type release string

// HTML makes a release show as a bold name in notebooks.
func (r release) HTML() string { return "<b>" + string(r) + "</b>" }

func ExampleRender() {
	b, _ := display.Render(release("Firefox 120"))
	fmt.Println(b.Data["text/html"])
	fmt.Println(b.Data["text/plain"])

	b, _ = display.Render([]float64{1.5, 2})
	fmt.Println(b.Data["text/plain"])
	// Output:
	// <b>Firefox 120</b>
	// "Firefox 120"
	// [1.5 2]
}
