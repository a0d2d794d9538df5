"""`detente watch`: keep a store current from news feeds and say when something changes.

    feedlist  URLs, feed files and OPML lists -> the feeds to follow
    poller    one feed: conditional GET (ETag / Last-Modified), backoff, its items as Articles
    loop      the polls: code and store only new items, evaluate the alert rules, stop on a signal
    sinks     alerts to stdout, a JSON Lines log and an --exec hook
    command   the CLI subcommand

The alert rules and the alerts table are analysis (detente.analysis.alerts, .alert_log): the server
reads the alerts from the store without knowing about watching.
"""
from .loop import PollReport, Watcher, parse_every

__all__ = ["Watcher", "PollReport", "parse_every"]
