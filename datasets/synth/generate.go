package synth

import (
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// Row is one window × channel × build × platform × country (× experiment branch)
// of the history; every measure is a sum.
type Row struct {
	Start            time.Time
	Build            *Release
	OSName           string
	OSVersion        string
	Country          string
	ExperimentID     string // "" for population rows
	ExperimentBranch string
	UsageHours       float64
	Count            int64
	Main             int64
	Startup          int64
	Content          int64
	ContentShutdown  int64
	GPU              int64
	Plugin           int64
	GMPlugin         int64
}

// History is a generated history: its rows in file order and every build offered.
type History struct {
	Config Config
	Rows   []Row
	Builds map[string][]Release // by channel
}

// segment is a slice of a population generated on its own: the whole population,
// or the unenrolled part and each experiment branch.
type segment struct {
	id, branch string
	share      float64
	gpuFactor  float64
}

// Generate builds the history described by cfg.
func Generate(cfg Config) (*History, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))}
	h := &History{Config: cfg, Builds: schedule(cfg.Start, cfg.End)}
	n := int(cfg.End.Sub(cfg.Start) / cfg.Window)
	lag := lagWindows(cfg.Window)
	lags := make([]float64, lag+1)
	for k := range lags {
		lags[k] = lagShare(k, cfg.Window)
	}
	for ci := range channels {
		ch := &channels[ci]
		builds := h.Builds[ch.name]
		// share[w+lag][b] is build b's share in window w, from lag windows before the start.
		share := make([][]float64, n+lag)
		for w := range share {
			share[w] = shares(*ch, builds, g.mid(w-lag))
		}
		for w := 0; w < n; w++ {
			mid := g.mid(w)
			for b := range builds {
				r := &builds[b]
				if !r.Time.IsZero() && !r.Time.Before(mid.Add(cfg.Window/2)) {
					continue // not offered yet
				}
				superseded := b+1 < len(builds) && builds[b+1].Time.Before(mid)
				if superseded && share[w+lag][b] < ch.prune {
					continue
				}
				g.rows(ch, builds, b, w, share, lags)
			}
		}
	}
	h.Rows = g.out(h.Rows)
	return h, nil
}

type generator struct {
	cfg Config
	rng *rand.Rand
	// byWindow holds rows per window and channel while channels are generated one
	// after the other, so the file can be ordered by window first.
	byWindow map[int][][]Row
}

// mid is the middle of window w (w may be negative: before the start).
func (g *generator) mid(w int) time.Time {
	return g.cfg.Start.Add(time.Duration(w)*g.cfg.Window + g.cfg.Window/2)
}

// rows draws the rows of build b in window w, for every platform and country.
func (g *generator) rows(ch *channel, builds []Release, b, w int, share [][]float64, lags []float64) {
	cfg := g.cfg
	lag := len(lags) - 1
	r := &builds[b]
	start := cfg.Start.Add(time.Duration(w) * cfg.Window)
	mid := g.mid(w)
	early := 1.0
	if !r.Time.IsZero() {
		early += ch.earlyExcess * math.Exp(-mid.Sub(r.Time).Hours()/ch.earlyTau.Hours())
	}
	perWindow := ch.dailyHours * cfg.Scale * cfg.Window.Hours() / 24
	for pi := range platforms {
		p := &platforms[pi]
		for ci := range countries {
			c := &countries[ci]
			base := perWindow * ch.osShare[pi] * c.share
			// Hours used in this window, and hours reported in it (used up to lag
			// windows before).
			used := base * cycle(*c, mid, cfg.Window) * share[w+lag][b]
			reported := 0.0
			for k, f := range lags {
				reported += f * base * cycle(*c, g.mid(w-k), cfg.Window) * share[w+lag-k][b]
			}
			pop := Row{Start: start, Build: r, OSName: p.name, OSVersion: p.version, Country: c.code}
			var exp []Row
			for _, s := range g.segments(ch, r, p, mid) {
				row := g.draw(ch, r, p, s, used*s.share, reported*s.share, early)
				row.Start, row.Build, row.OSName, row.OSVersion, row.Country = start, r, p.name, p.version, c.code
				pop.add(row)
				if s.id != "" {
					row.ExperimentID, row.ExperimentBranch = s.id, s.branch
					exp = append(exp, row)
				}
			}
			if ch.name == "release" && p.name == lostHoursPlatform && !lostHoursAt.Before(start) && lostHoursAt.Before(start.Add(cfg.Window)) {
				pop.UsageHours = 0
				for i := range exp {
					exp[i].UsageHours = 0
				}
			}
			if pop.Count == 0 && pop.crashes() == 0 {
				continue // no ping: no row
			}
			g.emit(w, ch, append([]Row{pop}, exp...))
		}
	}
}

