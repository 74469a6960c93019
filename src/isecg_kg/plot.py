"""Timelines of the graph for people: membership over the years, and chair tenures.

Both are drawn from the saved queries (``membership-growth``, ``joins``, ``chairs``,
``meetings``), so a chart says what the queries say and nothing more. A date the sources give
only as bounds is drawn as a range, hatched, never as a day; an end no source states fades
out ("open"). The same graph gives the same bytes: the SVG's ids are salted with a constant
and it carries no date.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph

from . import temporal
from .errors import IsecgError

KINDS = ("membership", "chairs")
FORMATS = ("svg", "png")

_COLOUR = "#2f6c9f"
_MEMBERS = "#b5512c"
_FADE_STEPS = 16
_RC = {
    "svg.hashsalt": "isecg-kg",  # the SVG's ids from a constant, not a random salt
    "svg.fonttype": "none",  # text stays text: searchable, readable by screen readers
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same metrics everywhere
    "font.size": 9,
    "hatch.linewidth": 0.8,
}
_METADATA = {"svg": {"Date": None}, "png": {"Software": None}}
# matplotlib's rcParams are global: one drawing at a time, so a server's threads cannot
# restore each other's settings halfway through.
_DRAWING = threading.Lock()


@dataclass(frozen=True)
class Span:
    """The days a partial date or a pair of bounds can mean, first to last."""

    first: date
    last: date
    text: str

    @property
    def exact(self) -> bool:
        return self.first == self.last


def span(value: str | None, upper: str | None = None) -> Span | None:
    """The span of a date as stored (``2020-09-09``, ``2013-08``, ``2018``), or of bounds
    ``value`` .. ``upper``; None when there is no date or it is not one."""
    lo, hi = _day_form(value), _day_form(upper if upper is not None else value)
    if lo is None or hi is None:
        return None
    text = lo if upper is None or lo == hi else f"{lo} – {hi}"
    return Span(temporal.lower(lo), temporal.upper(hi), text)


def _day_form(value: str | None) -> str | None:
    """The partial date a stored value writes (an xsd:dateTime gives its day), else None."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > 10 and value[10] == "T":
        value = value[:10]
    return value if temporal.is_partial_date(value) else None


# The data, from the saved queries


@dataclass(frozen=True)
class Join:
    """An agency's joining: the year it is counted in, and whether its date is stated."""

    agency: str
    year: int
    stated: bool  # False: only bounds are known; counted in the year of the latest one


@dataclass
class Membership:
    """Members at each year's end and the joins of each year, as the queries give them."""

    years: list[int]
    members: list[int]
    joins: list[Join]
    unplaced: list[str]  # joins that cannot be put in a year, as one line each


def membership(graph: Graph) -> Membership:
    """Members per year (``membership-growth``) and joins per year (``joins``)."""
    growth = _rows("membership-growth", graph)
    by_year = {int(r["year"]): int(r["members"] or 0) for r in growth if r["year"]}
    joins: list[Join] = []
    unplaced: list[str] = []
    for r in _rows("joins", graph):
        stated = span(r["date"])
        latest = span(r["latest"])
        if stated is not None:
            joins.append(Join(r["agency"], stated.last.year, True))
        elif latest is not None:
            joins.append(Join(r["agency"], latest.last.year, False))
        elif r["earliest"]:
            unplaced.append(f"{r['agency']} joined no earlier than {r['earliest']}")
    years = sorted(set(by_year) | {j.year for j in joins})
    if years:
        years = list(range(years[0], years[-1] + 1))
    members = [by_year.get(y, 0) for y in years]
    return Membership(years, members, joins, unplaced)


@dataclass(frozen=True)
class Tenure:
    """A chair tenure: its start and end as spans (None when no source states them)."""

    agency: str
    start: Span | None
    end: Span | None
    start_from_meeting: bool = False  # the start is the date (or bounds) of its meeting


