package synth

import "time"

// The effects planted in the history, documented in datasets/README.md. Early
// updaters and the usage-hours lag are part of the model (model.go); these are the
// one-off events.

// The regression: main (and so startup) crashes of one point release on one platform.
const (
	regressionVersion  = "58.0.1"
	regressionPlatform = "Darwin"
	regressionFactor   = 1.40
)

// The experiment: a share of one platform's release population on one major is
// enrolled; its pings are written once with experiment_id NULL (population totals)
// and once more with the experiment's id and branch.
const (
	experimentID        = "webrender-rollout-58"
	experimentPlatform  = "Windows_NT"
	experimentMajor     = 58
	experimentShare     = 0.06 // of the platform's population, split evenly over the branches
	experimentGPUFactor = 1.5  // GPU crashes in the treatment branch
)

var (
	experimentStart = time.Date(2018, 2, 1, 0, 0, 0, 0, time.UTC)
	experimentEnd   = time.Date(2018, 2, 22, 0, 0, 0, 0, time.UTC)
)

// The lost usage: the release channel's Linux rows of the window containing
// lostHoursAt report zero usage hours; their crashes and ping counts are intact.
var lostHoursAt = time.Date(2018, 2, 14, 12, 0, 0, 0, time.UTC)

const lostHoursPlatform = "Linux"

// The duplicated upload: every release-channel row of one submission date is
// uploaded twice; the copies are appended at the end of the file.
var duplicatedDate = time.Date(2018, 3, 1, 0, 0, 0, 0, time.UTC)
