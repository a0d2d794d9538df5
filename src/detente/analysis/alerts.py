"""Alert rules as data (alerts.yaml) and their evaluation over what a batch just stored.

Three kinds of rule (docs/watch.md):

    events          any event of the listed PLOVER types / CAMEO codes between two of the listed countries
    goldstein_drop  a dyad's mean Goldstein over the last `days` falls below its mean over the
                    `baseline_days` before by at least `threshold`
    actor           a named actor (name or code) appears in a new article

Each alert is a plain dict (JSON-ready) carrying the events behind it, each with its evidence sentence
and that sentence's character offsets in its article. An alert's id hashes its rule and events, so the
same alert is never recorded twice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from ..model import stable_id
from ..store.filters import dyad_cond, filters

KINDS = ("events", "goldstein_drop", "actor")
MAX_EVIDENCE = 20  # events carried by one alert; the count says how many there were in all
_EVENT_COLS = ("e.event_id, e.article_id, a.title, a.url, e.date, e.source_text, e.source_code, e.source_country, "
               "e.target_text, e.target_code, e.target_country, e.cameo, e.cameo_name, e.plover, e.goldstein, "
               "e.negated, e.modality, e.trigger_text, e.evidence, e.sentence_start, e.sentence_end")
# what every rule counts: the default view of the store (not negated, not only entertained)
_SIGNABLE = " AND ".join(filters(negated=False)[0])


class AlertRulesError(ValueError):
    """alerts.yaml cannot be used; the message is one line naming the rule and the problem."""


@dataclass
class Rule:
    name: str
    kind: str
    countries: list[str] = field(default_factory=list)
    plover: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)
    dyad: tuple[str, str] = ("", "")
    days: int = 7
    baseline_days: int = 90
    threshold: float = 2.0
    min_events: int = 3
    actors: list[str] = field(default_factory=list)


def load_rules(path: str) -> list[Rule]:
    from ..lexicon import load_yaml

    try:
        data = load_yaml(path)
    except OSError as e:
        raise AlertRulesError(f"{path}: {(e.strerror or str(e)).lower()}") from None
    except Exception as e:  # a YAML syntax error: say where, in one line
        raise AlertRulesError(f"{path}: not valid YAML ({' '.join(str(e).split())[:160]})") from None
    items = data.get("alerts") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise AlertRulesError(f"{path}: expected a list of rules under 'alerts:'")
    rules = [_rule(r, i, path) for i, r in enumerate(items)]
    names = [r.name for r in rules]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup:
        raise AlertRulesError(f"{path}: two rules are named {dup!r}")
    return rules


def _rule(raw, i: int, path: str) -> Rule:
    where = f"{path}: rule {i + 1}"
    if not isinstance(raw, dict):
        raise AlertRulesError(f"{where}: a rule is a mapping (name:, when:, ...)")
    name = str(raw.get("name") or f"rule-{i + 1}")
    where = f"{path}: rule {name!r}"
    kind = raw.get("when")
    if kind not in KINDS:
        raise AlertRulesError(f"{where}: 'when' must be one of {', '.join(KINDS)} (got {kind!r})")
    known = {"name", "when", "countries", "plover", "cameo", "dyad", "days", "baseline_days", "threshold",
             "min_events", "actors"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise AlertRulesError(f"{where}: unknown key(s) {', '.join(unknown)}")

    def words(key: str) -> list[str]:
        value = raw.get(key) or []
        if isinstance(value, str):  # "USA, PAK" for [USA, PAK]; one actor's name may hold spaces
            value = [value] if key == "actors" else value.replace(",", " ").split()
        if not isinstance(value, list):
            raise AlertRulesError(f"{where}: {key} is a list")
        return [str(v).strip() for v in value if str(v).strip()]

    try:
        rule = Rule(name=name, kind=kind, countries=[c.upper() for c in words("countries")],
                    plover=[p.upper() for p in words("plover")], cameo=words("cameo"),
                    actors=words("actors"), days=int(raw.get("days", 7)),
                    baseline_days=int(raw.get("baseline_days", 90)), threshold=float(raw.get("threshold", 2.0)),
                    min_events=int(raw.get("min_events", 3)))
    except (TypeError, ValueError) as e:
        raise AlertRulesError(f"{where}: {e}") from None
    if kind == "events" and len(rule.countries) < 2:
        raise AlertRulesError(f"{where}: an events rule lists two or more countries")
    if kind == "goldstein_drop":
        dyad = words("dyad")
        if len(dyad) != 2:
            raise AlertRulesError(f"{where}: a goldstein_drop rule names a dyad of two actors (dyad: [USA, PAK])")
        rule.dyad = (dyad[0].upper(), dyad[1].upper())
        if rule.days < 1 or rule.baseline_days < 1 or rule.threshold <= 0:
            raise AlertRulesError(f"{where}: days and baseline_days are at least 1, threshold above 0")
    if kind == "actor" and not rule.actors:
        raise AlertRulesError(f"{where}: an actor rule lists the actors' names or codes (actors: [...])")
    return rule


class Alerting:
    """The rules and what they remember between batches: whether each dyad rule is below its baseline
    now, so that a dyad that stays low alerts once, when it crosses, not on every poll."""

    def __init__(self, rules: list[Rule], store=None):
        self.rules = rules
        self.below: dict[str, bool] = {}
        if store is not None:  # the state the store is in when watching starts is not news
            for r in rules:
                if r.kind == "goldstein_drop":
                    self.below[r.name] = _drop(store, r)[0]

    def evaluate(self, store, article_ids: list[str]) -> list[dict]:
        """The alerts raised by the articles just stored (ids), in rule order."""
        if not article_ids:
            return []
        out = []
        for r in self.rules:
            alert = (_events_alert(store, r, article_ids) if r.kind == "events" else
                     _actor_alert(store, r, article_ids) if r.kind == "actor" else
                     self._drop_alert(store, r, article_ids))
            if alert:
                out.append(alert)
        return out

    def _drop_alert(self, store, r: Rule, article_ids: list[str]) -> Optional[dict]:
        cond, params = dyad_cond(*r.dyad)
        touched = store.sql(f"SELECT count(*) AS n FROM events WHERE {cond} AND {_SIGNABLE} "
                            f"AND list_contains(?, article_id)", params + [article_ids])["n"][0]
        if not touched:
            return None
        below, info = _drop(store, r)
        was = self.below.get(r.name, False)
        self.below[r.name] = below
        if not below or was:
            return None
        evs = _event_dicts(store, f"{cond} AND {_SIGNABLE} AND coalesce(date_start, published) > ?::DATE",
                           params + [info["window_start"]], order="goldstein, event_id")
        summary = (f"{r.dyad[0]}-{r.dyad[1]} mean Goldstein {info['recent_mean']:+.2f} over the last {r.days} days "
                   f"against {info['baseline_mean']:+.2f} over the {r.baseline_days} days before "
                   f"(drop {info['baseline_mean'] - info['recent_mean']:.2f}, threshold {r.threshold:g})")
        return _alert(r, summary, evs, info)


def _drop(store, r: Rule) -> tuple[bool, dict]:
    """Whether the dyad's recent mean Goldstein is below its baseline by the threshold, and the figures.
    Windows end at the dyad's latest dated event, so replayed or late news is judged in its own time."""
    cond, params = dyad_cond(*r.dyad)
    day = "coalesce(date_start, published)"
    last = store.sql(f"SELECT max({day}) AS d FROM events WHERE {cond} AND {_SIGNABLE}", params)["d"][0]
    if last is None or last != last:  # NULL comes back as None or NaT
        return False, {}
    end = last if isinstance(last, dt.date) else dt.date.fromisoformat(str(last)[:10])
    cut = end - dt.timedelta(days=r.days)
    base = cut - dt.timedelta(days=r.baseline_days)
    row = store.sql(f"SELECT avg(goldstein) FILTER ({day} > ?::DATE) AS rm, count(*) FILTER ({day} > ?::DATE) AS rn, "
                    f"avg(goldstein) FILTER ({day} <= ?::DATE) AS bm, count(*) FILTER ({day} <= ?::DATE) AS bn "
                    f"FROM events WHERE {cond} AND {_SIGNABLE} AND goldstein IS NOT NULL AND {day} > ?::DATE "
                    f"AND {day} <= ?::DATE", [cut, cut, cut, cut] + params + [base, end]).iloc[0]
    rn, bn = int(row["rn"]), int(row["bn"])
    if rn < r.min_events or bn < r.min_events:
        return False, {}
    info = {"dyad": list(r.dyad), "window_start": cut.isoformat(), "window_end": end.isoformat(),
            "baseline_start": base.isoformat(), "recent_mean": round(float(row["rm"]), 3), "recent_events": rn,
            "baseline_mean": round(float(row["bm"]), 3), "baseline_events": bn}
    return float(row["rm"]) <= float(row["bm"]) - r.threshold, info


