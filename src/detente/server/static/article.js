// The coded-article view: the text with actors, triggers, quotes and places marked, and the events,
// quotes, places and actors listed. Clicking an event marks its evidence sentence, trigger and actors.
"use strict";

function who(ref) {
  if (!ref) return "—";
  const code = ref.code || ref.country || "?";
  return `${ref.text} [${code}]`;
}

// Every marked span of the text, with the classes it gives the characters it covers.
function annotations(art) {
  const out = [];
  const n = art.text.length;
  const add = (start, end, kind, label) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= n && start < end)
      out.push({ start, end, kind, label });
  };
  for (const a of art.actors || [])
    for (const m of a.mentions || []) add(m.start, m.end, "actor", `${a.name} [${a.code || a.country || "?"}]${a.role ? " " + a.role : ""}`);
  for (const p of art.places || []) add(p.start, p.end, "place", `${p.name || p.text}${p.country ? " (" + p.country + ")" : ""}`);
  for (const q of art.quotes || []) add(q.start, q.end, q.scare ? "scare" : "quote", `quote by ${who(q.speaker)}`);
  for (const e of art.events || []) {
    if (e.trigger) add(e.trigger.start, e.trigger.end, "trigger", `${e.cameo} ${e.cameo_name || ""}`);
    for (const m of e.mentions || []) add(m.start, m.end, "trigger", `${e.cameo} ${e.cameo_name || ""}`);
  }
  return out;
}

// Cut the text at every span boundary; each piece carries the kinds of all spans covering it.
function markedText(art) {
  const anns = annotations(art);
  const cuts = new Set([0, art.text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const box = h("div", { class: "article-text", "data-testid": "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    const over = anns.filter(a => a.start <= s && a.end >= e);
    const piece = art.text.slice(s, e);
    if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(over.map(a => "m-" + a.kind))].join(" ");
    box.appendChild(h("span", { class: "seg " + kinds, "data-s": s, "data-e": e,
                                title: [...new Set(over.map(a => a.label))].join("\n") }, piece));
  }
  return box;
}

// Mark [start, end) ranges of the text with a class, splitting plain text nodes where needed.
function markRange(box, start, end, cls) {
  let pos = 0;
  for (const node of [...box.childNodes]) {
    const len = node.textContent.length, s = pos, e = pos + len;
    pos = e;
    if (e <= start || s >= end) continue;
    let el = node;
    if (node.nodeType === Node.TEXT_NODE) {
      el = h("span", { class: "seg", "data-s": s, "data-e": e }, node.textContent);
      box.replaceChild(el, node);
    }
    el.classList.add(cls);
  }
}

function clearMarks(box) {
  for (const cls of ["hl-evidence", "hl-trigger", "hl-arg"])
    for (const el of box.querySelectorAll("." + cls)) el.classList.remove(cls);
}

function evidenceRange(art, e) {
  if (e.sentence) return [e.sentence.start, e.sentence.end];
  const i = e.evidence ? art.text.indexOf(e.evidence) : -1;
  return i >= 0 ? [i, i + e.evidence.length] : null;
}

function eventFlags(e) {
  const flags = [];
  if (e.negated) flags.push(h("span", { class: "badge neg" }, "negated"));
  if (e.modality && e.modality !== "asserted") flags.push(h("span", { class: "badge mod" }, e.modality));
  if (!flags.length) flags.push(h("span", { class: "badge ok" }, "asserted"));
  return flags;
}

function eventsTable(art, box, evidenceOut) {
  const rows = (art.events || []).map((e, i) => {
    const row = h("tr", { class: "event-row", "data-event": e.id, tabindex: "0" },
      h("td", {}, String(i + 1)),
      h("td", {}, who(e.source)),
      h("td", {}, h("b", {}, e.cameo), " ", e.cameo_name || ""),
      h("td", {}, who(e.target)),
      h("td", {}, [e.plover, e.plover_mode].filter(Boolean).join(" / ")),
      h("td", { class: "num" }, fmt(e.goldstein, 1)),
      h("td", {}, e.quad_class ? `${e.quad_class} ${QUAD[e.quad_class] || ""}` : ""),
      h("td", { class: "date" }, e.date || "—", e.date ? h("small", {}, ` ${e.date_precision || ""} from ${e.date_source || "?"}`) : null),
      h("td", {}, e.place ? (e.place.name || e.place.text) : ""),
      h("td", {}, eventFlags(e)),
      h("td", {}, e.trigger ? e.trigger.text : ""));
    const select = () => {
      for (const r of row.parentNode.querySelectorAll(".selected")) r.classList.remove("selected");
      row.classList.add("selected");
      clearMarks(box);
      const ev = evidenceRange(art, e);
      if (ev) markRange(box, ev[0], ev[1], "hl-evidence");
      for (const ref of [e.source, e.target]) if (ref) markRange(box, ref.start, ref.end, "hl-arg");
      for (const t of [e.trigger, ...(e.mentions || [])]) if (t) markRange(box, t.start, t.end, "hl-trigger");
      evidenceOut.replaceChildren(h("b", {}, "Evidence: "), e.evidence || (ev ? art.text.slice(ev[0], ev[1]) : "—"));
      // scroll the text box only, not the page: the reader stays at the row and its evidence
      const first = box.querySelector(".hl-trigger") || box.querySelector(".hl-evidence");
      if (first) box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 2);
    };
    row.addEventListener("click", select);
    row.addEventListener("keydown", ev => { if (ev.key === "Enter") select(); });
    return row;
  });
  return h("div", { class: "table-box" }, h("table", { class: "events wide", "data-testid": "events" },
    h("thead", {}, h("tr", {}, ["#", "source", "CAMEO", "target", "PLOVER", "Goldstein", "QuadClass", "date",
                                "place", "status", "trigger"].map(c => h("th", {}, c)))),
    h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: 11, class: "empty" }, "no events coded")))));
}

