"""What `watch` is told to follow -> a list of feeds: URLs, local feed files, and OPML feed lists."""
from __future__ import annotations

import os

from ..ingest.fetch import URL


class FeedListError(ValueError):
    """A feed argument cannot be used; one line for the user."""


def expand(args: list[str]) -> list[str]:
    """Feed URLs and paths in the order given, an OPML file replaced by the feeds it lists, each once."""
    out: list[str] = []
    for arg in args:
        if URL.match(arg):
            found = [arg]
        elif os.path.isfile(arg):
            found = opml_feeds(arg) if _is_opml(arg) else [arg]
        else:
            raise FeedListError(f"{arg}: neither a URL (http:// or https://) nor a file")
        out += [f for f in found if f not in out]
    return out


def _is_opml(path: str) -> bool:
    with open(path, "rb") as f:
        head = f.read(2048).lower()
    return b"<opml" in head


def opml_feeds(path: str) -> list[str]:
    """The feed URLs (xmlUrl) of an OPML outline, nested outlines included, in document order."""
    from lxml import etree

    # an OPML file may come from anywhere: no entities, no network, no huge trees
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(path, parser).getroot()
    except (etree.XMLSyntaxError, OSError) as e:
        raise FeedListError(f"{path}: not a readable OPML file ({' '.join(str(e).split())[:160]})") from None
    urls = []
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        if url and URL.match(url) and url not in urls:
            urls.append(url)
    if not urls:
        raise FeedListError(f"{path}: an OPML file with no feeds (no outline has an http(s) xmlUrl)")
    return urls
