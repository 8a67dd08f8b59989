"""One series as an inline SVG chart: hand-written SVG, no script, no external resource.

``series_svg(series)`` draws value over as-of date, one colour per source: a
step line through each source's firm points (the count holds until the source
gives a new one), a dot per point (hollow for a vague figure, dashed outline for
an unverified one, a vertical bar for a range), contradictions ringed in red
and joined by a dashed red line. Axes carry dates and values; the legend names
the sources; each dot has a tooltip (its ``<title>``) with the figure as
written, source, date, flags and sentence. Undated points are not drawn (the
caption says how many). Every piece of text comes from articles and is escaped
(and stripped of characters XML cannot hold); ``href`` may link each dot to
its sentence.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from newsdesk.ledger.records import Point, Series

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
           "#393b79")
CONTRADICTION = "#d62728"
CHAR_WIDTH = 6  # px, an average for the 11 px sans-serif labels: legend names are cut to fit their column
DATE_LABEL_WIDTH = 66  # px, a YYYY-MM-DD tick label at 11 px
_BAD_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _esc(text: object) -> str:
    s = _BAD_XML.sub("", str(text))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def compact(v: float) -> str:
    """A value for an axis label: 950, 12k, 3.2M, 1.5bn."""
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e4, "k")):
        if abs(v) >= scale:
            return f"{v / scale:.3g}{suffix}"
    return f"{v:,.0f}" if v == int(v) else f"{v:.3g}"


def _nice_ticks(top: float, n: int = 4) -> list[float]:
    if top <= 0:
        return [0.0, 1.0]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [i * step for i in range(int(math.ceil(top / step - 1e-9)) + 1)]


def _day(p: Point) -> dt.date | None:
    try:
        return dt.date.fromisoformat(p.as_of) if p.as_of else None
    except ValueError:
        return None


def _date_ticks(d0: dt.date, d1: dt.date, n: int = 5) -> list[dt.date]:
    """At most ``n + 1`` days from ``d0`` at an even step of whole days, so labels keep an even spacing."""
    span = (d1 - d0).days
    step = max(math.ceil(span / n), 1)
    return [d0 + dt.timedelta(days=i) for i in range(0, span + 1, step)]


def series_svg(series: Series, width: int = 640, height: int = 320,
               href: Callable[[Point], str] | None = None) -> str:
    """The chart of one series as an ``<svg>`` string, safe to inline in HTML."""
    sources = series.sources
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    legend_rows = (len(sources) + 2) // 3
    left, right, top = 58, DATE_LABEL_WIDTH // 2 + 4, 30  # room for the last date label, centred on its tick
    bottom = 38 + 16 * legend_rows + 14
    pw, ph = max(width - left - right, 40), max(height - top - bottom, 40)
    dated = [(i, p, d) for i, p in enumerate(series.points) if (d := _day(p)) is not None]
    undated = len(series.points) - len(dated)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="11">',
           f"<title>{_esc(series.label)}</title>",
           f'<text class="title" x="{left}" y="18" font-size="13" font-weight="bold">{_esc(series.label)}</text>']
    if dated:
        d0, d1 = min(d for *_, d in dated), max(d for *_, d in dated)
        if d0 == d1:
            d0, d1 = d0 - dt.timedelta(days=1), d1 + dt.timedelta(days=1)
        ymax = max(max(p.value_high or p.value for _, p, _ in dated), 1.0)
        ticks = _nice_ticks(ymax * 1.05)
        top_v = ticks[-1]

        def x(d: dt.date) -> float:
            return left + pw * (d - d0).days / (d1 - d0).days

        def y(v: float) -> float:
            return top + ph - ph * min(v, top_v) / top_v

        out.append(f'<g class="axes" stroke="#999" fill="none"><line x1="{left}" y1="{top + ph}" x2="{left + pw}" '
                   f'y2="{top + ph}"/><line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}"/></g>')
        for v in ticks:
            out.append(f'<g class="ytick"><line x1="{left}" y1="{y(v):.1f}" x2="{left + pw}" y2="{y(v):.1f}" '
                       f'stroke="#eee"/><text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{_esc(compact(v))}'
                       f"</text></g>")
        for d in _date_ticks(d0, d1):
            out.append(f'<g class="xtick"><line x1="{x(d):.1f}" y1="{top + ph}" x2="{x(d):.1f}" y2="{top + ph + 4}" '
                       f'stroke="#999"/><text x="{x(d):.1f}" y="{top + ph + 16}" text-anchor="middle">'
                       f"{d.isoformat()}</text></g>")
        for s in sources:  # step lines per source through its firm points
            pts: dict[dt.date, float] = {}
            for _, p, d in dated:
                if p.source == s and not p.vague:
                    pts[d] = max(pts.get(d, 0.0), p.value)
            if len(pts) > 1:
                steps = sorted(pts.items())
                path = f"M{x(steps[0][0]):.1f} {y(steps[0][1]):.1f}" + "".join(
                    f" H{x(d):.1f} V{y(v):.1f}" for d, v in steps[1:])
                out.append(f'<path class="line" d="{path}" fill="none" stroke="{colour[s]}" stroke-width="1.5"/>')
        pos = {i: (x(d), y(p.value)) for i, p, d in dated}
        for f in series.of("contradiction"):
            if f.a in pos and f.b in pos:
                (xa, ya), (xb, yb) = pos[f.a], pos[f.b]
                out.append(f'<g class="contradiction" stroke="{CONTRADICTION}" fill="none"><title>{_esc(f.note)}</title>'
                           f'<line x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" y2="{yb:.1f}" stroke-dasharray="3 2"/>'
                           f'<circle cx="{xa:.1f}" cy="{ya:.1f}" r="7"/><circle cx="{xb:.1f}" cy="{yb:.1f}" r="7"/></g>')
        for i, p, d in dated:
            c = colour[p.source]
            cx, cy = pos[i]
            tip = " · ".join(filter(None, [p.text, p.source, p.as_of, ", ".join(p.flags), p.sentence[:300]]))
            bar = (f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" y2="{y(p.value_high):.1f}" stroke="{c}"/>'
                   if p.value_high is not None else "")
            fill = "none" if p.vague else c
            dash = ' stroke-dasharray="2 1.5"' if p.unverified else ""
            dot = (f'<g class="point" data-value="{p.value:g}" data-date="{_esc(p.as_of)}" data-source="{_esc(p.source)}">'
                   f"<title>{_esc(tip)}</title>{bar}<circle cx=\"{cx:.1f}\" cy=\"{cy:.1f}\" r=\"4\" fill=\"{fill}\" "
                   f'stroke="{c}" stroke-width="1.5"{dash}/></g>')
            if href is not None:
                dot = f'<a href="{_esc(href(p))}">{dot}</a>'
            out.append(dot)
    else:
        out.append(f'<text x="{left}" y="{top + 20}">no dated figures</text>')
    ly = height - 16 * legend_rows - 10
    fits = max((pw // 3 - 22) // CHAR_WIDTH, 4)  # characters that fit in a legend column
    for k, s in enumerate(sources):
        lx, ry = left + (k % 3) * (pw // 3), ly + 16 * (k // 3)
        name = s if len(s) <= fits else s[:fits - 1].rstrip() + "…"
        out.append(f'<g class="legend"><title>{_esc(s)}</title>'
                   f'<rect x="{lx}" y="{ry - 9}" width="10" height="10" fill="{colour[s]}"/>'
                   f'<text x="{lx + 14}" y="{ry}">{_esc(name)}</text></g>')
    if undated:
        out.append(f'<text class="note" x="{left + pw}" y="18" text-anchor="end" fill="#666">'
                   f"{undated} undated not drawn</text>")
    out.append("</svg>")
    return "".join(out)