function renderArticle(art) {
  const box = markedText(art);
  const evidence = h("div", { class: "evidence", "data-testid": "evidence" }, "Click an event to see its evidence.");
  const meta = [`id ${art.id}`, `dateline ${art.dateline || "—"}`, `published ${art.published || "—"}`];
  if (art.source) meta.push(`source ${art.source}`);
  return h("article", { class: "coded" },
    h("h2", {}, art.title || "(untitled)"),
    h("p", { class: "meta" }, meta.join(" · ")),
    art.tags && art.tags.length ? h("p", { class: "tags" }, art.tags.map(t => h("span", { class: "tag" }, t))) : null,
    (art.warnings || []).map(w => h("p", { class: "warning" }, "warning: " + w)),
    h("div", { class: "legend" }, ["actor", "trigger", "quote", "place"].map(k => h("span", { class: "seg m-" + k }, k))),
    h("div", { class: "split" },
      h("section", {}, box),
      h("section", {},
        h("h3", {}, `Quotes (${(art.quotes || []).length})`),
        h("ul", { class: "quotes" }, (art.quotes || []).map(q =>
          h("li", {}, h("b", {}, who(q.speaker)), q.scare ? " (scare quote) " : ": ", `“${q.text}”`))),
        h("h3", {}, `Places (${(art.places || []).length})`),
        h("ul", {}, (art.places || []).map(p => h("li", {}, `${p.text} → ${p.name || "?"} ${p.country || ""} `,
          p.lat !== null && p.lat !== undefined ? `(${fmt(p.lat, 2)}, ${fmt(p.lon, 2)})` : "", p.role === "dateline" ? " dateline" : ""))),
        h("h3", {}, `Actors (${(art.actors || []).length})`),
        h("ul", {}, (art.actors || []).map(a => h("li", {}, h("b", {}, a.name),
          ` ${a.code || a.country || "?"}${a.sector ? " " + a.sector : ""}${a.role ? " — " + a.role : ""} (${(a.mentions || []).length}×)`))))),
    // the events take the full width: eleven columns do not fit beside the text
    h("section", { class: "article-events" },
      h("h3", {}, `Events (${(art.events || []).length})`), evidence, eventsTable(art, box, evidence)));
}
