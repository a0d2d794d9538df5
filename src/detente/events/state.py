"""What coding one article works on: the article, its parse and actors, and what coding has found so far.

Every step of events coding is a function of this state (coding.py builds it and runs the steps);
one record passed by hand keeps the steps in separate modules without a class spread over mixins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .. import timex
from ..intervals import Intervals
from ..model import Actor, ActorRef, Article, Event, Parse, Place, Quote
from .arguments import Resolver
from .lexicon import Lexicon


@dataclass
class State:
    a: Article
    p: Parse
    actors: list[Actor]
    lex: Lexicon
    r: Resolver  # sources and targets from the parse (arguments.py)
    place_tok: dict[int, Place]  # token -> the "mentioned" place it belongs to
    times: dict[int, timex.Timex]  # token -> the resolved date expression it belongs to
    noun_sources: dict[int, list[ActorRef]] = field(default_factory=dict)  # nominal trigger -> its sources
    consumed: set[int] = field(default_factory=set)  # triggers already told by another's event
    trigger_tokens: set[int] = field(default_factory=set)
    spoken: dict[int, list[Event]] = field(default_factory=dict)  # speech verb -> the events its complement gave
    quotes: list[Quote] = field(default_factory=list)  # the quotes stage's quotes, with their speakers
    lead: Optional[tuple] = None  # (the lead's day or None,), once read: story_time.lead_date
    period: Optional[tuple] = None  # (the period the lead says the article covers, or None,): story_time.article_period
    dates_in_order: Optional[tuple] = None  # (the text's dates by offset, their starts): story_time.dates_in_order
    dateline: Optional[tuple] = None  # (the article's dateline place or None,), once read: where._dateline
    local: Optional[tuple] = None  # (mentioned places by offset, their starts, dominant country): roles.local_country
    quote_index: Optional[Intervals] = field(default=None, init=False)  # self.quotes by offset (quote_at)
    place_index: Optional[Intervals] = field(default=None, init=False)  # place_tok by place start (places_in)
    actor_index: Optional[dict] = field(default=None, init=False)  # actor id -> Actor (actor_kind)

    @property
    def headline_end(self) -> int:
        """Where the headline ends (0: none): decided when the record was made (Article.headline_end)."""
        return self.a.headline_end

    def quote_at(self, pos: int, ok=lambda q: True) -> Optional[Quote]:
        """The quote (of the quotes stage) whose words hold character `pos` and that satisfies ok."""
        if self.quote_index is None:  # indexed on first use: looked up per event
            self.quote_index = Intervals((q.start, q.end, q) for q in self.quotes)
        return self.quote_index.first_at(pos, ok)

    def places_in(self, start: int, end: int) -> list[tuple[int, Place]]:
        """The (token, place) items of place_tok whose place starts in [start, end), in place_tok's order."""
        if self.place_index is None:  # indexed on first use: looked up per event
            self.place_index = Intervals((pl.start, pl.start + 1, (j, pl)) for j, pl in self.place_tok.items())
        return [item for _, _, _, item in sorted(self.place_index.overlapping(start, end), key=lambda r: r[2])]

    def actor_kind(self, actor_id: Optional[str]) -> Optional[str]:
        """The kind (person, country, organisation ...) of the actor with this id, None for none."""
        if self.actor_index is None:  # indexed on first use: looked up per event
            self.actor_index = {a.id: a for a in self.actors}
        actor = self.actor_index.get(actor_id) if actor_id else None
        return actor.kind if actor is not None else None

    def dates_itself(self, i: int) -> bool:
        """Does the phrase of token i hold a date of its own ("the 2014 war", "met on Friday")?"""
        return any(x.i in self.times for x in self.p.subtree(i))
