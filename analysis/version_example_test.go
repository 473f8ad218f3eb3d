package analysis_test

import (
	"fmt"
	"sort"

	"github.com/ratelab/ratelab/analysis"
)

func ExampleCompareVersionStrings() {
	v := []string{"100.0", "99.0.1", "64.0b10", "64.0b4", "64.0", "57.0a1"}
	sort.Slice(v, func(i, j int) bool { return analysis.CompareVersionStrings(v[i], v[j]) < 0 })
	fmt.Println(v)
	fmt.Println(analysis.MustParseVersion("64.0b10").Major())
	// Output:
	// [57.0a1 64.0b4 64.0b10 64.0 99.0.1 100.0]
	// 64
}
