"""The `detente` command line: code, ingest, query and export political event data."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from typing import Iterable, Iterator

from .version import __version__
from .settings import DEFAULTS, Settings, SettingsError, current, use

DEFAULT_STORE = DEFAULTS.store  # named in the --store help; settings.py holds it


def store_path(arg: str | None) -> str:
    """The store a command opens: its --store, else the store setting in force ($DETENTE_STORE, default)."""
    return arg or current().store


def command_settings(args: argparse.Namespace) -> Settings:
    """The settings a command runs with: defaults, then $DETENTE_*, then its options (--store,
    --time-budget; --lexicon files come before those of $DETENTE_LEXICON)."""
    base = Settings.from_env()
    extra = tuple(os.path.abspath(p) for p in getattr(args, "lexicon", None) or ())
    return base.with_options(store=getattr(args, "store", None), time_budget=getattr(args, "time_budget", None),
                             lexicon=extra + base.lexicon if extra else None)


def err(msg: str) -> None:
    print(f"detente: {msg}", file=sys.stderr)


# --- reading and coding -------------------------------------------------------------------------

def _ingest_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument("paths", nargs="+", help="files, folders, globs, URLs, or - for stdin")
    g.add_argument("--text-column", default="text", help="corpus column holding the text (JSONL/CSV)")
    g.add_argument("--id-column", default="id")
    g.add_argument("--title-column", default="title")
    g.add_argument("--date-column", default="date")
    g.add_argument("--url-column", default="url")
    g.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that lack one")
    g.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="extra actor dictionary (detente YAML or PETRARCH .txt); repeatable")
    g.add_argument("--time-budget", type=float, metavar="SECONDS",
                   help="longest coding of one document before it is reported as an error and skipped "
                        f"(default $DETENTE_TIME_BUDGET or {DEFAULTS.time_budget:g}; 0: no limit)")


def _read(args) -> Iterator:
    for path in args.lexicon:
        if not os.path.isfile(path):
            raise SystemExit(err(f"{path}: no such lexicon file") or 2)
    # --time-budget and --lexicon are in the settings in force (main); the runner hands them to workers
    return _reader(args)


def _reader(args) -> Iterator:
    from .ingest import read

    return read(args.paths, text_column=args.text_column, id_column=args.id_column,
                title_column=args.title_column, date_column=args.date_column, url_column=args.url_column)


class Tally:
    """Counts what a batch did, reporting each bad document on stderr as it goes."""

    def __init__(self):
        self.coded = self.stored = self.skipped = self.errors = self.duplicates = 0

    def articles(self, items: Iterable, published: str | None) -> Iterator:
        from .model import IngestError

        for item in items:
            if isinstance(item, IngestError):
                if item.skipped:
                    self.skipped += 1
                else:
                    self.errors += 1
                err(f"{item.source}: {item.reason}")
                continue
            if published and not item.published:
                item.published = published
            yield item

    def failed(self, e) -> None:
        """A document that could not be coded or stored: counted and reported on one line."""
        self.errors += 1
        err(f"{e.source}: {e.reason}")

    def status(self) -> int:
        """The exit status once the batch is done: 1 if any input failed or nothing was done, else 0."""
        return 1 if self.errors or not (self.coded or self.stored or self.duplicates) else 0

    def summary(self) -> str:
        return (f"{self.coded} coded, {self.stored} stored, {self.duplicates} already stored, "
                f"{self.skipped} skipped, {self.errors} errors")


def _validate_date(value: str | None, option: str = "--published", day: bool = True) -> str | None:
    """A date the user typed, checked: YYYY-MM-DD for a publication date (`day`), else also YYYY or
    YYYY-MM (a window edge covering the year or month). The error names the option."""
    if value is None:
        return None
    from .dates import date_range

    value = value.strip()
    first, _, precision = date_range(value)
    if first is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or (day and precision != "day"):
        forms = "YYYY-MM-DD" if day else "YYYY, YYYY-MM or YYYY-MM-DD"
        raise SystemExit(err(f"{option} {value!r} is not a date ({forms})") or 2)
    return value


def cmd_code(args) -> int:
    from .runner import code_each

    published = _validate_date(args.published)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    tally = Tally()
    store = None
    if not args.no_store:
        from .store import Store

        store = Store(store_path(args.store))
    try:
        with store.linger() if store is not None else contextlib.nullcontext():  # one open for the run, not one an article
            articles = _model_loaded_first(tally.articles(_read(args), published))
            for art in code_each(articles, tally.failed):
                tally.coded += 1
                if store is not None:
                    if store.add(art):
                        tally.stored += 1
                    else:
                        tally.duplicates += 1
                _print_article(art, fmt)
    finally:
        if store is not None:
            store.close()
    if fmt == "table" or tally.errors:
        print(tally.summary(), file=sys.stderr)
    return tally.status()


def _print_article(art, fmt: str) -> None:
    if fmt == "jsonl":
        print(json.dumps(art.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        print(json.dumps(art.to_dict(), ensure_ascii=False, indent=2))
    else:
        from .render import print_article

        print_article(art)


def cmd_ingest(args) -> int:
    published = _validate_date(args.published)
    tally = Tally()
    started = time.monotonic()

    on_error = tally.failed
    articles = tally.articles(_read(args), published)
    if args.dask:
        if not args.out or args.out == "-":
            err("--dask writes Parquet partitions: give --out DIR (then: detente load DIR)")
            return 2
        try:
            from .distributed import connect, ingest_dask

            client, cluster = connect(args.dask)
        except ImportError:
            err("--dask needs the dask extra: pip install 'detente[dask]'")
            return 2
        try:
            for _, written in ingest_dask(articles, args.out, client, batch_size=args.batch_size,
                                          on_error=on_error):
                tally.coded += written
                tally.stored += written
                tally.duplicates += not written
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    else:
        from .progress import count_in_background, countable
        from .runner import ingest_local
        from .store import Store

        stats: dict = {}
        if not args.quiet and countable(args.paths) and sys.stderr.isatty():
            count_in_background(lambda: _reader(args), stats)
        with Store(store_path(args.store)) as store:
            if args.workers <= 1:
                _loading_model(args.quiet)  # coding happens in this process
            for _art, stored in ingest_local(articles, store, workers=args.workers, progress=not args.quiet,
                                            batch_size=args.batch_size, on_error=on_error, stats=stats):
                tally.coded += stored
                tally.stored += stored
                tally.duplicates += not stored
    secs = max(time.monotonic() - started, 1e-9)
    where = f" into {args.out} (load with: detente load {args.out})" if args.dask else ""
    print(f"{tally.summary()}{where} in {secs:.1f}s ({tally.coded / secs:.1f} articles/s)", file=sys.stderr)
    return tally.status()


def _loading_model(quiet: bool) -> None:
    """Every command that codes in this process loads the model here, before its first article: through
    runner.warm_up(freeze=True), which also sets this process's collector (runner.GC_THRESHOLDS)."""
    from .runner import warm_up

    if quiet or not sys.stderr.isatty():
        return warm_up(freeze=True)
    from rich.console import Console

    with Console(stderr=True).status("loading the model and lexicons…"):
        warm_up(freeze=True)