def tenures(graph: Graph) -> tuple[list[Tenure], list[str]]:
    """The chair tenures (``chairs``), a start known only by its meeting dated by that
    meeting (``meetings``); and one line for each tenure no date places."""
    meetings = {r["meeting"]: r for r in _rows("meetings", graph)}
    placed: list[Tenure] = []
    unplaced: list[str] = []
    for r in _rows("chairs", graph):
        start, end = span(r["start"]), span(r["end"])
        from_meeting = False
        if start is None and r["meeting"] in meetings:
            m = meetings[r["meeting"]]
            start = span(m["date"], m["end"]) if m["date"] else span(m["earliest"], m["latest"])
            from_meeting = start is not None
        if start is None and end is None:
            unplaced.append(f"{r['agency']}: a tenure no source dates")
            continue
        placed.append(Tenure(r["agency"], start, end, from_meeting))
    return placed, unplaced


def _rows(name: str, graph: Graph) -> list[dict[str, str | None]]:
    from .queries import get_query, run

    return run(get_query(name), graph).as_dicts()


# Drawing


def render(kind: str, graph_path: Path, fmt: str) -> bytes:
    """The ``membership`` or ``chairs`` timeline of the graph in ``graph_path``, as ``svg``
    or ``png`` bytes; IsecgError for an unknown kind or format, or a graph that cannot be read."""
    check(kind, fmt)
    from .queries import load_data

    return render_graph(kind, load_data([Path(graph_path)]), fmt)


def check(kind: str, fmt: str) -> None:
    """IsecgError unless ``kind`` and ``fmt`` are ones ``render`` draws."""
    if kind not in KINDS:
        raise IsecgError(f"unknown timeline {kind!r}", hint="draw " + " or ".join(KINDS))
    if fmt not in FORMATS:
        raise IsecgError(f"unknown image format {fmt!r}", hint="use .svg or .png")


def render_graph(kind: str, graph: Graph, fmt: str) -> bytes:
    """``render`` for a graph already loaded."""
    check(kind, fmt)
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _DRAWING, matplotlib.rc_context(_RC):
        figure = Figure(layout="constrained")
        FigureCanvasAgg(figure)
        if kind == "membership":
            _draw_membership(figure, membership(graph))
        else:
            _draw_chairs(figure, *tenures(graph))
        out = io.BytesIO()
        figure.savefig(out, format=fmt, dpi=150, metadata=_METADATA[fmt])
    return out.getvalue()


