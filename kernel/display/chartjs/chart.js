// ratelab's chart renderer: draws one application/vnd.ratelab.chart+json spec (see
// doc.go) with uPlot, which must be in scope as `uPlot`. It defines
// window.ratelabChart.render(element, spec) and then draws every chart that was
// queued in window.ratelabChartQueue before it loaded.
//
// uPlot draws the axes, grid, lines (with its own per-pixel decimation, so 10^5
// points stay fast) and handles zoom (drag) and reset (double click); this file adds
// what ratelab's figures need on top: interval bands and bars (polygons), whiskers,
// point glyphs (rings mark low exposure), text labels, one tooltip for the nearest
// point, a legend, and buttons that switch between views (rate / count / usage).
(function () {
  "use strict";
  var PX = 96 / 72; // gonum sizes are in points; the page in CSS pixels

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function fmt(v) {
    if (v == null || isNaN(v)) return "–";
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(3);
    return String(+v.toPrecision(4));
  }

  function utc(secs) {
    var d = new Date(secs * 1000);
    return d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }

  // render draws spec into container, replacing what it held (the static PNG).
  function render(container, spec) {
    container.textContent = "";
    container.classList.add("rlc");
    var root = el("div", "rlc-root");
    container.appendChild(root);
    if (spec.title) root.appendChild(el("div", "rlc-title", spec.title));
    var bar = el("div", "rlc-views");
    var plotBox = el("div", "rlc-plot");
    var tip = el("div", "rlc-tip");
    tip.style.display = "none";
    var legend = el("div", "rlc-legend");
    root.appendChild(bar);
    root.appendChild(plotBox);
    root.appendChild(legend);
    plotBox.appendChild(tip);
    var state = { u: null, view: -1, spec: spec };
    container.ratelabChart = state;

    var buttons = [];
    if (spec.views.length > 1) {
      spec.views.forEach(function (v, i) {
        var b = el("button", "rlc-view", v.name);
        b.type = "button";
        b.setAttribute("data-view", v.name);
        b.addEventListener("click", function () { show(i); });
        bar.appendChild(b);
        buttons.push(b);
      });
    }

    function show(i) {
      if (state.u) state.u.destroy();
      state.view = i;
      var v = spec.views[i];
      buttons.forEach(function (b, j) { b.classList.toggle("rlc-active", i === j); });
      container.setAttribute("data-view", v.name);
      container.setAttribute("data-ylabel", v.y.label || "");
      drawLegend(legend, v);
      state.u = plot(plotBox, spec, v, tip);
    }
    show(Math.min(spec.active || 0, spec.views.length - 1));
    return state;
  }

  function drawLegend(box, view) {
    box.textContent = "";
    (view.legend || []).forEach(function (entry) {
      var item = el("span", "rlc-entry");
      var sw = el("span", "rlc-swatch rlc-" + (entry.shape || "line"));
      sw.style.borderColor = entry.color;
      if (entry.shape === "band" || entry.shape === "bar" || entry.shape === "circle" || entry.shape === "triangle")
        sw.style.background = entry.color;
      if (entry.dash) sw.style.borderStyle = "dashed";
      item.appendChild(sw);
      item.appendChild(document.createTextNode(entry.label));
      box.appendChild(item);
    });
  }

  function axisOpts(a, scale, xSide) {
    var o = {
      scale: scale, label: a.label || null, labelSize: a.label ? 22 : 0,
      stroke: "#333", grid: { stroke: "#e6e6e6", width: 1 }, ticks: { stroke: "#ccc", width: 1 },
      size: xSide ? 44 : 64,
    };
    if (a.ticks && a.ticks.length) {
      var vals = a.ticks.map(function (t) { return t[0]; });
      var labels = a.ticks.map(function (t) { return t[1]; });
      o.splits = function () { return vals; };
      o.values = function () { return labels; };
    }
    return o;
  }

  function scaleOpts(a) {
    var o = { auto: false, range: [a.min, a.max] };
    if (a.scale === "log") { o.distr = 3; o.log = 10; }
    if (a.scale === "time") o.time = true;
    else o.time = false;
    return o;
  }

  function sorted(xs) {
    for (var i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1]) return false;
    return true;
  }

  function plot(box, spec, view, tip) {
    var width = Math.min(spec.width || 800, Math.max(320, (box.parentNode.clientWidth || spec.width || 800) - 8));
    var height = spec.height || 400;
    // Lines with ascending x are uPlot series, joined on one x array (gaps in a line
    // are nulls; the points other lines add in between are skipped over). Everything
    // else is drawn by the hooks below, over the same scales.
    var lines = [], others = [];
    view.items.forEach(function (it) {
      if (it.kind === "line" && sorted(it.x)) lines.push(it);
      else others.push(it);
    });
    var tables = lines.map(function (it) { return [it.x, it.y]; });
    var data = tables.length ? uPlot.join(tables) : [[view.x.min, view.x.max]];
    var series = [{}].concat(lines.map(function (it) {
      return {
        label: it.name || "", stroke: it.color, width: (it.width || 1) * PX,
        dash: it.dash ? it.dash.map(function (d) { return d * PX; }) : undefined,
        fill: it.fill || undefined, points: { show: false }, spanGaps: false,
      };
    }));
    var opts = {
      width: width, height: height,
      scales: { x: scaleOpts(view.x), y: scaleOpts(view.y) },
      axes: [axisOpts(view.x, "x", true), axisOpts(view.y, "y", false)],
      series: series,
      legend: { show: false },
      cursor: { points: { show: false }, drag: { x: true, y: false } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); },
      hooks: {
        drawAxes: [function (u) { others.forEach(function (it) { if (it.kind === "polygon") drawPolygon(u, it); }); }],
        draw: [function (u) {
          others.forEach(function (it) {
            if (it.kind === "line") drawPolyline(u, it);
            else if (it.kind === "errorbars") drawErrorBars(u, it);
            else if (it.kind === "points") drawPoints(u, it);
            else if (it.kind === "text") drawText(u, it);
          });
        }],
        setCursor: [function (u) { hover(u, view, tip); }],
      },
    };
    var u = new uPlot(opts, data, box);
    u.over.addEventListener("mouseleave", function () { tip.style.display = "none"; });
    return u;
  }

  function cx(u, v) { return u.valToPos(v, "x", true); }
  function cy(u, v) { return u.valToPos(v, "y", true); }
  function ok(v) { return v != null && isFinite(v); }

  function clip(u, ctx) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
  }

  function stroke(ctx, it) {
    ctx.strokeStyle = it.stroke || it.color;
    ctx.lineWidth = (it.width || 1) * PX * devicePixelRatio;
    ctx.setLineDash(it.dash ? it.dash.map(function (d) { return d * PX * devicePixelRatio; }) : []);
  }

  function drawPolygon(u, it) {
    var ctx = u.ctx;
    clip(u, ctx);
    ctx.beginPath();
    for (var i = 0; i < it.x.length; i++) {
      var X = cx(u, it.x[i]), Y = cy(u, it.y[i]);
      if (i === 0) ctx.moveTo(X, Y); else ctx.lineTo(X, Y);
    }
    ctx.closePath();
    if (it.fill) { ctx.fillStyle = it.fill; ctx.fill(); }
    if (it.stroke && it.width > 0) { stroke(ctx, it); ctx.stroke(); }
    ctx.restore();
  }

  function drawPolyline(u, it) {
    var ctx = u.ctx;
    clip(u, ctx);
    stroke(ctx, it);
    ctx.beginPath();
    var pen = false;
    for (var i = 0; i < it.x.length; i++) {
      if (!ok(it.y[i])) { pen = false; continue; }
      var X = cx(u, it.x[i]), Y = cy(u, it.y[i]);
      if (pen) ctx.lineTo(X, Y); else ctx.moveTo(X, Y);
      pen = true;
    }
    ctx.stroke();
    ctx.restore();
  }

  function drawErrorBars(u, it) {
    var ctx = u.ctx, cap = (it.cap || 0) * PX * devicePixelRatio / 2;
    clip(u, ctx);
    stroke(ctx, it);
    ctx.beginPath();
    for (var i = 0; i < it.x.length; i++) {
      if (!ok(it.lo[i]) || !ok(it.hi[i])) continue;
      var X = cx(u, it.x[i]), lo = cy(u, it.lo[i]), hi = cy(u, it.hi[i]);
      ctx.moveTo(X, lo); ctx.lineTo(X, hi);
      if (cap > 0) { ctx.moveTo(X - cap, lo); ctx.lineTo(X + cap, lo); ctx.moveTo(X - cap, hi); ctx.lineTo(X + cap, hi); }
    }
    ctx.stroke();
    ctx.restore();
  }

  // glyph traces one marker of shape at (X, Y) with radius r (canvas pixels); it
  // returns whether the shape is filled rather than stroked.
  function glyph(ctx, shape, X, Y, r) {
    switch (shape) {
      case "ring": ctx.moveTo(X + r, Y); ctx.arc(X, Y, r, 0, 2 * Math.PI); return false;
      case "square": ctx.rect(X - r, Y - r, 2 * r, 2 * r); return false;
      case "box": ctx.rect(X - r, Y - r, 2 * r, 2 * r); return true;
      case "triangle": ctx.moveTo(X, Y - r); ctx.lineTo(X + r * 0.87, Y + r / 2); ctx.lineTo(X - r * 0.87, Y + r / 2); ctx.closePath(); return true;
      case "cross": ctx.moveTo(X - r, Y - r); ctx.lineTo(X + r, Y + r); ctx.moveTo(X - r, Y + r); ctx.lineTo(X + r, Y - r); return false;
      case "plus": ctx.moveTo(X - r, Y); ctx.lineTo(X + r, Y); ctx.moveTo(X, Y - r); ctx.lineTo(X, Y + r); return false;
      default: ctx.moveTo(X + r, Y); ctx.arc(X, Y, r, 0, 2 * Math.PI); return true;
    }
  }

  function drawPoints(u, it) {
    var ctx = u.ctx, r = (it.radius || 2.5) * PX * devicePixelRatio, filled = true;
    clip(u, ctx);
    ctx.beginPath();
    for (var i = 0; i < it.x.length; i++) {
      if (!ok(it.x[i]) || !ok(it.y[i])) continue;
      filled = glyph(ctx, it.shape, cx(u, it.x[i]), cy(u, it.y[i]), r);
    }
    if (filled) { ctx.fillStyle = it.color; ctx.fill(); }
    else { ctx.strokeStyle = it.color; ctx.lineWidth = 1.3 * devicePixelRatio; ctx.setLineDash([]); ctx.stroke(); }
    ctx.restore();
  }

  function drawText(u, it) {
    var ctx = u.ctx;
    clip(u, ctx);
    ctx.fillStyle = it.color || "#000";
    ctx.font = Math.round((it.size || 8) * PX * devicePixelRatio) + "px sans-serif";
    ctx.textBaseline = "bottom";
    for (var i = 0; i < it.x.length; i++) {
      ctx.fillText(it.text[i], cx(u, it.x[i]) + 5 * devicePixelRatio, cy(u, it.y[i]) - 2 * devicePixelRatio);
    }
    ctx.restore();
  }

  // hover shows the tooltip of what is under the cursor: a hover region (a bar) that
  // contains it, else the nearest point within 24 pixels — of the hover items (which
  // carry ratelab's own text), else of any drawn series.
  function hover(u, view, tip) {
    var left = u.cursor.left, top = u.cursor.top;
    if (left == null || left < 0) { tip.style.display = "none"; return; }
    var best = null, bestD = 24 * 24;
    function consider(it, i, text) {
      var X = u.valToPos(it.x[i], "x"), Y = u.valToPos(it.y[i], "y");
      var d = (X - left) * (X - left) + (Y - top) * (Y - top);
      if (d < bestD) { bestD = d; best = { text: text, X: X, Y: Y }; }
    }
    var x = u.posToVal(left, "x"), y = u.posToVal(top, "y");
    var hovers = view.items.filter(function (it) { return it.kind === "hover"; });
    hovers.forEach(function (it) {
      (it.rects || []).forEach(function (r, i) {
        if (r && x >= r[0] && x <= r[1] && y >= Math.min(r[2], r[3]) && y <= Math.max(r[2], r[3]))
          best = best || { text: it.text[i], X: left, Y: top, inside: true };
      });
    });
    if (!best) {
      hovers.forEach(function (it) { eachNear(u, it, left, function (i) { if (ok(it.y[i])) consider(it, i, it.text[i]); }); });
    }
    if (!best && !hovers.length) {
      view.items.forEach(function (it) {
        if (it.kind !== "line" && it.kind !== "points" && it.kind !== "errorbars") return;
        eachNear(u, it, left, function (i) {
          if (!ok(it.y[i])) return;
          var xs = view.x.scale === "time" ? utc(it.x[i]) : fmt(it.x[i]);
          var lines = [(it.name ? it.name + "\n" : "") + (view.x.label || "x") + ": " + xs, (view.y.label || "y") + ": " + fmt(it.y[i])];
          if (it.kind === "errorbars") lines.push("interval: " + fmt(it.lo[i]) + " – " + fmt(it.hi[i]));
          consider(it, i, lines.join("\n"));
        });
      });
    }
    if (!best) { tip.style.display = "none"; return; }
    tip.textContent = best.text;
    tip.style.display = "block";
    var ox = u.over.offsetLeft, oy = u.over.offsetTop;
    var tx = ox + best.X + 12, ty = oy + best.Y + 12;
    if (tx + tip.offsetWidth > u.over.offsetLeft + u.over.clientWidth) tx = ox + best.X - tip.offsetWidth - 12;
    tip.style.left = tx + "px";
    tip.style.top = ty + "px";
  }

  // eachNear calls f with the index of every point of it whose x lies within 24 pixels
  // of the cursor: a binary search when the xs are ascending (10^5 points), else all.
  function eachNear(u, it, left, f) {
    var xs = it.x, n = xs.length;
    if (n > 2000 && sorted(xs)) {
      var lo = u.posToVal(left - 24, "x"), hi = u.posToVal(left + 24, "x");
      var a = 0, b = n;
      while (a < b) { var m = (a + b) >> 1; if (xs[m] < lo) a = m + 1; else b = m; }
      for (var i = a; i < n && xs[i] <= hi; i++) f(i);
      return;
    }
    for (var j = 0; j < n; j++) f(j);
  }

  var css = ".rlc{font:12px sans-serif;color:#222;position:relative}" +
    ".rlc-title{font-weight:bold;font-size:14px;margin:2px 0 4px;text-align:center}" +
    ".rlc-views{margin:0 0 4px}.rlc-view{margin-right:4px;padding:2px 10px;border:1px solid #999;background:#f4f4f4;border-radius:3px;cursor:pointer}" +
    ".rlc-view.rlc-active{background:#1f77b4;color:#fff;border-color:#1f77b4}" +
    ".rlc-plot{position:relative}" +
    ".rlc-tip{position:absolute;z-index:10;pointer-events:none;background:rgba(255,255,255,.96);border:1px solid #888;border-radius:3px;padding:4px 6px;white-space:pre;font:12px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.25)}" +
    ".rlc-legend{margin-top:2px}.rlc-entry{display:inline-block;margin:0 12px 2px 0;white-space:nowrap}" +
    ".rlc-swatch{display:inline-block;width:14px;height:0;border-top:2px solid;margin-right:5px;vertical-align:middle}" +
    ".rlc-swatch.rlc-band,.rlc-swatch.rlc-bar{height:10px;border:1px solid}" +
    ".rlc-swatch.rlc-circle,.rlc-swatch.rlc-ring,.rlc-swatch.rlc-triangle,.rlc-swatch.rlc-cross,.rlc-swatch.rlc-square,.rlc-swatch.rlc-plus,.rlc-swatch.rlc-box{width:8px;height:8px;border:1.5px solid;border-radius:50%}";
  var style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);

  window.ratelabChart = { render: render, version: 1 };
  var queue = window.ratelabChartQueue || [];
  window.ratelabChartQueue = [];
  queue.forEach(function (f) { f(); });
})();
