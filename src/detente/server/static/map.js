// The map of event locations: Natural Earth country outlines (world-atlas 110m TopoJSON, vendored under
// /static/vendor with topojson-client; nothing is fetched from elsewhere) in an equirectangular
// projection, one circle per place sized by its event count and coloured by its main QuadClass.
"use strict";

const MAP = { W: 960, top: 84, bottom: -58 };  // latitudes shown: the inhabited world
MAP.H = Math.round(MAP.W * (MAP.top - MAP.bottom) / 360);
const QUAD_FILL = { 1: "#8fd19e", 2: "#2e9e4f", 3: "#f2a65a", 4: "#d1432f" };  // as the timeline's bars

function project(lon, lat) {
  return [(lon + 180) / 360 * MAP.W, (MAP.top - lat) / (MAP.top - MAP.bottom) * MAP.H];
}

let basemapPaths = null;

async function basemap() {
  if (basemapPaths) return basemapPaths;
  const topo = await api("/static/vendor/world-atlas-countries-110m.json");
  const world = topojson.feature(topo, topo.objects.countries);
  basemapPaths = world.features.map(f => {
    const polys = f.geometry ? (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
    let d = "";
    for (const poly of polys) for (const ring of poly) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        // a ring crossing the antimeridian restarts on the other side instead of striking across the map
        d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
        prev = lon;
      }
      d += "Z";
    }
    return { name: (f.properties && f.properties.name) || "", d };
  });
  return basemapPaths;
}

// points: [{name, country, lat, lon, n_events, q1..q4, quad_class}]; onPick(point) on a click.
async function mapChart(points, onPick) {
  const paths = await basemap();
  const svg = s("svg", { viewBox: `0 0 ${MAP.W} ${MAP.H}`, class: "chart worldmap", role: "img",
                         "aria-label": "map of event locations", "data-testid": "map" });
  svg.appendChild(s("rect", { x: 0, y: 0, width: MAP.W, height: MAP.H, class: "sea" }));
  const land = s("g", { class: "land" });
  for (const p of paths) land.appendChild(s("path", { d: p.d }, s("title", {}, p.name)));
  svg.appendChild(land);
  const maxN = Math.max(1, ...points.map(p => p.n_events));
  const g = s("g", { class: "points" });
  // biggest first, so small places stay clickable on top of them
  for (const p of [...points].sort((a, b) => b.n_events - a.n_events)) {
    const [x, y] = project(p.lon, p.lat);
    const r = 3 + 14 * Math.sqrt(p.n_events / maxN);
    const quads = [1, 2, 3, 4].map(q => `${QUAD[q]} ${p["q" + q]}`).join(", ");
    const dot = s("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "point",
                              fill: QUAD_FILL[p.quad_class] || "#999", "data-n": p.n_events, tabindex: 0,
                              "data-place": p.name || "" },
      s("title", {}, `${p.name || "?"}${p.country ? " (" + p.country + ")" : ""}: ${p.n_events} events — ${quads}`));
    dot.addEventListener("click", () => onPick(p, dot));
    dot.addEventListener("keydown", ev => { if (ev.key === "Enter") onPick(p, dot); });
    g.appendChild(dot);
  }
  svg.appendChild(g);
  return svg;
}

function mapLegend() {
  return h("div", { class: "legend" }, [1, 2, 3, 4].map(q =>
    h("span", { class: "key", style: `--c: ${QUAD_FILL[q]}` }, QUAD[q])), h("span", {}, "· circle size: events at the place"));
}
