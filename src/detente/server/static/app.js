// The dashboard: a hash router over eight views (overview, events, map, article, code, dyad, network,
// alerts).
"use strict";

const view = document.getElementById("view");

function show(...nodes) { view.replaceChildren(...nodes.flat().filter(Boolean)); }

function parseHash() {
  const [path, query] = (location.hash.replace(/^#/, "") || "/").split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

async function route() {
  const { parts, params } = parseHash();
  for (const a of document.querySelectorAll("header nav a"))
    a.classList.toggle("active", a.getAttribute("href") === "#/" + (parts[0] || ""));
  show(h("p", { class: "loading" }, "Loading…"));
  try {
    if (!parts.length) await overview(params);
    else if (parts[0] === "events") await eventsPage(params);
    else if (parts[0] === "map") await mapPage(params);
    else if (parts[0] === "article") await articlePage(parts[1]);
    else if (parts[0] === "code") codePage();
    else if (parts[0] === "dyad") await dyadPage(parts[1], parts[2], params);
    else if (parts[0] === "network") await networkPage(params);
    else if (parts[0] === "alerts") await alertsPage();
    else show(h("p", {}, "No such page."));
  } catch (err) {
    show(errorBox(err));
  }
  document.body.dataset.ready = location.hash || "#/";
}

function dyadLink(a, b, label) {
  return h("a", { href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}` }, label || `${a} – ${b}`);
}

async function overview(params) {
  const f = filtersOf(params);
  const q = params.get("q") || "";
  const [stats, arts, net, matching] = await Promise.all([api("/api/stats"), api("/api/articles?" + qs({ limit: 15, q })),
    api("/api/network?" + qs(f)), api("/api/events/count?" + qs(eventParams(f)))]);
  const cards = ["articles", "events", "actors", "quotes", "places"].map(k =>
    h("div", { class: "card", "data-testid": "count-" + k }, h("div", { class: "n" }, fmt(stats[k] ?? 0)), h("div", {}, k)));
  cards.push(h("a", { class: "card matching", href: "#/events?" + qs(f), "data-testid": "count-matching" },
    h("div", { class: "n" }, fmt(matching.n_events)), h("div", {}, `events: ${filterSummary(f)}`)));
  const search = h("input", { type: "search", name: "q", value: q, placeholder: "search titles and text", size: 30, "data-testid": "article-search" });
  const searchForm = h("form", { class: "row", onsubmit: ev => {
    ev.preventDefault();
    location.hash = "#/?" + qs({ ...f, q: search.value.trim() });
  } }, search, h("button", { type: "submit" }, "Search"));
  const span = (label, r) => r && (r.min || r.max) ? `${label} ${r.min || "?"} to ${r.max || "?"}` : null;
  const range = [span("events dated", stats.event_dates), span("published", stats.published)].filter(Boolean);
  show(
    h("h2", {}, "Overview"),
    filterBar("", f, q ? { q } : null),
    h("div", { class: "cards" }, cards),
    range.length ? h("p", { class: "meta" }, range.join(" · ")) : null,
    h("div", { class: "split" },
      h("section", {}, h("h3", {}, q ? `Articles matching “${q}”` : "Latest articles"), searchForm,
        h("table", { "data-testid": "latest" },
          h("thead", {}, h("tr", {}, ["title", "published", "dateline", "events", "quotes"].map(c => h("th", {}, c)))),
          h("tbody", {}, arts.items.length ? arts.items.map(a => h("tr", {},
            h("td", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id)),
            h("td", { class: "date" }, a.published || ""), h("td", {}, a.dateline || ""),
            h("td", { class: "num" }, fmt(a.n_events)), h("td", { class: "num" }, fmt(a.n_quotes))))
            : h("tr", {}, h("td", { colspan: 5, class: "empty" }, q ? `No article mentions “${q}”.` : "The store is empty: code an article to start."))))),
      h("section", {}, h("h3", {}, "Most active dyads"),
        h("table", { "data-testid": "top-dyads" },
          h("thead", {}, h("tr", {}, ["dyad", "events", "coop.", "conflict", "Goldstein"].map(c => h("th", {}, c)))),
          h("tbody", {}, net.edges.slice(0, 12).map(e => h("tr", {},
            h("td", {}, dyadLink(e.source, e.target)), h("td", { class: "num" }, e.n_events),
            h("td", { class: "num" }, e.cooperation), h("td", { class: "num" }, e.conflict),
            h("td", { class: "num" }, fmt(e.goldstein_mean, 2)))))))));
}

async function articlePage(id) {
  const art = await api(`/api/article?${qs({ id })}`);  // any id, even one a path would fold ("a/../b")
  show(renderArticle(art));
}

function codePage() {
  const text = h("textarea", { id: "code-text", rows: 14, placeholder: "Paste an article: headline, dateline, body…", "data-testid": "code-text" });
  const published = h("input", { id: "code-published", type: "date", title: "publication date, if known" });
  const isHtml = h("input", { id: "code-html", type: "checkbox" });
  const store = h("input", { id: "code-store", type: "checkbox", checked: true });
  const out = h("div", { id: "code-result", "data-testid": "code-result" });
  const button = h("button", { type: "submit", id: "code-submit" }, "Code it");
  const form = h("form", { class: "code-form", onsubmit: async ev => {
    ev.preventDefault();
    button.disabled = true;
    out.replaceChildren(h("p", { class: "loading" }, "Coding…"));
    const body = { [isHtml.checked ? "html" : "text"]: text.value, store: store.checked };
    if (published.value) body.published = published.value;
    try {
      const res = await api("/api/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const note = res.stored === true ? "stored" : res.stored === false ? "already in the store" : "not stored";
      out.replaceChildren(h("p", { class: "meta", "data-testid": "code-status" }, `Coded: ${res.article.events.length} events, ` +
        `${res.article.actors.length} actors, ${res.article.quotes.length} quotes (${note}). `,
        res.stored !== null ? h("a", { href: `#/article/${encodeURIComponent(res.article.id)}` }, "open in the store") : null),
        renderArticle(res.article));
    } catch (err) {
      out.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  } },
    text,
    h("div", { class: "row" }, h("label", {}, "published ", published), h("label", {}, isHtml, " the text is HTML"),
      h("label", {}, store, " store it"), button));
  show(h("h2", {}, "Code an article"), form, out);
}

