"""Request and response types of the HTTP API (they make the OpenAPI document)."""
from __future__ import annotations

from typing import Any, Generic, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..model import Article

T = TypeVar("T")

DATE = r"^(18|19|20)\d{2}(-\d{2}(-\d{2})?)?$"  # years 1800-2099: a window, not a typo
MAX_ID = 2048  # article ids: feeds' guids are often long URLs


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="offset of the next page; null on the last page")


class Row(BaseModel):
    """A store row; columns beyond the documented ones pass through."""
    model_config = ConfigDict(extra="allow")


class ArticleSummary(Row):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    dateline: Optional[str] = None
    n_events: Optional[int] = None
    n_quotes: Optional[int] = None


class EventRow(Row):
    event_id: str
    article_id: str
    source_text: Optional[str] = None
    source_code: Optional[str] = None
    source_country: Optional[str] = None
    source_sector: Optional[str] = None
    target_text: Optional[str] = None
    target_code: Optional[str] = None
    target_country: Optional[str] = None
    target_sector: Optional[str] = None
    cameo: Optional[str] = None
    cameo_name: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    plover: Optional[str] = None
    plover_mode: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    date_source: Optional[str] = None
    place_name: Optional[str] = None
    place_country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    place_source: Optional[str] = None
    action_id: Optional[str] = Field(None, description="events of one act between several parties share it")
    negated: Optional[bool] = None
    modality: Optional[str] = None
    speaker_text: Optional[str] = None
    sentence_start: Optional[int] = None
    sentence_end: Optional[int] = None
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None
    trigger_text: Optional[str] = None
    evidence: Optional[str] = None


class DyadPeriod(Row):
    period: str
    start: Optional[str] = Field(None, description="first day of the period (for querying its events)")
    end: Optional[str] = Field(None, description="last day of the period")
    n_events: int = 0
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein_sum: Optional[float] = None
    goldstein_mean: Optional[float] = None


class DyadTimeline(BaseModel):
    a: str
    b: str
    by: str
    directed: bool
    trend: Optional[str] = None
    periods: list[DyadPeriod]
    note: Optional[str] = Field(None, description="set when only the latest periods are given")


class NetworkNode(BaseModel):
    id: str
    n_events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    n_events: int
    cooperation: int = Field(description="QuadClass 1 and 2 events")
    conflict: int = Field(description="QuadClass 3 and 4 events")
    goldstein_mean: Optional[float] = None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class EventCount(BaseModel):
    n_events: int
    located: int = Field(description="of them, events with a place that has coordinates")
    n_articles: int


class MapPoint(BaseModel):
    name: Optional[str] = None
    country: Optional[str] = None
    geonameid: Optional[int] = None
    lat: float
    lon: float
    n_events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: Optional[float] = None
    quad_class: Optional[int] = Field(None, description="the QuadClass most of its events have")


class MapPoints(BaseModel):
    points: list[MapPoint]


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, description="plain article text (headline, dateline, body)")
    html: Optional[str] = Field(None, description="an article page's HTML")
    url: Optional[str] = Field(None, description="a page to fetch (only when the server allows fetching)")
    published: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date YYYY-MM-DD")
    title: Optional[str] = Field(None, max_length=1000)
    id: Optional[str] = Field(None, min_length=1, max_length=MAX_ID)
    store: bool = Field(False, description="also store the coded article")

    @field_validator("text", "html", "url", "title", "id")
    @classmethod
    def _unicode(cls, value: Optional[str]) -> Optional[str]:
        # JSON's \ud800 escapes decode to lone surrogates, which no text encoding can carry.
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise ValueError(f"invalid Unicode: a lone surrogate at character {e.start}") from None
        return value


class CodeResponse(BaseModel):
    article: Article
    stored: Optional[bool] = Field(None, description="true: newly stored; false: already stored; null: not asked")


class Stats(Row):
    articles: Optional[int] = None
    events: Optional[int] = None
    actors: Optional[int] = None
    quotes: Optional[int] = None
    places: Optional[int] = None


class Problem(BaseModel):
    detail: Any


NegatedFilter = Literal["false", "true", "all"]


class Alert(Row):
    """An alert `detente watch` raised (docs/watch.md): its rule, summary and the events behind it."""
    seq: int
    id: str
    rule: str
    kind: str
    fired: str
    summary: str
    n_events: int
    events: list[Row]
    details: dict[str, Any]


class Alerts(BaseModel):
    items: list[Alert] = Field(description="newest first")
    last_seq: int = Field(description="ask again with after=last_seq for what comes next")
