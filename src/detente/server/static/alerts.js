// The alerts view: what `detente watch` raised, newest first, with each alert's events and evidence.
// It asks the server for alerts newer than the last it has every few seconds, so new alerts appear
// while watch writes, without a reload; it stops asking once the page shows another view.
"use strict";

// window.detenteAlertPollMs (set before the page loads) shortens the wait, for tests.
const alertPollMs = () => Number(window.detenteAlertPollMs) || 5000;

function alertCard(a) {
  return h("article", { class: "alert", "data-testid": "alert", "data-alert": a.id },
    h("h3", {}, a.summary),
    h("p", { class: "meta" }, `${a.fired} · rule ${a.rule} (${a.kind}) · ${a.n_events} event${a.n_events === 1 ? "" : "s"}`),
    a.events.length ? eventRows(a.events) : null,
    (a.details.mentions || []).length && !a.events.length
      ? h("ul", { class: "mentions" }, a.details.mentions.map(m => h("li", {},
          h("a", { href: `#/article/${encodeURIComponent(m.article_id)}` }, m.sentence || m.text))))
      : null);
}

async function alertsPage() {
  const first = await api("/api/alerts?limit=100");
  const list = h("div", { class: "alerts", "data-testid": "alerts" }, first.items.map(alertCard));
  const empty = h("p", { class: "empty", "data-testid": "no-alerts" },
    "No alerts yet. Alerts appear here as `detente watch --alerts alerts.yaml` raises them.");
  const status = h("p", { class: "meta", "data-testid": "alerts-status" });
  let last = first.last_seq;
  const stamp = () => { const n = list.children.length;
    status.textContent = `${n} alert${n === 1 ? "" : "s"} · checked ${new Date().toLocaleTimeString()}`; };
  stamp();
  show(h("h2", {}, "Alerts"), status, first.items.length ? null : empty, list);
  const tick = async () => {
    if (!list.isConnected) return;  // another view took the page: stop polling
    try {
      const res = await api(`/api/alerts?after=${last}&limit=100`);
      if (res.items.length) {
        empty.remove();
        list.prepend(...res.items.map(alertCard));
        last = res.last_seq;
      }
      stamp();
    } catch (err) {
      status.textContent = `could not check for alerts (${err.message}); trying again`;
    }
    setTimeout(tick, alertPollMs());
  };
  setTimeout(tick, alertPollMs());
}