def _events_alert(store, r: Rule, article_ids: list[str]) -> Optional[dict]:
    conds, params = filters(cameo=r.cameo or None, plover=r.plover or None, negated=False)
    marks = ", ".join("?" for _ in r.countries)
    conds += [f"source_country IN ({marks})", f"target_country IN ({marks})", "source_country <> target_country",
              "list_contains(?, article_id)"]
    params += r.countries + r.countries + [article_ids]
    evs = _event_dicts(store, " AND ".join(conds), params)
    if not evs:
        return None
    pairs = sorted({f"{e['source_country']}-{e['target_country']}" for e in evs})
    kinds = sorted({e["plover"] or e["cameo"] for e in evs})
    return _alert(r, f"{_n(len(evs), 'event')} {', '.join(kinds)} between {', '.join(pairs)}", evs,
                  {"countries": r.countries})


def _actor_alert(store, r: Rule, article_ids: list[str]) -> Optional[dict]:
    names = [a.lower() for a in r.actors]
    codes = [a.upper() for a in r.actors]
    found = store.sql("SELECT DISTINCT article_id, actor_id, name, code FROM actors "
                      "WHERE list_contains(?, article_id) AND (list_contains(?, lower(name)) OR list_contains(?, code))"
                      " ORDER BY article_id, actor_id", [article_ids, names, codes])
    if not len(found):
        return None
    keys = [f"{a}|{b}" for a, b in zip(found["article_id"], found["actor_id"])]
    evs = _event_dicts(store, f"{_SIGNABLE} AND list_has_any(?, [article_id || '|' || source_actor, "
                              f"article_id || '|' || target_actor, article_id || '|' || speaker_actor])", [keys])
    seen = sorted(set(found["name"]))
    mentions = store.sql("SELECT m.article_id, m.start, m.\"end\", m.text, a.text AS body FROM mentions m "
                         "JOIN articles a ON a.id = m.article_id WHERE list_contains(?, m.article_id || '|' || m.actor_id) "
                         "ORDER BY m.article_id, m.start LIMIT ?", [keys, MAX_EVIDENCE])
    where = [{"article_id": m.article_id, "start": int(m.start), "end": int(m.end), "text": m.text,
              **_sentence(m.body, int(m.start))} for m in mentions.itertuples()]
    arts = len(set(found["article_id"]))
    return _alert(r, f"{', '.join(seen)} in {_n(arts, 'new article')}, {_n(len(evs), 'event')}", evs,
                  {"actors": seen, "mentions": where})


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _sentence(text: str, at: int) -> dict:
    """The sentence around a mention, as text and offsets (for mentions that are in no event)."""
    import re

    starts = [m.end() for m in re.finditer(r"[.!?][\"”']?\s+|\n", text[:at])]
    start = starts[-1] if starts else 0
    m = re.search(r"[.!?][\"”']?(?=\s|$)|\n", text[at:])
    end = at + m.end() if m else len(text)
    return {"sentence_start": start, "sentence_end": end, "sentence": text[start:end]}


def _event_dicts(store, where: str, params: list, order: str = "article_id, event_id") -> list[dict]:
    """Events matching `where` (over the events table's columns) as JSON-ready dicts, with their
    article's title and link."""
    import json

    df = store.sql(f"SELECT {_EVENT_COLS} FROM (SELECT * FROM events WHERE {where}) e "
                   f"LEFT JOIN (SELECT id, title, url FROM articles) a ON a.id = e.article_id "
                   f"ORDER BY {', '.join('e.' + o.strip() for o in order.split(','))}", params)
    return json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False)) if len(df) else []


def _alert(r: Rule, summary: str, events: list[dict], details: dict) -> dict:
    ids = sorted(e["event_id"] for e in events)
    return {"id": stable_id(r.name, *ids, *(str(v) for v in details.values())), "rule": r.name, "kind": r.kind,
            "fired": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "summary": f"{r.name}: {summary}",
            "n_events": len(events), "events": events[:MAX_EVIDENCE], "details": details}
