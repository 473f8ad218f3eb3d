package synth

import "time"

// channel is one update channel's population and how it takes up new builds.
type channel struct {
	name string
	// dailyHours is the channel's usage hours per day (before Config.Scale).
	dailyHours float64
	// osShare is each platform's share of the channel's usage, in platforms order.
	osShare [3]float64
	// Uptake of a build: a logistic curve in time since its release, reaching
	// reach of the population, with midpoint mid and scale spread; majors on the
	// release channel roll out more slowly than point releases.
	reach                          float64
	mid, spread, majorMid, majorSp time.Duration
	// prune drops a superseded build's rows once it holds less than this share of
	// its channel (it still counts in the shares of the others).
	prune float64
	// crashFactor multiplies the release channel's base rates.
	crashFactor float64
	// Early updaters are crashier: a build's rates are multiplied by
	// 1 + earlyExcess·exp(−age/earlyTau) at age since its release.
	earlyExcess float64
	earlyTau    time.Duration
}

var channels = []channel{
	{name: "release", dailyHours: 1.6e6, osShare: [3]float64{0.80, 0.12, 0.08},
		reach: 0.96, mid: 36 * time.Hour, spread: 14 * time.Hour, majorMid: 96 * time.Hour, majorSp: 30 * time.Hour,
		prune: 0.003, crashFactor: 1, earlyExcess: 0.8, earlyTau: 36 * time.Hour},
	{name: "beta", dailyHours: 9e4, osShare: [3]float64{0.78, 0.13, 0.09},
		reach: 0.98, mid: 24 * time.Hour, spread: 10 * time.Hour, majorMid: 24 * time.Hour, majorSp: 10 * time.Hour,
		prune: 0.01, crashFactor: 1.35, earlyExcess: 0.5, earlyTau: 24 * time.Hour},
	{name: "nightly", dailyHours: 2e4, osShare: [3]float64{0.70, 0.15, 0.15},
		reach: 0.99, mid: 12 * time.Hour, spread: 5 * time.Hour, majorMid: 12 * time.Hour, majorSp: 5 * time.Hour,
		prune: 0.03, crashFactor: 2.2, earlyExcess: 0.3, earlyTau: 12 * time.Hour},
}

// platform is one operating system with its base crash rates on the release
// channel, per 1000 usage hours, for a build of crash factor 1.
type platform struct {
	name, version string
	main          float64
	content       float64 // content process crashes that are real crashes
	shutdownKill  float64 // content processes killed at shutdown (counted in content_crashes too)
	gpu           float64
	plugin        float64
	gmplugin      float64
}

var platforms = [3]platform{
	{name: "Windows_NT", version: "10.0", main: 3.0, content: 6.0, shutdownKill: 2.4, gpu: 0.9, plugin: 0.45, gmplugin: 0.05},
	{name: "Darwin", version: "17.4.0", main: 2.4, content: 4.6, shutdownKill: 1.5, gpu: 0, plugin: 0.20, gmplugin: 0.04},
	{name: "Linux", version: "4.15", main: 3.4, content: 7.2, shutdownKill: 1.9, gpu: 0, plugin: 0.10, gmplugin: 0.08},
}

// startupShare is the fraction of main crashes that happen at startup: startup
// crashes are drawn as a binomial subset of main crashes.
const startupShare = 0.15

// majorFactor multiplies the base rates of every build of a major version.
var majorFactor = map[int]float64{55: 1.00, 56: 0.97, 57: 1.12, 58: 0.95, 59: 0.98, 60: 1.00, 61: 1.00}

// country is one of the handful of countries the history is split by.
type country struct {
	code      string
	share     float64
	utcOffset time.Duration // for the daily and weekly usage cycles
}

var countries = []country{
	{"US", 0.36, -5 * time.Hour},
	{"DE", 0.28, 1 * time.Hour},
	{"BR", 0.18, -3 * time.Hour},
	{"IN", 0.18, 5*time.Hour + 30*time.Minute},
}

// Usage follows the local time of day, 1 + dayAmplitude·cos(2π(h − dayPeak)/24),
// which averages to 1 over a day, and the day of the week: weekend days carry
// weekendFactor and weekdays weekdayFactor, averaging to 1 over a week.
const (
	dayAmplitude  = 0.55
	dayPeak       = 14.0
	weekendFactor = 0.82
	weekdayFactor = (7 - 2*weekendFactor) / 5
)

// lagCDF is the share of an hour of use whose usage report has arrived within a
// delay: a main ping is sent at shutdown or after 24 h of a session, so hours
// arrive late, while crash pings arrive at once. Linear between points.
var lagCDF = []struct {
	delay time.Duration
	share float64
}{
	{0, 0}, {6 * time.Hour, 0.30}, {12 * time.Hour, 0.52}, {18 * time.Hour, 0.68},
	{24 * time.Hour, 0.80}, {30 * time.Hour, 0.90}, {36 * time.Hour, 1},
}

// hoursPerPing is the mean usage hours one main ping reports: count ~ Poisson(hours/hoursPerPing).
const hoursPerPing = 3.0

// hoursNoise is the standard deviation of the log-normal noise on reported hours.
const hoursNoise = 0.03