def _model_loaded_first(articles: Iterable) -> Iterator:
    """`articles`, the model loaded (_loading_model) once the first arrives: a run whose every input
    fails stops at once instead of loading the model first."""
    it = iter(articles)
    for first in it:
        _loading_model(quiet=False)
        yield first
        yield from it


def cmd_load(args) -> int:
    from .distributed import load_parquet
    from .store import Store

    tally = Tally()
    on_error = tally.failed
    if not os.path.isdir(args.dir):
        err(f"{args.dir}: not a folder of Parquet partitions")
        return 2
    with Store(store_path(args.store)) as store, store.linger():  # one open for the load, not one a chunk
        for _, stored in load_parquet(args.dir, store, on_error=on_error):
            tally.stored += stored
            tally.duplicates += not stored
    print(tally.summary(), file=sys.stderr)
    return tally.status()


def cmd_evaluate(args) -> int:
    from .evaluate import GoldError, evaluate
    from .evaluate.report import print_report

    try:
        report = evaluate(args.gold, task=args.task, limit=args.limit, before_coding=lambda: _loading_model(False))
    except GoldError as e:
        err(str(e))
        return 2
    if args.report == "-":  # the JSON goes to stdout, so the table goes to stderr
        from rich.console import Console

        print_report(report, Console(stderr=True))
    else:
        print_report(report)
    if args.report == "-":
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, ensure_ascii=False)
    return 0


