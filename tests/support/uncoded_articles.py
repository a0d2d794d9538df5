"""Short wire stories not yet coded, as the runner tests feed them to the coder."""
from __future__ import annotations

from detente.model import Article

TEXTS = [
    "WASHINGTON, March 3 (Reuters) - U.S. Secretary of State Antony Blinken met Pakistani Foreign Minister "
    "Bilawal Bhutto Zardari on Monday and promised more flood aid to Pakistan.",
    "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, killing three civilians, officials said.",
    "China and India agreed to hold further border talks next month, the Chinese foreign ministry said.",
    "Israel's prime minister said his government would not negotiate with Hamas until the hostages were freed.",
    "The European Union imposed new sanctions on Iran over its supply of drones to Russia.",
    "Kenya's president called on Ethiopia and Eritrea to respect the ceasefire signed in Pretoria.",
    "Japan protested to North Korea after Pyongyang fired a ballistic missile over Hokkaido.",
]


def uncoded_articles(n=None):
    """n articles (default: one per text) with ids t0, t1, ..., cycling through TEXTS."""
    n = len(TEXTS) if n is None else n
    return [Article(id=f"t{k}", text=TEXTS[k % len(TEXTS)], published="2023-03-06") for k in range(n)]
