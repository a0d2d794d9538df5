"""The `detente watch` subcommand: its options, and turning them into a Watcher."""
from __future__ import annotations

import os
import sys

from ..settings import DEFAULTS

HELP = "poll feeds, code and store new items, raise alerts (docs/watch.md)"


def register(sub) -> None:
    w = sub.add_parser("watch", help=HELP, description=HELP)
    w.add_argument("feeds", nargs="+", metavar="FEED_OR_URL", help="feed URLs, feed files or OPML feed lists")
    w.add_argument("--every", default="15m", help="poll interval: 30s, 15m, 2h (default 15m)")
    w.add_argument("--store", help=f"DuckDB file (default $DETENTE_STORE or ./{DEFAULTS.store})")
    w.add_argument("--alerts", metavar="YAML", help="alert rules (docs/watch.md)")
    w.add_argument("--alert-log", metavar="FILE",
                   help="JSON Lines file the alerts are appended to (default: the store's name + .alerts.jsonl)")
    w.add_argument("--exec", dest="exec_cmd", metavar="CMD",
                   help="shell command run for each alert, the alert as JSON on its stdin")
    w.add_argument("--format", choices=["text", "jsonl"], default="text", help="alerts on stdout (default text)")
    w.add_argument("--polls", type=int, metavar="N", help="stop after N polls (default: until SIGINT/SIGTERM)")
    w.add_argument("--timeout", type=float, default=10, help="seconds per download (default 10)")
    w.add_argument("--max-bytes", type=int, default=20_000_000, help="largest feed or page read (default 20 MB)")
    w.set_defaults(func=run)


def _err(msg: str) -> None:
    print(f"detente: watch: {msg}", file=sys.stderr, flush=True)


def run(args) -> int:
    from ..analysis.alerts import Alerting, AlertRulesError, load_rules
    from ..runner import warm_up
    from ..store import Store, StoreError, default_path
    from .feedlist import FeedListError, expand
    from .loop import Watcher, parse_every
    from .poller import Limits
    from .sinks import Sinks

    try:
        every = parse_every(args.every)
        feeds = expand(args.feeds)
        rules = load_rules(args.alerts) if args.alerts else []
    except (ValueError, FeedListError, AlertRulesError) as e:
        _err(str(e).removeprefix("ValueError: "))
        return 2
    if args.polls is not None and args.polls < 1:
        _err("--polls is at least 1")
        return 2
    path = default_path(args.store)
    alerting = None
    try:
        with Store(path) as store:  # made here if new, so a bad path fails now, not at the first new item
            alerting = Alerting(rules, store) if rules else None
    except StoreError as e:
        _err(str(e))
        return 2
    log = args.alert_log or (os.path.splitext(path)[0] + ".alerts.jsonl") if rules else None
    sinks = Sinks(log, args.exec_cmd, args.format, report=_err)
    warm_up(freeze=True)
    _err(f"{len(feeds)} feeds every {args.every} into {path}" + (f"; {len(rules)} alert rules, log {log}" if rules
                                                                   else "") + "; Ctrl-C stops")
    watcher = Watcher(feeds, path, every=every, alerting=alerting, sinks=sinks,
                      limits=Limits(args.timeout, args.max_bytes), report=_err)
    watcher.run(max_polls=args.polls)
    return 0