async function dyadPage(a, b, params) {
  const by = params.get("by") || "month";
  const directed = params.get("directed") === "true";
  const inA = h("input", { name: "a", value: a || "", placeholder: "USA", size: 8, "data-testid": "dyad-a" });
  const inB = h("input", { name: "b", value: b || "", placeholder: "PAK", size: 8, "data-testid": "dyad-b" });
  const inBy = h("select", { name: "by", "data-testid": "dyad-by" }, ["day", "week", "month", "quarter", "year"].map(v => h("option", { value: v, selected: v === by }, v)));
  const inDir = h("input", { type: "checkbox", name: "directed", checked: directed });
  const form = h("form", { class: "row", onsubmit: ev => {
    ev.preventDefault();
    location.hash = `#/dyad/${encodeURIComponent(inA.value.trim().toUpperCase())}/${encodeURIComponent(inB.value.trim().toUpperCase())}?` +
      qs({ by: inBy.value, directed: inDir.checked ? "true" : "" });
  } }, inA, inB, h("label", {}, "by ", inBy), h("label", {}, inDir, " directed (A → B)"), h("button", { type: "submit" }, "Show"));
  if (!a || !b) {
    const net = await api("/api/network");
    show(h("h2", {}, "Dyads"), form, h("h3", {}, "Most active"),
      h("ul", {}, net.edges.slice(0, 30).map(e => h("li", {}, dyadLink(e.source, e.target), ` ${e.n_events} events`))));
    return;
  }
  const tl = await api("/api/dyad?" + qs({ a, b, by, directed: directed ? "true" : "" }));
  const events = h("div", { class: "period-events", "data-testid": "period-events" }, "Click a period to list its events.");
  const pick = async p => {
    for (const el of view.querySelectorAll(".bar.picked")) el.classList.remove("picked");
    const bar = view.querySelector(`.bar[data-period="${CSS.escape(p.period)}"]`);
    if (bar) bar.classList.add("picked");
    events.replaceChildren(h("p", { class: "loading" }, "Loading…"));
    try {
      const res = await api("/api/events?" + qs({ dyad: `${a},${b}`, directed: directed ? "true" : "", start: p.start, end: p.end, limit: 200 }));
      events.replaceChildren(h("h3", {}, `${p.period}: ${res.items.length}${res.next_offset !== null ? "+" : ""} events`), eventRows(res.items));
    } catch (err) { events.replaceChildren(errorBox(err)); }
  };
  const total = tl.periods.reduce((n, p) => n + (p.n_events || 0), 0);
  show(h("h2", {}, `${tl.a} ${directed ? "→" : "–"} ${tl.b}`), form,
    h("p", { class: "meta" }, `${total} events in ${tl.periods.length} periods by ${tl.by}; trend: `, h("b", { "data-testid": "trend" }, tl.trend || "—"),
      tl.note ? ` (${tl.note})` : ""),
    tl.periods.length ? [chartLegend(), timelineChart(tl.periods, pick)] : h("p", { class: "empty" }, "No events between these two."),
    events);
}

