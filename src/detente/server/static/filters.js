// The filter bar shared by the overview, events, map and network views: a date range (YYYY, YYYY-MM or
// YYYY-MM-DD) and a country (ISO3 code or a name, resolved through /api/actors?q=). Filters live in the
// page's hash (#/map?start=2025&country=PAK), so a filtered view can be bookmarked and shared.
"use strict";

const FILTER_KEYS = ["start", "end", "country"];
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function filtersOf(params) {
  const f = {};
  for (const k of FILTER_KEYS) if (params.get(k)) f[k] = params.get(k);
  return f;
}

// The filters as /api/events takes them: the country is an actor on either side.
function eventParams(f) {
  return { start: f.start, end: f.end, actor: f.country };
}

async function resolveCountry(text) {
  const t = text.trim();
  if (!t) return "";
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  const hits = await api("/api/actors?" + qs({ q: t, limit: 5 }));
  const hit = hits.items.find(a => a.country);
  if (!hit) throw new Error(`no country or actor is named "${t}"`);
  return hit.country;
}

// A form that, on submit, reloads `path` with the filters (and `extra` params) in the hash.
function filterBar(path, f, extra) {
  const start = h("input", { name: "start", value: f.start || "", placeholder: "from YYYY[-MM[-DD]]", size: 17, "data-testid": "filter-start" });
  const end = h("input", { name: "end", value: f.end || "", placeholder: "to YYYY[-MM[-DD]]", size: 17, "data-testid": "filter-end" });
  const country = h("input", { name: "country", value: f.country || "", placeholder: "country: PAK or Pakistan", size: 20, "data-testid": "filter-country" });
  const msg = h("span", { class: "filter-msg", role: "status" });
  const form = h("form", { class: "row filters", "data-testid": "filters", onsubmit: async ev => {
    ev.preventDefault();
    for (const inp of [start, end]) if (inp.value.trim() && !DATE_RE.test(inp.value.trim())) {
      msg.textContent = `${inp.name}: "${inp.value}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
      return;
    }
    try {
      const c = await resolveCountry(country.value);
      location.hash = `#/${path}?` + qs({ ...(extra || {}), start: start.value.trim(), end: end.value.trim(), country: c });
    } catch (err) { msg.textContent = err.message; }
  } },
    h("label", {}, "dates ", start, " – ", end), h("label", {}, country),
    h("button", { type: "submit", "data-testid": "filter-apply" }, "Filter"),
    Object.keys(f).length ? h("a", { href: `#/${path}`, "data-testid": "filter-clear" }, "clear") : null, msg);
  return form;
}

function filterSummary(f) {
  const parts = [];
  if (f.start || f.end) parts.push(`${f.start || "…"} to ${f.end || "…"}`);
  if (f.country) parts.push(`country ${f.country}`);
  return parts.length ? parts.join(", ") : "all events";
}
