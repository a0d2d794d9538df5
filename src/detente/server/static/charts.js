// Hand-written SVG charts: a dyad timeline (QuadClass bars + Goldstein line) and an actor network.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const QCOLORS = { q1: "#8fd19e", q2: "#2e9e4f", q3: "#f2a65a", q4: "#d1432f" };

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined)
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// periods: [{period, n_events, q1..q4, goldstein_mean}], onPick(period) when a period is clicked.
function timelineChart(periods, onPick) {
  const W = 900, H = 340, m = { l: 48, r: 52, t: 20, b: 60 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const maxN = Math.max(1, ...periods.map(p => (p.q1 || 0) + (p.q2 || 0) + (p.q3 || 0) + (p.q4 || 0), ...periods.map(p => p.n_events || 0)));
  const bw = iw / Math.max(1, periods.length);
  const y = v => m.t + ih - (v / maxN) * ih;
  const g = v => m.t + ih / 2 - (v / 10) * (ih / 2);  // Goldstein runs -10..10
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline", role: "img",
                         "aria-label": "dyad timeline", "data-testid": "timeline" });
  // axes and grid
  for (let k = 0; k <= 4; k++) {
    const v = Math.round((maxN * k) / 4);
    svg.appendChild(s("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: "grid" }));
    svg.appendChild(s("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, v));
  }
  for (const v of [-10, -5, 0, 5, 10])
    svg.appendChild(s("text", { x: W - m.r + 6, y: g(v) + 4, class: "tick gold" }, v));
  svg.appendChild(s("text", { x: 12, y: m.t + ih / 2, class: "axis-label", transform: `rotate(-90 12 ${m.t + ih / 2})` }, "events"));
  svg.appendChild(s("text", { x: W - 10, y: m.t + ih / 2, class: "axis-label gold", transform: `rotate(90 ${W - 10} ${m.t + ih / 2})` }, "Goldstein mean"));
  svg.appendChild(s("line", { x1: m.l, x2: W - m.r, y1: g(0), y2: g(0), class: "zero" }));
  const every = Math.max(1, Math.ceil(periods.length / 14));
  periods.forEach((p, i) => {
    const x = m.l + i * bw, w = Math.max(2, bw * 0.8), x0 = x + bw * 0.1;
    let acc = 0;
    const bar = s("g", { class: "bar", "data-period": p.period, tabindex: "0",
                         onclick: () => onPick && onPick(p), onkeydown: ev => { if (ev.key === "Enter" && onPick) onPick(p); } });
    bar.appendChild(s("title", {}, `${p.period}: ${p.n_events} events; ` +
      ["q1", "q2", "q3", "q4"].map(q => `${q} ${p[q] || 0}`).join(", ") + `; Goldstein mean ${p.goldstein_mean ?? "—"}`));
    bar.appendChild(s("rect", { x: x, y: m.t, width: bw, height: ih, class: "hit" }));
    for (const q of ["q1", "q2", "q3", "q4"]) {
      const v = p[q] || 0;
      if (!v) continue;
      bar.appendChild(s("rect", { x: x0, y: y(acc + v), width: w, height: y(acc) - y(acc + v), fill: QCOLORS[q], class: "seg-" + q }));
      acc += v;
    }
    svg.appendChild(bar);
    if (i % every === 0)
      svg.appendChild(s("text", { x: x + bw / 2, y: H - m.b + 16, class: "tick", "text-anchor": "end",
                                  transform: `rotate(-40 ${x + bw / 2} ${H - m.b + 16})` }, p.period));
  });
  const pts = periods.map((p, i) => [m.l + i * bw + bw / 2, p.goldstein_mean]).filter(([, v]) => v !== null && v !== undefined);
  if (pts.length > 1)
    svg.appendChild(s("polyline", { points: pts.map(([x, v]) => `${x},${g(v)}`).join(" "), class: "gold-line" }));
  for (const [x, v] of pts) svg.appendChild(s("circle", { cx: x, cy: g(v), r: 4, class: "gold-dot" }, s("title", {}, `Goldstein mean ${v}`)));
  return svg;
}

function chartLegend() {
  const items = [["q1", "verbal coop."], ["q2", "material coop."], ["q3", "verbal conflict"], ["q4", "material conflict"]];
  return h("div", { class: "legend" }, items.map(([q, t]) => h("span", { class: "key", style: `--c:${QCOLORS[q]}` }, t)),
           h("span", { class: "key line" }, "Goldstein mean"));
}

// nodes: [{id, n_events}], edges: [{source, target, n_events, cooperation, conflict}]; a circle layout
// keeps it deterministic, which matters more to an analyst comparing two screenshots than a force layout.
function networkChart(nodes, edges, onPick) {
  const W = 760, H = 620, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 70;
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a)];
  });
  const maxE = Math.max(1, ...edges.map(e => e.n_events));
  const maxN = Math.max(1, ...nodes.map(n => n.n_events));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "img", "aria-label": "actor network",
                         "data-testid": "network" });
  for (const e of edges) {
    const [x1, y1] = pos[e.source] || [cx, cy], [x2, y2] = pos[e.target] || [cx, cy];
    const coop = e.cooperation >= e.conflict;
    svg.appendChild(s("line", { x1, y1, x2, y2, class: "edge " + (coop ? "coop" : "conflict"),
                                "stroke-width": 1.5 + 8 * Math.sqrt(e.n_events / maxE),
                                onclick: () => onPick && onPick(e) },
      s("title", {}, `${e.source}–${e.target}: ${e.n_events} events, ${e.cooperation} cooperation, ${e.conflict} conflict; Goldstein mean ${e.goldstein_mean ?? "—"}`)));
  }
  for (const n of nodes) {
    const [x, y] = pos[n.id];
    svg.appendChild(s("g", { class: "node" },
      s("circle", { cx: x, cy: y, r: 8 + 18 * Math.sqrt(n.n_events / maxN) }, s("title", {}, `${n.id}: ${n.n_events} events`)),
      s("text", { x, y: y + 4, "text-anchor": "middle" }, n.id)));
  }
  return svg;
}
