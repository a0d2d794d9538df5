"""Actors: recognition, resolution to country + sector + role, and in-article coreference.

`resolve` finds every political actor in an article and lists all its mentions (names, titles, role
nouns, pronouns, capitals standing for governments) with character offsets; events and quotes turn a
token span into an actor through `actor_at` / `ref_at`.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..model import Actor, ActorRef, Article, Parse, Span
from . import lexicon as lexicon_mod
from .coref import build_actors
from .recognize import recognize


def resolve(article: Article, parse: Parse, lexicon: Optional[Iterable[str]] = None) -> list[Actor]:
    """Every political actor in the article, each with all its mentions.

    `lexicon`: extra user lexicon files (YAML, or PETRARCH/TABARI actor dictionaries) on top of the
    default lexicon and $DETENTE_LEXICON. Never raises: a failure leaves a line in article.warnings.
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
        article.warnings.append(f"actors: resolution failed ({type(e).__name__}: {e})")
        return []


def actor_at(actors: list[Actor], start: int, end: int) -> Optional[tuple[Actor, Span]]:
    """The actor with a mention overlapping [start, end), preferring the mention that covers most of it.

    Events and quotes use this to turn a token span (subject, object, speaker) into an ActorRef.
    """
    best, best_overlap = None, 0
    for a in actors:
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = (a, m), overlap
    return best


def ref_at(actors: list[Actor], start: int, end: int) -> Optional[ActorRef]:
    hit = actor_at(actors, start, end)
    return hit[0].ref(hit[1]) if hit else None