def cmd_serve(args) -> int:
    """Serve the store over HTTP: the JSON API under /api, OpenAPI docs at /docs, the dashboard at /."""
    import uvicorn

    from .server.app import create_app
    from .server.limits import Limits

    limits = Limits() if args.max_chars is None else Limits(max_text_chars=args.max_chars)
    app = create_app(store_path(args.store), allow_fetch=args.allow_fetch, limits=limits,
                     allowed_hosts=[args.host, *args.allowed_host])
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        err(f"serving on {args.host}: anyone who reaches it can code text and read the store")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info")
    return 0


# --- analysis commands: events, dyad, partners, export, stats -------------------------------------

def _open_store(args, read_only: bool = True):
    from .store import Store, StoreError

    path = store_path(args.store)
    if not os.path.exists(path):
        raise SystemExit(err(f"{path}: no such store (build one with: detente ingest PATH --store {path})") or 2)
    try:
        return Store(path, read_only=read_only)
    except StoreError as e:
        raise SystemExit(err(str(e)) or 2) from None


def _actor(term: str | None, option: str) -> str | None:
    """A name or code typed for an actor -> the code the store filters on ("Turkey" -> TUR)."""
    if term is None:
        return None
    from .lookup import UnknownTerm, resolve_actor

    try:
        return resolve_actor(term, option)
    except UnknownTerm as e:
        raise SystemExit(err(str(e)) or 2) from None


def _window(args) -> tuple[str | None, str | None]:
    return (_validate_date(args.since, "--since", day=False), _validate_date(args.until, "--until", day=False))


def _event_filters(args) -> dict:
    from .lookup import UnknownTerm, check_cameo, check_plover

    try:
        check_cameo(args.cameo)
        check_plover(args.plover)
    except UnknownTerm as e:
        raise SystemExit(err(str(e)) or 2) from None
    start, end = _window(args)
    dyad = (_actor(args.dyad[0], "dyad"), _actor(args.dyad[1], "dyad")) if args.dyad else None
    return dict(actor=_actor(args.actor, "actor"), dyad=dyad, directed=args.directed,
                cameo=args.cameo, plover=args.plover, start=start,
                end=end, negated={"hide": False, "only": True, "all": None}[args.negated],
                modality=args.modality, place=args.place, article=args.article)


def _say_why_empty(store, filters: dict) -> None:
    """One line on stderr saying why nothing matched (an empty range, a code the store never saw)."""
    from .analysis.explain import why_empty

    why = why_empty(store, filters)
    if why:
        err(f"no events: {why}")


def _print_frame(df, fmt: str, columns: list[str] | None = None, title: str | None = None,
                 drop: tuple = ()) -> None:
    from .tables import print_table, write_frame

    if fmt in ("jsonl", "csv"):
        write_frame(df, fmt)
    else:
        print_table(df, columns, title=title, drop=drop)


def cmd_events(args) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    limit = args.limit if args.limit is not None else (50 if fmt == "table" else None)
    filters = _event_filters(args)
    with _open_store(args) as store:
        df = store.events(limit=limit, dedup=args.dedup, **filters)
        if df.empty:
            _say_why_empty(store, filters)
    if fmt == "table":
        df = df.assign(source=df["source_code"].fillna(df["source_country"]).fillna(df["source_text"]),
                       target=df["target_code"].fillna(df["target_country"]).fillna(df["target_text"]),
                       event=df["cameo"].fillna("") + " " + df["cameo_name"].fillna(""),
                       flags=df["negated"].map({True: "NEG ", False: ""}).fillna("") + df["modality"].fillna(""),
                       place=df["place_name"].fillna(df["place_text"]),
                       evidence=df["evidence"].fillna("").str.slice(0, 90))
        df["goldstein"] = df["goldstein"].round(1)
        cols = ["date", "source", "event", "target", "goldstein", "place", "flags", "evidence", "event_id"]
        if args.dedup:
            cols.insert(-1, "num_articles")
        _print_frame(df, fmt, cols, title=f"Events ({len(df)})",
                     drop=("evidence", "event", "place", "flags", "goldstein", "num_articles", "event_id"))
    else:
        _print_frame(df, fmt)
    return 0