def _draw_membership(figure, data: Membership) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    figure.set_size_inches(8, 5.2)
    figure.suptitle("ISECG membership over time (as far as the graph knows)", fontsize=11)
    if not data.years:
        _nothing(figure, "No membership dates in the graph.")
        return
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    top.plot(data.years, data.members, "-o", color=_MEMBERS, linewidth=1.4, markersize=4)
    for year, n in zip(data.years, data.members, strict=True):
        top.annotate(str(n), (year, n), xytext=(0, 5), textcoords="offset points", ha="center")
    top.set_ylabel("members at year end")
    top.set_ylim(0, max([*data.members, 1]) * 1.2)
    stated = [sum(1 for j in data.joins if j.year == y and j.stated) for y in data.years]
    bounded = [sum(1 for j in data.joins if j.year == y and not j.stated) for y in data.years]
    drawn = [(y, s, b) for y, s, b in zip(data.years, stated, bounded, strict=True) if s or b]
    bottom.bar(
        [y for y, s, _ in drawn if s], [s for _, s, _ in drawn if s], width=0.6, color=_COLOUR
    )
    bottom.bar(
        [y for y, _, b in drawn if b],
        [b for _, _, b in drawn if b],
        width=0.6,
        bottom=[s for _, s, b in drawn if b],
        color="white",
        edgecolor=_COLOUR,
        hatch="////",
    )
    for year, s, b in drawn:
        names = [j.agency for j in data.joins if j.year == year]
        if names:
            label = ", ".join(names[:4]) + (f" +{len(names) - 4}" if len(names) > 4 else "")
            bottom.annotate(
                label,
                (year, s + b),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    bottom.set_ylabel("joined in the year")
    bottom.set_ylim(0, max([s + b for s, b in zip(stated, bounded, strict=True)] + [1]) * 1.35)
    for ax in (top, bottom):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xlim(data.years[0] - 0.6, data.years[-1] + 0.6)
    handles = [
        Line2D([], [], color=_MEMBERS, marker="o", markersize=4, label="members at year end"),
        Patch(color=_COLOUR, label="joined: date stated"),
        Patch(
            facecolor="white",
            edgecolor=_COLOUR,
            hatch="////",
            label="joined: date known only as a range, counted in the year of its latest bound",
        ),
    ]
    _legend(figure, handles, 2, data.unplaced)


def _draw_chairs(figure, placed: list[Tenure], unplaced: list[str]) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.patches import Patch

    agencies = list(dict.fromkeys(t.agency for t in sorted(placed, key=_first_day)))
    figure.set_size_inches(8, 1.9 + 0.45 * max(len(agencies), 1))
    figure.suptitle("ISECG chair tenures (as far as the graph knows)", fontsize=11)
    if not placed:
        _nothing(figure, "No dated chair tenure in the graph.")
        if unplaced:
            _legend(figure, [], 1, unplaced)
        return
    ax = figure.subplots()
    days = [d for t in placed for s in (t.start, t.end) if s for d in (s.first, s.last)]
    first, last = min(days), max(days)
    fade = max(timedelta(days=365), (last - first) * 0.12)
    row = {a: i for i, a in enumerate(agencies)}
    height = 0.5

    def rect(lo: date, hi: date, y: float, **style) -> None:
        ax.broken_barh(
            [(date2num(lo), date2num(hi) - date2num(lo))], (y - height / 2, height), **style
        )

    for t in placed:
        y = row[t.agency]
        solid_from = t.start.last if t.start else None
        solid_to = t.end.first if t.end else None
        for s in (t.start, t.end):
            if s is not None and not s.exact:
                rect(s.first, s.last, y, facecolor="white", edgecolor=_COLOUR, hatch="////")
        if solid_from is not None and solid_to is not None and solid_from < solid_to:
            rect(solid_from, solid_to, y, facecolor=_COLOUR)
        elif solid_from is not None and solid_to is None:
            _faded(rect, solid_from, fade, y, out=True)
        elif solid_to is not None and solid_from is None:
            _faded(rect, solid_to - fade, fade, y, out=False)
        _label_tenure(ax, t, y, height, date2num)
    ax.set_yticks(range(len(agencies)), agencies)
    ax.set_ylim(len(agencies) - 0.4, -0.6)
    ax.set_xlim(date2num(first - fade * 1.1), date2num(last + fade * 1.1))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    handles = [
        Patch(color=_COLOUR, label="chair between stated dates"),
        Patch(
            facecolor="white",
            edgecolor=_COLOUR,
            hatch="////",
            label="start or end known only as a range",
        ),
        Patch(color=_COLOUR, alpha=0.3, label="open: start or end not stated (fades)"),
    ]
    _legend(figure, handles, 3, unplaced)


def _faded(rect, start: date, length: timedelta, y: float, *, out: bool) -> None:
    """A bar over ``length`` from ``start`` whose colour fades out (or in): an open end."""
    step = length / _FADE_STEPS
    for i in range(_FADE_STEPS):
        alpha = 0.9 * (1 - (i + 0.5) / _FADE_STEPS)
        if not out:
            alpha = 0.9 - alpha
        rect(start + step * i, start + step * (i + 1), y, facecolor=_COLOUR, alpha=alpha)


def _label_tenure(ax, t: Tenure, y: float, height: float, date2num) -> None:
    """The stated dates beside the bar, as the sources write them."""
    style = {"fontsize": 7, "va": "bottom", "color": "#333333"}
    top = y - height / 2 - 0.04
    if t.start is not None:
        text = f"began {t.start.text}" + (" (its meeting)" if t.start_from_meeting else "")
        ax.text(date2num(t.start.first), top, text, ha="left", **style)
    if t.end is not None:
        ax.text(date2num(t.end.last), top, f"ended {t.end.text}", ha="right", **style)


def _first_day(t: Tenure) -> date:
    return min(s.first for s in (t.start, t.end) if s is not None)


def _nothing(figure, message: str) -> None:
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555555")


def _legend(figure, handles: list, columns: int, unplaced: list[str]) -> None:
    """The legend below the chart; what could not be drawn, said above it."""
    note = None
    if unplaced:
        note = "Not drawn: " + "; ".join(unplaced[:6])
        if len(unplaced) > 6:
            note += f"; and {len(unplaced) - 6} more"
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=columns,
        frameon=False,
        fontsize=8,
        title=note,
        title_fontsize=7,
    )