// segments splits a population into the parts generated separately.
func (g *generator) segments(ch *channel, r *Release, p *platform, mid time.Time) []segment {
	if ch.name == "release" && p.name == experimentPlatform && r.Major == experimentMajor &&
		!mid.Before(experimentStart) && mid.Before(experimentEnd) {
		return []segment{
			{share: 1 - experimentShare, gpuFactor: 1},
			{id: experimentID, branch: "control", share: experimentShare / 2, gpuFactor: 1},
			{id: experimentID, branch: "treatment", share: experimentShare / 2, gpuFactor: experimentGPUFactor},
		}
	}
	return []segment{{share: 1, gpuFactor: 1}}
}

// draw draws the measures of one segment: usage hours with log-normal noise, pings
// and crashes Poisson around their expectations.
func (g *generator) draw(ch *channel, r *Release, p *platform, s segment, used, reported, early float64) Row {
	k := used / 1000 * ch.crashFactor * majorFactor[r.Major] * early
	mainRate := p.main
	if r.Version == regressionVersion && p.name == regressionPlatform {
		mainRate *= regressionFactor
	}
	hours := reported * math.Exp(hoursNoise*g.rng.NormFloat64())
	count := g.poisson(hours / hoursPerPing)
	if count == 0 {
		hours = 0 // usage hours arrive only in main pings
	}
	row := Row{
		UsageHours:      math.Round(hours*100) / 100,
		Count:           count,
		Main:            g.poisson(k * mainRate),
		Content:         g.poisson(k * p.content),
		ContentShutdown: g.poisson(k * p.shutdownKill),
		GPU:             g.poisson(k * p.gpu * s.gpuFactor),
		Plugin:          g.poisson(k * p.plugin),
		GMPlugin:        g.poisson(k * p.gmplugin),
	}
	row.Content += row.ContentShutdown // content_crashes counts the shutdown kills too
	row.Startup = g.binomial(row.Main, startupShare)
	return row
}

func (g *generator) poisson(lambda float64) int64 {
	if lambda <= 0 {
		return 0
	}
	return int64(distuv.Poisson{Lambda: lambda, Src: g.rng}.Rand())
}

func (g *generator) binomial(n int64, p float64) int64 {
	if n == 0 {
		return 0
	}
	return int64(distuv.Binomial{N: float64(n), P: p, Src: g.rng}.Rand())
}

// crashes is the sum of r's crash counts.
func (r *Row) crashes() int64 {
	return r.Main + r.Content + r.GPU + r.Plugin + r.GMPlugin
}

// add sums o's measures into r.
func (r *Row) add(o Row) {
	r.UsageHours = math.Round((r.UsageHours+o.UsageHours)*100) / 100
	r.Count += o.Count
	r.Main += o.Main
	r.Startup += o.Startup
	r.Content += o.Content
	r.ContentShutdown += o.ContentShutdown
	r.GPU += o.GPU
	r.Plugin += o.Plugin
	r.GMPlugin += o.GMPlugin
}

func (g *generator) emit(w int, ch *channel, rows []Row) {
	if g.byWindow == nil {
		g.byWindow = map[int][][]Row{}
	}
	if g.byWindow[w] == nil {
		g.byWindow[w] = make([][]Row, len(channels))
	}
	ci := channelIndex(ch.name)
	g.byWindow[w][ci] = append(g.byWindow[w][ci], rows...)
}

// out orders the rows by window, then channel, build, platform and country (the
// order they were drawn in), and appends the duplicated upload.
func (g *generator) out(rows []Row) []Row {
	n := int(g.cfg.End.Sub(g.cfg.Start) / g.cfg.Window)
	for w := 0; w < n; w++ {
		for _, rs := range g.byWindow[w] {
			rows = append(rows, rs...)
		}
	}
	var dup []Row
	for _, r := range rows {
		if r.Build.Channel == "release" && r.Start.Truncate(24*time.Hour).Equal(duplicatedDate) {
			dup = append(dup, r)
		}
	}
	return append(rows, dup...)
}

func channelIndex(name string) int {
	for i, c := range channels {
		if c.name == name {
			return i
		}
	}
	panic("synth: unknown channel " + name)
}
