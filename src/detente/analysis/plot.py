"""The dyad chart: QuadClass counts as stacked bars, mean Goldstein as a line (matplotlib, no display)."""
from __future__ import annotations

import pandas as pd

QUAD = [("q1", "verbal cooperation", "#7fbf7f"), ("q2", "material cooperation", "#1b7837"),
        ("q3", "verbal conflict", "#f4a582"), ("q4", "material conflict", "#b2182b")]


def plot_dyad(df: pd.DataFrame, path: str) -> str:
    """Write the chart of a `Store.dyad` frame to `path` (.png, .svg, .pdf); returns the path."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    a = df.attrs
    labels = [str(p)[:10] for p in df["period"]] if len(df) else []
    x = list(range(len(labels)))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(x) + 3), 4.2))
    bottom = [0] * len(x)
    for col, name, colour in QUAD:
        vals = df[col].tolist() if len(df) else []
        ax.bar(x, vals, bottom=bottom, color=colour, label=name, width=0.8)
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=8)
    ax2 = ax.twinx()
    ax2.plot(x, df["goldstein_mean"].astype(float).tolist() if len(df) else [], color="black", marker="o",
             label="mean Goldstein")
    ax2.axhline(0, color="grey", linewidth=0.6, linestyle=":")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("mean Goldstein (-10 conflict .. +10 cooperation)")
    arrow = "->" if a.get("directed") else "<->"
    ax.set_title(f"{a.get('a', '?')} {arrow} {a.get('b', '?')} by {a.get('by', '?')}: "
                 f"{a.get('tone', '')}, trend {a.get('trend', '')}")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