def cmd_dyad(args) -> int:
    import pandas as pd

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    a, b = _actor(args.a, "dyad"), _actor(args.b, "dyad")
    start, end = _window(args)
    with _open_store(args) as store:
        df = store.dyad(a, b, by=args.by, directed=args.directed, start=start, end=end, dedup=args.dedup)
        if not df.attrs["n_events"]:
            _say_why_empty(store, dict(dyad=(a, b), directed=args.directed, start=start, end=end))
    arrow = "->" if args.directed else "<->"
    a = df.attrs
    change = "" if a["trend_change"] is None else f" ({a['trend_change']:+.2f} Goldstein over the window)"
    summary = (f"{a['a']} {arrow} {a['b']}: {a['n_events']} events, net Goldstein {a['goldstein_sum']:+.1f} "
               f"({a['tone']}), trend {a['trend']}{change}" + (f", {a['undated']} undated left out"
                                                               if a["undated"] else ""))
    if fmt == "table":
        shown = pd.DataFrame({"period": df["period"].astype(str).str.slice(0, 10), "n": df["n_events"],
                              "q1": df["q1"], "q2": df["q2"], "q3": df["q3"], "q4": df["q4"],
                              "G sum": df["goldstein_sum"].round(1), "G mean": df["goldstein_mean"].round(1),
                              "top event": df["top_events"].map(lambda xs: list(xs)[0] if len(xs) else "")})
        _print_frame(shown, fmt, title=f"{a['a']} {arrow} {a['b']} by {args.by} (q1..q4: QuadClass counts)",
                     drop=("top event", "G mean", "q1", "q2", "q3", "q4"))
        print(summary)
    else:
        _print_frame(df.drop(columns=["top_events"]), fmt)
        print(summary, file=sys.stderr)
    if args.plot:
        from .analysis.plot import plot_dyad

        plot_dyad(df, args.plot)
        print(f"chart written to {args.plot}", file=sys.stderr)
    return 0


def cmd_partners(args) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    country = _actor(args.country, "country")
    start, end = _window(args)
    with _open_store(args) as store:
        df = store.partners(country, start=start, end=end, dedup=args.dedup)
        if df.empty:
            _say_why_empty(store, dict(actor=country, start=start, end=end))
    df = df.sort_values("conflict_rank" if args.rank == "conflict" else "coop_rank")
    _print_frame(df.assign(goldstein_mean=df["goldstein_mean"].round(1)), fmt,
                 title=f"Partners of {country} by {args.rank}")
    return 0


def cmd_export(args) -> int:
    from .export import export

    filters = _event_filters(args)
    with _open_store(args) as store, _output(args.out) as path:
        n = export(store, path, args.format, table=args.table, dedup=args.dedup, **filters)
        if not n and args.table in ("events", "clusters"):
            _say_why_empty(store, filters)
    print(f"{n} rows written to {'stdout' if args.out == '-' else args.out} ({args.format})", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _output(out: str):
    """A path to write to; `-` is stdout (written through a temporary file, then copied in one go)."""
    if out != "-":
        yield out
        return
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="detente-") as tmp:
        path = os.path.join(tmp, "out")
        yield path
        if os.path.exists(path):
            sys.stdout.flush()
            with open(path, "rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.buffer.flush()


def cmd_stats(args) -> int:
    with _open_store(args) as store:
        s = store.stats()
    if args.format == "json":
        print(json.dumps(s, indent=2, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"detente store {s['path']}", show_header=False)
    for k in ("articles", "events", "clusters", "actors", "quotes", "places"):
        t.add_row(k, str(s[k]))
    t.add_row("event dates", f"{s['event_dates']['min'] or '-'} .. {s['event_dates']['max'] or '-'}")
    t.add_row("published", f"{s['published']['min'] or '-'} .. {s['published']['max'] or '-'}")
    for d in s["top_dyads"]:
        t.add_row(f"dyad {d['dyad']}", f"{d['events']} events, net Goldstein {d['goldstein_sum']}")
    Console().print(t)
    return 0


def cmd_codes(args) -> int:
    import pandas as pd

    from .lookup import search_codes

    rows = search_codes(" ".join(args.query), scheme=args.scheme)
    if not rows:
        err(f"no CAMEO or PLOVER code matches {' '.join(args.query)!r} (try a word of its name: detente codes fight)")
        return 1
    df = pd.DataFrame(rows)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    _print_frame(df, fmt, ["scheme", "code", "name", "goldstein", "quad_class", "plover", "plover_mode"],
                 title=f"Codes ({len(df)})", drop=("plover_mode", "quad_class", "scheme"))
    return 0


def cmd_actors(args) -> int:
    import pandas as pd

    from .lookup import search_actors

    hits = search_actors(" ".join(args.query), limit=args.limit)
    if not hits:
        err(f"no actor name contains {' '.join(args.query)!r}")
        return 1
    df = pd.DataFrame([h.to_dict() for h in hits])
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    _print_frame(df, fmt, ["name", "code", "country", "sector", "kind", "role"], title=f"Actors ({len(df)})",
                 drop=("role", "kind", "sector"))
    return 0


def cmd_completion(args) -> int:
    import shtab

    print(shtab.complete(build_parser(), shell=args.shell))
    return 0


def _store_option(p) -> None:
    p.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULT_STORE})")


