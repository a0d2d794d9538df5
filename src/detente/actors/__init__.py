"""Actors: recognition, resolution to country + sector + role, and in-article coreference.

`resolve` finds every political actor in an article and lists all its mentions (names, titles, role
nouns, pronouns, capitals standing for governments) with character offsets; events and quotes turn a
token span into an actor through a `MentionIndex` (or `actor_at` / `ref_at` for one look-up).
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..intervals import Intervals
from ..model import Actor, ActorRef, Article, Parse, Span
from ..settings import debugging
from . import lexicon as lexicon_mod
from .coref import build_actors
from .recognize import recognize


def resolve(article: Article, parse: Parse, lexicon: Optional[Iterable[str]] = None) -> list[Actor]:
    """Every political actor in the article, each with all its mentions.

    `lexicon`: extra user lexicon files (YAML, or PETRARCH/TABARI actor dictionaries) on top of the
    default lexicon and the lexicon setting's ($DETENTE_LEXICON, --lexicon). Never raises: a failure leaves a line in
    article.warnings.
    """
    try:
        lex = lexicon_mod.load(tuple(lexicon or ()))
    except Exception as e:  # a broken user file must not stop coding with the default lexicon
        article.warnings.append(f"actors: user lexicon not loaded ({type(e).__name__}: {e}); using default")
        try:
            lex = lexicon_mod.load(())
        except Exception as e2:
            article.warnings.append(f"actors: lexicon not loaded ({type(e2).__name__}: {e2})")
            return []
    try:
        if not parse.tokens:
            return []
        mentions = recognize(article, parse, lex)
        return build_actors(mentions, parse, lex, article.published, article)
    except Exception as e:  # bad input must never escape as a traceback
        if debugging():
            raise
        article.warnings.append(f"actors: resolution failed ({type(e).__name__}: {e})")
        return []


class MentionIndex:
    """The actors' mentions by offset: the mention overlapping a span is found by bisection, not by a
    scan of every mention (a scan per token made a 400k-character article cost minutes). Built once
    per article by each stage that looks many spans up."""

    def __init__(self, actors: list[Actor]):
        self._mentions = Intervals((m.start, m.end, (a, m)) for a in actors for m in a.mentions)

    def actor_at(self, start: int, end: int) -> Optional[tuple[Actor, Span]]:
        """The actor with a mention overlapping [start, end), preferring the mention that covers most of
        it (and, among equal ones, the one listed first)."""
        best, best_overlap, best_n = None, 0, 0
        for m_start, m_end, n, hit in self._mentions.overlapping(start, end):
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap or (overlap == best_overlap and n < best_n):
                best, best_overlap, best_n = hit, overlap, n
        return best

    def ref_at(self, start: int, end: int) -> Optional[ActorRef]:
        hit = self.actor_at(start, end)
        return hit[0].ref(hit[1]) if hit else None


def actor_at(actors: list[Actor], start: int, end: int) -> Optional[tuple[Actor, Span]]:
    """The actor with a mention overlapping [start, end), preferring the mention that covers most of it.
    One look-up; a stage that looks up many spans builds a MentionIndex once."""
    return MentionIndex(actors).actor_at(start, end)


def ref_at(actors: list[Actor], start: int, end: int) -> Optional[ActorRef]:
    return MentionIndex(actors).ref_at(start, end)
