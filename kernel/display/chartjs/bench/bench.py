#!/usr/bin/python3
"""How the chart library was chosen: load and render time of a 10^5-point time-series line
chart (tooltips on) in Debian's headless Chromium, for each candidate, installed from the
npm registry with npm into a temporary directory at the versions below. Prints medians of
RUNS runs. Bundle sizes are those of the built files loaded.

Run: /usr/bin/python3 kernel/display/chartjs/bench/bench.py [RUNS]
Needs npm, chromium and python3-websocket.
"""
import gzip, os, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clienttest"))
from cdp import Browser

PACKAGES = ["uplot@1.6.32", "echarts@6.1.0", "vega@6.4.0", "vega-lite@6.5.0", "vega-embed@7.3.0"]
WORK = tempfile.mkdtemp(prefix="ratelab-chartbench-")
subprocess.run(["npm", "install", "--prefix", WORK, "--no-audit", "--no-fund", "--loglevel=error", *PACKAGES], check=True)
NM = os.path.join(WORK, "node_modules")
os.makedirs(os.path.join(WORK, "pages"))
N = 100000
DATA = """
const N = %d; const t0 = 1520949600; const xs = new Float64Array(N), ys = new Float64Array(N);
let seed = 1; function rnd() { seed = (seed * 16807) %% 2147483647; return seed / 2147483647; }
for (let i = 0; i < N; i++) { xs[i] = t0 + i * 60; ys[i] = 5 + Math.sin(i / 500) + rnd(); }
""" % N
LIBS = {
 "uplot": (["uplot/dist/uPlot.iife.min.js"], """
const el = document.getElementById('c');
const u = new uPlot({width: 800, height: 400, scales: {x: {time: true}}, series: [{}, {label: 'rate', stroke: 'blue'}]}, [Array.from(xs), Array.from(ys)], el);
"""),
 "echarts": (["echarts/dist/echarts.min.js"], """
const el = document.getElementById('c'); el.style.width='800px'; el.style.height='400px';
const ch = echarts.init(el, null, {renderer: 'canvas'});
const d = new Array(N); for (let i=0;i<N;i++) d[i]=[xs[i]*1000, ys[i]];
ch.setOption({animation:false, tooltip:{trigger:'axis'}, xAxis:{type:'time'}, yAxis:{type:'value'}, series:[{type:'line', data:d, showSymbol:false, sampling:'lttb'}]});
"""),
 "echarts-nosampling": (["echarts/dist/echarts.min.js"], """
const el = document.getElementById('c'); el.style.width='800px'; el.style.height='400px';
const ch = echarts.init(el, null, {renderer: 'canvas'});
const d = new Array(N); for (let i=0;i<N;i++) d[i]=[xs[i]*1000, ys[i]];
ch.setOption({animation:false, tooltip:{trigger:'axis'}, xAxis:{type:'time'}, yAxis:{type:'value'}, series:[{type:'line', data:d, showSymbol:false}]});
"""),
 "vega-lite": (["vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js"], """
const el = document.getElementById('c');
const vals = new Array(N); for (let i=0;i<N;i++) vals[i]={t: xs[i]*1000, y: ys[i]};
await vegaEmbed(el, {width: 800, height: 400, data: {values: vals}, mark: {type: 'line', tooltip: true},
  encoding: {x: {field: 't', type: 'temporal'}, y: {field: 'y', type: 'quantitative'}}}, {renderer: 'canvas', actions: false});
"""),
}
def page(name):
    files, code = LIBS[name]
    scripts = "".join(f'<script src="file://{NM}/{f}"></script>' for f in files)
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{NM}/uplot/dist/uPlot.min.css">
<script>window.tLoad0 = performance.now();</script>{scripts}<script>window.tLoad1 = performance.now();</script>
</head><body><div id="c"></div><script>
(async () => {{ {DATA}
 const r0 = performance.now();
 {code}
 await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
 window.result = {{load: tLoad1 - tLoad0, render: performance.now() - r0}};
}})().catch(e => window.result = {{error: String(e)}});
</script></body></html>"""
    p = os.path.join(WORK, "pages", name + ".html")
    open(p, "w").write(html)
    return "file://" + p
res = {}
with Browser() as b:
    pg = b.page()
    for name in LIBS:
        url = page(name)
        runs = []
        for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
            pg.navigate("about:blank"); time.sleep(0.2)
            pg.navigate(url)
            r = pg.wait_for("window.result", timeout=120)
            runs.append(r)
        if any("error" in r for r in runs):
            print(name, runs); continue
        size = sum(os.path.getsize(os.path.join(NM, f)) for f in LIBS[name][0])
        gz = sum(len(gzip.compress(open(os.path.join(NM, f), "rb").read(), 9)) for f in LIBS[name][0])
        res[name] = (statistics.median(r["load"] for r in runs), statistics.median(r["render"] for r in runs), [round(r["render"]) for r in runs])
        print(f"{name:20s} {size / 1e3:7.0f} kB ({gz / 1e3:4.0f} kB gzip)  load {res[name][0]:7.1f} ms  render 1e5 pts {res[name][1]:7.1f} ms  runs {res[name][2]}", flush=True)

import shutil
shutil.rmtree(WORK, ignore_errors=True)
