"""One event per happening within an article: the headline and the lede often state the same event.

(Across articles, reports of one real-world event are joined into a cluster by the store: store/cluster.py.)
"""
from __future__ import annotations

from bisect import insort
from collections import Counter
from typing import Optional

from ..model import Event, Span, stable_id


def _side(ref, exact: bool):
    if ref is None:
        return None
    if exact:
        return ref.actor or ref.text.lower()
    return ref.country or ref.actor or ref.text.lower()


def key(e: Event, exact: bool = True) -> tuple:
    """Within a sentence the same actors make a duplicate; between headline and body the same
    countries do (the headline says "US", the lede "Washington")."""
    return (_side(e.source, exact), _side(e.target, exact), e.cameo, e.negated)


def merge(events: list[Event], headline_end: int) -> list[Event]:
    """Fold duplicates: the same source, target (by country where known), code and polarity, stated
    in the same sentence or once in the headline (text before `headline_end`). The kept event is the
    one stated in the body, with every trigger in `mentions`."""
    kept: list[Event] = []
    # where a twin can be, by position in `kept`: the same sentence and exact key, or the other side
    # of the headline and the loose key (a look-up per event, not a scan of all kept events)
    tables: tuple[dict, dict] = ({}, {})

    def slots(k: Event) -> list[tuple[dict, tuple]]:
        out = [(tables[1], (_in_headline(k, headline_end), key(k, False)))]
        if k.sentence:
            out.append((tables[0], (k.sentence.start, key(k))))
        return out

    def twin_of(e: Event) -> Optional[int]:
        found = tables[0].get((e.sentence.start, key(e)), [])[:1] if e.sentence else []
        for pos in tables[1].get((not _in_headline(e, headline_end), key(e, False)), ()):
            k = kept[pos]
            if not (k.sentence and e.sentence and k.sentence.start == e.sentence.start):
                found.append(pos)
                break
        return min(found) if found else None

    for e in events:
        pos = twin_of(e)
        if pos is None:
            kept.append(e)
            for table, k in slots(e):
                table.setdefault(k, []).append(len(kept) - 1)
            continue
        twin = kept[pos]
        if _in_headline(twin, headline_end) and not _in_headline(e, headline_end):
            e.mentions = _union(e.mentions, twin.mentions)
            kept[pos] = e
            for table, k in slots(twin):
                table[k].remove(pos)
            for table, k in slots(e):
                insort(table.setdefault(k, []), pos)
        else:
            twin.mentions = _union(twin.mentions, e.mentions)
    return kept


def _coded(ref) -> Optional[str]:
    return None if ref is None else (ref.code or ref.country or ref.text.lower())


def fold_coded_twins(events: list[Event]) -> list[Event]:
    """One trigger read between parties that code alike is one event: "Netanyahu and his energy minister
    met Mitsotakis" is one ISRGOV -> GRCGOV meeting, not two. PETRARCH2 reports each distinct coded
    event of a sentence once, for the same reason: a dyad's count must not grow with the number of
    officials named. The first reading is kept (with every trigger span); readings whose sides differ in
    code stay apart ("Israel and Greece met" is two dyads)."""
    kept: list[Event] = []
    first: dict[tuple, Event] = {}
    for e in events:
        if e.trigger is None:
            kept.append(e)
            continue
        k = (e.trigger.start, e.cameo, e.negated, e.modality, _coded(e.source), _coded(e.target))
        twin = first.get(k)
        if twin is None:
            first[k] = e
            kept.append(e)
        else:
            twin.mentions = _union(twin.mentions, e.mentions)
    return kept


def _in_headline(e: Event, headline_end: int) -> bool:
    return e.trigger is not None and e.trigger.start < headline_end


def _union(a: list[Span], b: list[Span]) -> list[Span]:
    seen, out = set(), []
    for s in sorted(a + b, key=lambda s: (s.start, s.end)):
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


def drop_subsumed(events: list[Event], restates=lambda e, o: True, restates_noun=lambda e: False) -> list[Event]:
    """A one-sided event that another event of the same sentence, root and polarity states in full is
    the same happening read twice ("accused Rwanda of making accusations": France -> ? is France ->
    Rwanda): keep only the full one. `restates(e, o)` says whether e can be a restatement of o (a noun,
    or a verb inside o's own phrase: "accused X ... by alleging"); "met ... to discuss Ukraine" stays
    two events. `restates_noun(e)` says whether e's trigger is a noun (see named_again)."""
    def same(a, b) -> bool:
        return a is not None and b is not None and _side(a, False) == _side(b, False)

    # only events of the same sentence can subsume each other: look there, not at every event
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        if e.sentence is not None:
            by_sentence.setdefault(e.sentence.start, []).append(e)

    def covered(e: Event) -> bool:
        for o in by_sentence.get(e.sentence.start, ()) if e.sentence is not None else ():
            if o is e or not restates(e, o):
                continue
            if o.cameo[:2] != e.cameo[:2] or o.negated != e.negated or o.modality != e.modality:
                continue
            if o.source is None or o.target is None:
                continue
            if (e.target is None and same(e.source, o.source)) or (e.source is None and same(e.target, o.target)):
                return True
        return False

    def named_again(e: Event) -> bool:
        """'marched in London during an anti-Brexit march': a nominal event in the phrase of a verb
        event of the same sentence, root and polarity, whose sides it does not contradict, is that
        event named again ("a day after an attack by Z" names another doer, and stays)."""
        if e.trigger is None or not restates_noun(e):
            return False
        for o in by_sentence.get(e.sentence.start, ()) if e.sentence is not None else ():
            if o is e or o.trigger is None or restates_noun(o):
                continue
            if o.cameo[:2] != e.cameo[:2] or o.negated != e.negated:
                continue
            if all(x is None or same(x, y) for x, y in ((e.source, o.source), (e.target, o.target))):
                return True
        return False

    return [e for e in events if not (((e.source is None) != (e.target is None) and covered(e)) or named_again(e))]


def actions(events: list[Event]) -> list[Event]:
    """One act between several parties is one action: the events one trigger gave with the same code
    and polarity ("Turkey and Libya agreed": TUR->LBY and LBY->TUR; "France and Britain condemned
    Iran") share the first one's id as `action`, so that a count of acts does not grow with the
    parties named. Ids must be final (unique_ids)."""
    first: dict[tuple, str] = {}
    for e in events:
        if e.trigger is None:
            e.action = e.id
            continue
        k = (e.trigger.start, e.trigger.end, e.cameo, e.negated, e.modality)
        e.action = first.setdefault(k, e.id)
    return events


def unique_ids(events: list[Event]) -> list[Event]:
    """One id per event within the article, the same on every run. Events that still share an id
    (one trigger read as two events, e.g. re-identified after an implicit target was found) take
    one derived from their code and polarity; any left alike are numbered in list order, which the
    coder fixes (trigger offset, then id)."""
    shared = Counter(e.id for e in events)
    for e in events:
        if shared[e.id] > 1:
            e.id = stable_id(e.id, e.cameo, "negated" if e.negated else "", e.modality)
    seen: set[str] = set()
    for e in events:
        n, base = 1, e.id
        while e.id in seen:
            n += 1
            e.id = stable_id(base, str(n))
        seen.add(e.id)
    return events
