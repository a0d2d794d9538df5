// The dashboard: a hash router over six views (overview, article, code, dyad, network, alerts).
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
    if (!parts.length) await overview();
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

async function overview() {
  const [stats, arts, net] = await Promise.all([api("/api/stats"), api("/api/articles?limit=15"), api("/api/network")]);
  const cards = ["articles", "events", "actors", "quotes", "places"].map(k =>
    h("div", { class: "card", "data-testid": "count-" + k }, h("div", { class: "n" }, fmt(stats[k] ?? 0)), h("div", {}, k)));
  const span = (label, r) => r && (r.min || r.max) ? `${label} ${r.min || "?"} to ${r.max || "?"}` : null;
  const range = [span("events dated", stats.event_dates), span("published", stats.published)].filter(Boolean);
  show(
    h("h2", {}, "Overview"),
    h("div", { class: "cards" }, cards),
    range.length ? h("p", { class: "meta" }, range.join(" · ")) : null,
    h("div", { class: "split" },
      h("section", {}, h("h3", {}, "Latest articles"),
        h("table", { "data-testid": "latest" },
          h("thead", {}, h("tr", {}, ["title", "published", "dateline", "events", "quotes"].map(c => h("th", {}, c)))),
          h("tbody", {}, arts.items.length ? arts.items.map(a => h("tr", {},
            h("td", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id)),
            h("td", { class: "date" }, a.published || ""), h("td", {}, a.dateline || ""),
            h("td", { class: "num" }, fmt(a.n_events)), h("td", { class: "num" }, fmt(a.n_quotes))))
            : h("tr", {}, h("td", { colspan: 5, class: "empty" }, "The store is empty: code an article to start."))))),
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
  const inBy = h("select", { name: "by" }, ["week", "month", "quarter", "year"].map(v => h("option", { value: v, selected: v === by }, v)));
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
    h("p", { class: "meta" }, `${total} events in ${tl.periods.length} periods by ${tl.by}; trend: `, h("b", { "data-testid": "trend" }, tl.trend || "—")),
    tl.periods.length ? [chartLegend(), timelineChart(tl.periods, pick)] : h("p", { class: "empty" }, "No events between these two."),
    events);
}

function eventRows(items) {
  return h("table", { class: "events" },
    h("thead", {}, h("tr", {}, ["date", "source", "CAMEO", "target", "Goldstein", "status", "evidence"].map(c => h("th", {}, c)))),
    h("tbody", {}, items.map(e => h("tr", { class: "event-row" },
      h("td", { class: "date" }, e.date || ""), h("td", {}, `${e.source_text || ""} [${e.source_code || e.source_country || "?"}]`),
      h("td", {}, h("b", {}, e.cameo), " ", e.cameo_name || ""),
      h("td", {}, `${e.target_text || ""} [${e.target_code || e.target_country || "?"}]`),
      h("td", { class: "num" }, fmt(e.goldstein, 1)),
      h("td", {}, eventFlags(e)),
      h("td", {}, h("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, e.evidence || "(article)"))))));
}

async function networkPage(params) {
  const net = await api("/api/network?" + qs({ start: params.get("start"), end: params.get("end") }));
  const pick = e => { location.hash = `#/dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`; };
  show(h("h2", {}, "Actor network"),
    h("p", { class: "meta" }, `${net.nodes.length} countries, ${net.edges.length} pairs. Green: more cooperation than conflict; red: more conflict. Click an edge for its timeline.`),
    net.nodes.length ? networkChart(net.nodes, net.edges, pick) : h("p", { class: "empty" }, "No events between countries yet."));
}

window.addEventListener("hashchange", route);
route();