def _filter_options(p, dyad: bool = True) -> None:
    g = p.add_argument_group("event filters")
    g.add_argument("--actor", help="country or actor, as a code or a name, on either side (USA, USAGOV, IMG, Turkey)")
    if dyad:
        g.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="events between A and B (codes or names)")
        g.add_argument("--directed", action="store_true", help="with --dyad: only A acting on B")
    g.add_argument("--cameo", help="CAMEO code prefix(es), comma-separated (05, 0871)")
    g.add_argument("--plover", help="PLOVER type(s), comma-separated (ASSAULT, AGREE)")
    g.add_argument("--since", help="events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--until", help="events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--negated", nargs="?", choices=["hide", "only", "all"], default="hide", const="all",
                   help="negated events: hide (default), only, all (--negated alone: all)")
    g.add_argument("--modality", help="asserted, intended, hypothetical, reported, question (comma-separated)")
    g.add_argument("--place", help="place name, ISO3 country of the place, or geonameid")
    g.add_argument("--article", help="one article's events")
    g.add_argument("--dedup", action="store_true", help="one row per real-world event (cluster of reports)")


# --- the parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="detente", description=__doc__)
    p.add_argument("--version", action="version", version=f"detente {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("code", help="code articles and print them (and store them)")
    _ingest_options(c)
    c.add_argument("--format", choices=["table", "json", "jsonl"], help="default: table on a terminal, else jsonl")
    c.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULT_STORE})")
    c.add_argument("--no-store", action="store_true", help="print only; store nothing")
    c.set_defaults(func=cmd_code)

    i = sub.add_parser("ingest", help="code articles into the store, with progress")
    _ingest_options(i)
    i.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULT_STORE})")
    i.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="coding processes (default: the cores)")
    i.add_argument("--quiet", action="store_true", help="no progress bar")
    i.add_argument("--batch-size", type=int, help="articles per task sent to a worker")
    i.add_argument("--dask", metavar="ADDRESS", help="code on a Dask cluster (tcp://host:8786, or local:N)")
    i.add_argument("--out", metavar="DIR", help="with --dask: folder for the Parquet partitions")
    i.set_defaults(func=cmd_ingest)

    ld = sub.add_parser("load", help="load Parquet partitions written by ingest --dask into the store")
    ld.add_argument("dir", help="folder of part-*.parquet")
    ld.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULT_STORE})")
    ld.set_defaults(func=cmd_load)

    ev = sub.add_parser("evaluate", help="score the coder against a gold file (docs/evaluation.md)")
    ev.add_argument("gold", help="gold standard in the common JSON Lines format")
    ev.add_argument("--task", choices=["events", "quotes", "places", "entities"], help="default: from the records")
    ev.add_argument("--report", help="also write the full report as JSON here (- for stdout)")
    ev.add_argument("--limit", type=int, help="only the first N records")
    ev.set_defaults(func=cmd_evaluate)

    # --- analysis commands (events, dyad, export, stats) register below this line ---
    e = sub.add_parser("events", help="list stored events, filtered")
    _filter_options(e)
    e.add_argument("--format", choices=["table", "jsonl", "csv"], help="default: table on a terminal, else jsonl")
    e.add_argument("--limit", type=int, help="at most N events (default 50 in a table, else all)")
    _store_option(e)
    e.set_defaults(func=cmd_events)

    dy = sub.add_parser("dyad", help="timeline of a pair of actors: QuadClass counts, Goldstein, trend")
    dy.add_argument("a", help="country or actor, code or name (USA, PAKMIL, Pakistan)")
    dy.add_argument("b")
    dy.add_argument("--by", choices=["day", "week", "month", "quarter", "year"], default="month")
    dy.add_argument("--directed", action="store_true", help="only A acting on B")
    dy.add_argument("--since", help="window start (YYYY, YYYY-MM or YYYY-MM-DD)")
    dy.add_argument("--until", help="window end (YYYY, YYYY-MM or YYYY-MM-DD)")
    dy.add_argument("--dedup", action="store_true", help="count real-world events, not reports")
    dy.add_argument("--plot", metavar="FILE", help="write a chart (.png, .svg or .pdf)")
    dy.add_argument("--format", choices=["table", "jsonl", "csv"], help="default: table on a terminal, else jsonl")
    _store_option(dy)
    dy.set_defaults(func=cmd_dyad)

    pa = sub.add_parser("partners", help="a country's partners ranked by cooperation or conflict")
    pa.add_argument("country", help="country code or name (USA, Pakistan)")
    pa.add_argument("--rank", choices=["cooperation", "conflict"], default="cooperation")
    pa.add_argument("--since", help="window start (YYYY, YYYY-MM or YYYY-MM-DD)")
    pa.add_argument("--until", help="window end (YYYY, YYYY-MM or YYYY-MM-DD)")
    pa.add_argument("--dedup", action="store_true")
    pa.add_argument("--format", choices=["table", "jsonl", "csv"], help="default: table on a terminal, else jsonl")
    _store_option(pa)
    pa.set_defaults(func=cmd_partners)

    from .export import TABLES, WRITERS

    formats = "; ".join(f"{w.name} ({w.suffix}): {w.description}" for w in WRITERS.values())
    narrow = "".join(f"; {w.name}: {' or '.join(w.tables)}" for w in WRITERS.values() if w.tables != TABLES)
    ex = sub.add_parser("export", help=f"write the store as {', '.join(WRITERS)}", epilog=f"formats: {formats}")
    ex.add_argument("--format", choices=list(WRITERS), default=next(iter(WRITERS)))
    ex.add_argument("--out", required=True, help="file to write; - for stdout")
    ex.add_argument("--table", choices=list(TABLES), default="events", help=f"what to export (default events{narrow})")
    _filter_options(ex)
    _store_option(ex)
    ex.set_defaults(func=cmd_export)

    st = sub.add_parser("stats", help="what the store holds")
    st.add_argument("--format", choices=["table", "json"], default="table")
    _store_option(st)
    st.set_defaults(func=cmd_stats)

    co = sub.add_parser("codes", help="look up CAMEO and PLOVER codes by code or by a word of their name")
    co.add_argument("query", nargs="*", help="a code prefix (05, 0871), a PLOVER type, or words (ceasefire)")
    co.add_argument("--scheme", choices=["cameo", "plover"], help="only this scheme")
    co.add_argument("--format", choices=["table", "jsonl", "csv"], help="default: table on a terminal, else jsonl")
    co.set_defaults(func=cmd_codes)

    ac = sub.add_parser("actors", help="find actors by name in the lexicon: code, country, sector, role")
    ac.add_argument("query", nargs="+", help="words of the name (putin, defence ministry)")
    ac.add_argument("--limit", type=int, default=25)
    ac.add_argument("--format", choices=["table", "jsonl", "csv"], help="default: table on a terminal, else jsonl")
    ac.set_defaults(func=cmd_actors)

    cp = sub.add_parser("completion", help="print a shell completion script (eval \"$(detente completion bash)\")")
    cp.add_argument("shell", choices=["bash", "zsh", "tcsh"])
    cp.set_defaults(func=cmd_completion)
    # --- end of analysis commands ---
    sv = sub.add_parser("serve", help="HTTP API and dashboard over the store")
    sv.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULT_STORE})")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                    help="a name this server answers to in the Host header, besides --host, localhost and IP "
                         "addresses (repeatable; '*' for any: only behind a proxy that checks Host)")
    sv.add_argument("--allow-fetch", action="store_true",
                    help="let POST /api/code fetch a URL (public addresses only; off by default)")
    sv.add_argument("--max-chars", type=int, help="longest document coded per request")
    sv.add_argument("--quiet", action="store_true", help="log warnings only")
    sv.set_defaults(func=cmd_serve)

    from .watch.command import register as register_watch  # its options and runner live with the watch

    register_watch(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        settings = command_settings(args)
    except SettingsError as e:
        err(str(e))
        return 2
    try:
        with use(settings):
            return args.func(args) or 0
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last guard: one line, never a traceback
        if settings.debug:
            raise
        err(f"{type(e).__name__}: {e}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
