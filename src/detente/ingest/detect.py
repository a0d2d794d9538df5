"""What a document is, before anything reads it: its kind (by content), its encoding, its language.

The kinds themselves are ingest's READERS table; this module holds the built-in kinds' detectors
(`is_feed`, `is_html` ...) and `kind_of`, which asks them in the table's order.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from functools import cached_property
from typing import Callable, Iterable, Optional, Protocol

# Bytes looked at to decide kind and encoding; enough for any header, cheap for a 50 MB file.
SNIFF_BYTES = 65536

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
                       re.I)
_XML_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w.:-]*)")
_HTML_TAGS = re.compile(r"<(?:html|head|body|div|p|article|main|section|span|title|meta|table|br|h[1-6])\b", re.I)


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing to inflate past `max_bytes` (a gzip bomb stays small in memory)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:  # zlib.error is no OSError: a corrupt stream raises it
        raise ValueError(str(e)) from None
    if len(out) > max_bytes:
        raise ValueError(f"decompressed size exceeds {max_bytes:,} bytes")
    return out


def bom_encoding(head: bytes) -> Optional[str]:
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return None


# UTF-16/32 without a byte-order mark: in text of Latin script every character has its zero bytes in
# the same places (UTF-16LE "a\0b\0", UTF-32BE "\0\0\0a"). Per encoding, the byte positions (mod
# 4) that are zero in nearly every character, and those that nearly never are.
_UNMARKED = (("utf-32-le", (1, 2, 3), (0,)), ("utf-32-be", (0, 1, 2), (3,)),
             ("utf-16-le", (1, 3), (0, 2)), ("utf-16-be", (0, 2), (1, 3)))


def unmarked_utf(head: bytes) -> Optional[str]:
    """The UTF-16/32 codec of text written without a byte-order mark, when its zero bytes say so and
    it decodes; None otherwise (charset-normalizer does not tell these apart from binary)."""
    sample = head[:4096]
    sample = sample[:len(sample) - len(sample) % 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    units = len(sample) // 4
    zeros = [sum(1 for k in range(pos, len(sample), 4) if sample[k] == 0) / units for pos in range(4)]
    for codec, zero, nonzero in _UNMARKED:
        if all(zeros[p] >= 0.9 for p in zero) and all(zeros[p] <= 0.1 for p in nonzero):
            for cut in (0, 2):  # the sample may end inside a surrogate pair
                try:
                    text = sample[:len(sample) - cut].decode(codec)
                except UnicodeDecodeError:
                    continue
                printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
                return codec if printable >= 0.95 * len(text) else None
            return None
    return None


def text_encoding(head: bytes) -> Optional[str]:
    """The encoding the first bytes alone settle: a byte-order mark, or UTF-16/32 without one."""
    return bom_encoding(head) or unmarked_utf(head)


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in a document that is not UTF-16/32 text."""
    if not head or text_encoding(head):
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, Optional[str]]:
    """Text of `data` and a warning when it was not clean UTF-8 (None otherwise); never raises.

    Order: byte-order mark or UTF-16/32 without one, strict UTF-8, the document's own declaration (meta charset / XML
    encoding), then charset-normalizer's guess. Mostly-UTF-8 text with a few broken bytes stays UTF-8
    with replacement characters, because a legacy-codepage guess would garble every valid accent.
    """
    enc = text_encoding(data[:SNIFF_BYTES])
    if enc:
        return data.decode(enc, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    m = _DECLARED.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        if declared.replace("-", "").replace("_", "") not in ("utf8",):
            try:
                return data.decode(declared), None
            except (LookupError, UnicodeDecodeError):
                pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if UTF8_MULTIBYTE.search(data):
        # valid multi-byte sequences next to broken ones: damaged UTF-8, not another encoding
        return replaced, f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced"
    encoding = guess_encoding(data)
    if encoding:
        try:
            return data.decode(encoding, errors="replace"), f"not UTF-8: decoded as {encoding}"
        except LookupError:
            pass
    return replaced, f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced"


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Among guesses charset-normalizer cannot tell apart (short Western text fits cp1250 as well as cp1252),
# the encodings English-language news is actually published in come first.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")


def guess_encoding(data: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes

        results = list(from_bytes(data[:1_000_000]))
    except Exception:  # the detector is a guess; a failure of it must not lose the document
        return None
    if not results:
        return None
    best = results[0]
    close = [m for m in results if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    for enc in _PREFERRED:
        if any(enc in m.could_be_from_charset for m in close):
            return enc
    return best.encoding


class Head:
    """The first characters of a document and its name, as the kinds' detectors look at them.

    `text` is the head without a byte-order mark and leading blanks; `name` the file name in lower
    case without `.gz`. The views more than one detector needs are worked out once.
    """

    def __init__(self, head_text: str, name: str = "") -> None:
        self.text = head_text.lstrip("\ufeff \t\r\n")
        lower = name.lower()
        self.name = lower[:-3] if lower.endswith(".gz") else lower

    @cached_property
    def json(self) -> bool:
        """Opens like JSON: '{"' or '[{' ('[Update] ...' is a page)."""
        return bool(re.match(r"\{\s*(?:\"|\})|\[\s*[{\]]", self.text))

    @cached_property
    def markup(self) -> Optional[str]:
        """feed | html | xml for a document opening with '<'; None otherwise."""
        return _markup_kind(self.text) if self.text.startswith("<") else None


class Detectable(Protocol):
    kind: str
    detect: Optional[Callable[[Head], bool]]
    suffixes: tuple[str, ...]


def kind_of(head_text: str, name: str, kinds: Iterable[Detectable], fallback: str = "text") -> str:
    """The kind of a document from its first characters: the first of `kinds` (in order) whose
    `detect` says so; else the first whose file-name suffixes match; else `fallback`.

    Content decides; the file name only settles what content leaves open (CSV against plain text).
    """
    head = Head(head_text, name)
    kinds = list(kinds)
    for k in kinds:
        if k.detect is not None and k.detect(head):
            return k.kind
    for k in kinds:
        if k.suffixes and head.name.endswith(k.suffixes):
            return k.kind
    return fallback


# --- the detectors of the built-in kinds, in the order ingest's READERS tries them ----------------

def is_feed(head: Head) -> bool:
    """RSS, Atom, RDF (by the root element) or JSON Feed (by its version URL)."""
    if head.json:
        return '"jsonfeed.org' in head.text[:2000] or "jsonfeed.org/version" in head.text[:2000]
    return head.markup == "feed"


def is_jsonl(head: Head) -> bool:
    """A JSON object whose first line parses alone."""
    if not (head.json and head.text.startswith("{")):
        return False
    try:
        json.loads(head.text.split("\n", 1)[0].strip())
        return True
    except ValueError:
        return False


def is_json(head: Head) -> bool:
    return head.json


def is_html(head: Head) -> bool:
    """An HTML page or fragment; text without a '<' first counts when HTML tags run through it."""
    if head.markup is not None:
        return head.markup == "html"
    text = head.text
    return not head.json and bool(_HTML_TAGS.search(text[:4096])) and len(_HTML_TAGS.findall(text[:8192])) >= 3


def is_xml(head: Head) -> bool:
    return head.markup == "xml"


def is_csv(head: Head) -> bool:
    return not head.json and head.markup is None and _looks_like_csv(head.text)


def _markup_kind(s: str) -> str:
    head = s[:4096]
    low = head.lower()
    if low.startswith("<!doctype html") or "<html" in low[:1024]:
        return "html"
    for m in _XML_ROOT.finditer(head):
        root = m.group(1).split(":")[-1].lower()
        if root in ("rss", "feed", "rdf", "channel", "entry"):  # an Atom entry document is a feed of one
            return "feed"
        if root == "html":
            return "html"
        break
    # an unknown root: markup with HTML tags in it is an HTML fragment ('<b>Breaking</b> ...'), else XML
    return "html" if _HTML_TAGS.search(head) and not low.startswith("<?xml") else "xml"


def _looks_like_csv(s: str) -> bool:
    """A header of short field names and a first row with as many fields: a scraped page never has one.

    The first row is read with the csv module, so a quoted text spanning many lines still counts.
    """
    import csv

    header = s.split("\n", 1)[0].rstrip("\r")
    for delim in (",", "\t", ";"):
        fields = header.split(delim)
        if len(fields) < 2 or not all(re.fullmatch(r'\s*"?[A-Za-z_][\w .-]{0,40}"?\s*', f) for f in fields):
            continue
        try:
            rows = csv.reader(io.StringIO(s), delimiter=delim)
            next(rows)
            first = next(rows, None)
        except csv.Error:
            return False
        return first is not None and len(first) == len(fields)
    return False


# --- language ---------------------------------------------------------------------------------

_identifier = None
MIN_WORDS_FOR_LANGUAGE = 8  # below this the classifier guesses; such texts are never skipped
_SAMPLE_CHARS = 1500  # plenty for a confident guess; the classifier walks every byte


def language(text: str) -> tuple[Optional[str], float]:
    """(ISO 639-1 code, confidence), or (None, 0.0) when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]{2,}", sample)) < MIN_WORDS_FOR_LANGUAGE:
        return None, 0.0
    global _identifier
    if _identifier is None:
        from py3langid.langid import LanguageIdentifier, MODEL_FILE

        _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, conf = _identifier.classify(sample)
    return lang, float(conf)