// Event rows as /api/events gives them, every column: the table scrolls sideways in its box when the
// window is narrow, and the evidence wraps.
function eventRows(items) {
  const cols = ["date", "source", "CAMEO", "target", "PLOVER", "Goldstein", "QuadClass", "place", "status", "trigger", "evidence"];
  return h("div", { class: "table-box" }, h("table", { class: "events wide", "data-testid": "event-table" },
    h("thead", {}, h("tr", {}, cols.map(c => h("th", {}, c)))),
    h("tbody", {}, items.map(e => h("tr", { class: "event-row" },
      h("td", { class: "date" }, e.date || ""), h("td", {}, `${e.source_text || ""} [${e.source_code || e.source_country || "?"}]`),
      h("td", {}, h("b", {}, e.cameo), " ", e.cameo_name || ""),
      h("td", {}, `${e.target_text || ""} [${e.target_code || e.target_country || "?"}]`),
      h("td", {}, [e.plover, e.plover_mode].filter(Boolean).join(" / ")),
      h("td", { class: "num" }, fmt(e.goldstein, 1)),
      h("td", {}, e.quad_class ? `${e.quad_class} ${QUAD[e.quad_class] || ""}` : ""),
      h("td", {}, e.place_name || e.place_text || ""),
      h("td", {}, eventFlags(e)),
      h("td", {}, e.trigger_text || ""),
      h("td", { class: "evidence-cell" }, h("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, e.evidence || "(article)")))))));
}

async function eventsPage(params) {
  const f = filtersOf(params);
  const offset = Number(params.get("offset") || 0);
  const [count, res] = await Promise.all([api("/api/events/count?" + qs(eventParams(f))),
    api("/api/events?" + qs({ ...eventParams(f), limit: 100, offset }))]);
  const pager = h("p", { class: "row" },
    offset > 0 ? h("a", { href: "#/events?" + qs({ ...f, offset: Math.max(0, offset - 100) }) }, "← previous") : null,
    res.next_offset !== null ? h("a", { href: "#/events?" + qs({ ...f, offset: res.next_offset }), "data-testid": "next-page" }, "next →") : null);
  show(h("h2", {}, "Events"), filterBar("events", f),
    h("p", { class: "meta", "data-testid": "events-count" }, `${count.n_events} events (${filterSummary(f)}) in ${count.n_articles} articles; ` +
      `showing ${res.items.length ? offset + 1 : 0}–${offset + res.items.length}.`),
    res.items.length ? eventRows(res.items) : h("p", { class: "empty" }, "No events match these filters."), pager);
}

async function mapPage(params) {
  const f = filtersOf(params);
  const [res, count] = await Promise.all([api("/api/map?" + qs(eventParams(f))), api("/api/events/count?" + qs(eventParams(f)))]);
  const list = h("div", { class: "period-events", "data-testid": "place-events" }, "Click a place to list its events.");
  const pick = async (p, dot) => {
    for (const el of view.querySelectorAll(".point.picked")) el.classList.remove("picked");
    dot.classList.add("picked");
    list.replaceChildren(h("p", { class: "loading" }, "Loading…"));
    try {
      const place = p.geonameid !== null && p.geonameid !== undefined ? String(p.geonameid) : p.name;
      const ev = await api("/api/events?" + qs({ ...eventParams(f), place, limit: 200 }));
      list.replaceChildren(h("h3", {}, `${p.name || "?"}${p.country ? " (" + p.country + ")" : ""}: ${ev.items.length}${ev.next_offset !== null ? "+" : ""} events`),
        eventRows(ev.items));
    } catch (err) { list.replaceChildren(errorBox(err)); }
  };
  const located = res.points.reduce((n, p) => n + p.n_events, 0);
  show(h("h2", {}, "Map of events"), filterBar("map", f),
    h("p", { class: "meta", "data-testid": "map-count" }, `${located} of ${count.n_events} events (${filterSummary(f)}) have a place with coordinates, at ${res.points.length} places.`),
    mapLegend(), await mapChart(res.points, pick), list);
}

async function networkPage(params) {
  const f = filtersOf(params);
  const net = await api("/api/network?" + qs(f));
  const pick = e => { location.hash = `#/dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`; };
  show(h("h2", {}, "Actor network"), filterBar("network", f),
    h("p", { class: "meta", "data-testid": "network-count" }, `${net.nodes.length} countries, ${net.edges.length} pairs. Green: more cooperation than conflict; red: more conflict. Click an edge for its timeline.`),
    net.nodes.length ? networkChart(net.nodes, net.edges, pick) : h("p", { class: "empty" }, "No events between countries yet."));
}

window.addEventListener("hashchange", route);
route();
