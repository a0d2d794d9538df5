"""Files of the repository the tests read."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_ARTICLE = REPO / "src" / "detente" / "examples" / "seed_article.txt"  # the seed article's text
