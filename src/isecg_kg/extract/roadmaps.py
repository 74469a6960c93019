"""Roadmaps: editions and supplements of the Global Exploration Roadmap, published or announced.

A roadmap is named ("Global Exploration Roadmap", "GER", with a year: "GER 2018", "the 2024
edition") or referred to once named ("the roadmap", "the third edition", "the supplement"). Each
mention takes from its clause: its kind (a supplement or an edition), its edition number where
the text says it ("the third edition", "version 2", "first issued"), its publication date (the
date a publication verb governs, the year in its name, "just published" on the report's day, the
month of its file's upload path) or, where the words announce it ("the next edition", "is
expected to be published"), that it is only announced. Mentions of one roadmap (same kind and
year, or same edition) are one fact; editions implied by their neighbours ("follows version 1 in
2011 and version 2 in 2013") are facts of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..facts import Roadmap
from .context import Context, Sent, resolve_date
from .lexicon import Match
from .roles import clause
from .tables import due_cell
from .tokens import Token

TITLE = "Global Exploration Roadmap"
SUPPLEMENT_TITLE = "Global Exploration Roadmap Supplement"
_YEAR_MIN, _YEAR_MAX = 2007, 2040
_SHORT_LINE = 16  # tokens: a line of a table or a list, not prose


@dataclass
class _Mention:
    sent: Sent
    start: int
    end: int
    named: bool
    supplement: bool = False
    year: int | None = None
    edition: int | None = None
    published: str | None = None
    announced: bool = False
    first_issued: bool = False
    url: str | None = None  # the document its words link to
    url_month: str | None = None  # the month that linked file was uploaded
    expected: str | None = None  # when an announced roadmap is to appear ("late 2023")
    date_at: int | None = None  # the token of the date it took
    title: str | None = None  # the title as quoted, where the name opens a quotation
    year_at: int | None = None  # the token of the year written before its name


def _year(t: Token) -> int | None:
    if t.is_num and t.value and _YEAR_MIN <= t.value <= _YEAR_MAX and len(t.text) == 4:
        return t.value
    return None


def _date_year(sent: Sent, t: Token) -> int | None:
    """A bare year tokenised as a date ("the 2018 GER")."""
    if t.kind != "date":
        return None
    dm = sent.date_of(t)
    if dm.year and dm.month is None and dm.prep is None and _YEAR_MIN <= dm.year <= _YEAR_MAX:
        return dm.year
    return None


def _mentions(
    ctx: Context, sent: Sent, named_before: bool, named_last: bool = False
) -> list[_Mention]:
    lex, toks = ctx.lex, sent.toks
    names = lex.phrases("roadmap.names").find(toks)
    supp_words = lex.words("roadmap.supplement")
    corefs = lex.phrases("roadmap.coref").find(toks)
    editions = lex.words("roadmap.edition_nouns")
    out: list[_Mention] = []
    spans: list[tuple[int, int]] = []
    for m in names:
        out.append(_Mention(sent, m.start, m.end, True, title=_quoted(ctx, toks, m.start)))
        spans.append((m.start, m.end))
    for k, t in enumerate(toks):  # "GER3", "GER-2018"
        if t.kind == "word" and t.key.startswith("ger") and t.key[3:].lstrip("-").isdigit():
            digits = t.key[3:].lstrip("-")
            mention = _Mention(sent, k, k + 1, True)
            if len(digits) == 4:
                mention.year = int(digits)
            elif len(digits) == 1:
                mention.edition = int(digits)
            out.append(mention)
            spans.append((k, k + 1))
    for m in corefs:
        if any(a <= m.start < b or m.start <= a < m.end for a, b in spans):
            continue
        word = toks[m.start].key
        if word in editions or word in ("edition", "version", "iteration"):
            # "the third edition", "version 2", "the 2024 edition", "a new edition"
            has_ord = m.start > 0 and (
                toks[m.start - 1].is_ord
                or _year(toks[m.start - 1])
                or _date_year(sent, toks[m.start - 1])
            )
            has_num = m.end < len(toks) and toks[m.end].is_num and not _year(toks[m.end])
            if not (named_before or names) or not (has_ord or has_num or _announcing(ctx, sent, m)):
                continue
            if not (has_ord or has_num or names or named_last or _roadmap_after(ctx, toks, m.end)):
                continue  # "the next iteration of the document": no roadmap named near
        elif word not in ("roadmap", "roadmaps"):
            continue
        if not (named_before or names):
            continue
        out.append(_Mention(sent, m.start, m.end, False))
    for t_idx, t in enumerate(toks):
        if t.key in supp_words:
            # "GER Supplement", "Supplement to the GER", "the 2022 Supplement": the word
            # belongs to the name it stands beside, else it is a mention of its own
            near = [
                x
                for x in out
                if 0 <= t_idx - x.end <= 1
                or (
                    0 <= x.start - t_idx <= 4
                    and all(
                        k.key in ("to", "the", "of", "isecg", "isecg's")
                        for k in toks[t_idx + 1 : x.start]
                    )
                )
            ]
            if near:
                for x in near:
                    x.supplement = True
                    x.start = min(x.start, t_idx)  # "supplement to the roadmap": one phrase
            elif named_before or names:
                out.append(_Mention(sent, t_idx, t_idx + 1, False, supplement=True))
    out.sort(key=lambda x: x.start)
    return _dedupe(out)


_OPEN_QUOTES, _CLOSE_QUOTES = frozenset("\"“‘«'"), frozenset("\"”’»'")
_DASHES = str.maketrans({"–": "-", "—": "-"})
_TITLE_MAX = 24  # tokens: a title, not a quoted passage


def _quoted(ctx: Context, toks: list[Token], i: int) -> str | None:
    """The whole title when a roadmap's name opens a quotation: “Global Exploration Roadmap
    Supplement – Lunar Surface Exploration Scenario Update”."""
    if i == 0 or toks[i - 1].text not in _OPEN_QUOTES:
        return None
    for j in range(i + 1, min(len(toks), i + _TITLE_MAX)):
        if toks[j].text in _CLOSE_QUOTES:
            title = ctx.written(toks[i].start, toks[j - 1].end)
            return " ".join(title.translate(_DASHES).split())
    return None


# Words that may stand in a roadmap's noun phrase before its name ("the new 2018 GER").
_MODIFIERS = frozenset(
    (
        "the",
        "its",
        "a",
        "an",
        "isecg",
        "isecg's",
        "group's",
        "new",
        "latest",
        "updated",
        "current",
        "original",
        "initial",
        "first",
        "'s",
        "our",
        "this",
        "that",
        "these",
        "lunar",
        "mars",
        "of",
        "edition",
        "version",
        "iteration",
        "issue",
        "update",
        "supplement",
    )
)
_APPOSITION = frozenset({",", "the", "its", "a", "an", "-", "(", ")", "isecg's", "group's", "of"})


def _roadmap_after(ctx: Context, toks: list[Token], j: int) -> bool:
    """Whether a roadmap's name (or the word "roadmap") follows an edition noun: "the next
    edition of the roadmap"."""
    names = ctx.lex.phrases("roadmap.names")
    for k in range(j, min(len(toks), j + 4)):
        if names.at(toks, k) or toks[k].key in ("roadmap", "ger"):
            return True
    return False


def _dedupe(ms: list[_Mention]) -> list[_Mention]:
    """One mention for words that name one roadmap: "the Global Exploration Roadmap (GER)",
    "the GER 2024, the fourth edition of the roadmap"."""
    out: list[_Mention] = []
    for m in ms:
        gap = m.sent.toks[out[-1].end : m.start] if out else []
        apposed = (
            bool(out)
            and not (m.named and out[-1].named)
            and all(t.key in _APPOSITION or t.is_ord or _year(t) for t in gap)
            and len(gap) <= 5
        )
        touching = bool(out) and m.start <= out[-1].end + 1 and all(t.kind == "punct" for t in gap)
        if out and (apposed or touching):
            prev = out[-1]
            prev.end = max(prev.end, m.end)
            prev.named = prev.named or m.named
            prev.supplement = prev.supplement or m.supplement
            prev.year = prev.year or m.year
            prev.edition = prev.edition or m.edition
            prev.title = prev.title or m.title
            continue
        out.append(m)
    return out


_ATTACHED = frozenset(
    (
        "in",
        "on",
        "of",
        "(",
        ",",
        "dated",
        "from",
        "published",
        "released",
        "issued",
        "unveiled",
        "presented",
        "launched",
        "updated",
        "adopted",
        "first",
        "was",
        "were",
        "appeared",
        "out",
    )
)


def _nearest(ms: list[_Mention], a: int, b: int) -> _Mention | None:
    """The mention tokens ``a``..``b`` speak of: the one right before them when only a
    preposition or its own number stands between ("version 1 in 2011"), else the nearest
    (the one after on a tie)."""
    before = [m for m in ms if m.end <= a]
    if before:
        last = max(before, key=lambda m: m.end)
        toks = last.sent.toks
        if all(t.key in _ATTACHED or t.is_num for t in toks[last.end : a]) and a - last.end <= 5:
            return last

    def distance(m: _Mention) -> tuple[int, int]:
        if b <= m.start:
            return m.start - b, 0
        if a >= m.end:
            return a - m.end, 1
        return 0, 0

    return min(ms, key=distance) if ms else None


def _announcing(
    ctx: Context, sent: Sent, m: Match | _Mention, ms: list[_Mention] | None = None
) -> bool:
    toks = sent.toks
    left, right = clause(ctx, sent, m.start, m.end)
    phrases = ctx.lex.phrases("roadmap.announced")
    found = phrases.find(toks, max(left, m.start - 6), min(right, m.end + 10))
    if ms:
        found = [f for f in found if _nearest(ms, f.start, f.end) is m]
    # a coming edition as the subject of a future verb: "The third GER will update ..."
    if getattr(m, "edition", None) or any(
        t.key in ("new", "next", "updated", "fourth", "fifth")
        for t in toks[max(0, m.start - 3) : m.end]
    ):
        found += ctx.lex.phrases("modality.future").find(toks, m.end, min(right, m.end + 2))
    if not found:
        return False
    habitual = ctx.lex.phrases("roadmap.habitual").find(toks, left, right)
    return not habitual


def _fill(ctx: Context, m: _Mention, others: list[_Mention]) -> None:
    """Edition, year, publication and announcement from the mention's clause."""
    sent, toks = m.sent, m.sent.toks
    left, right = clause(ctx, sent, m.start, m.end)
    # the year and edition written in the name's noun phrase
    k = m.start - 1
    while k >= left and m.start - k <= 5:
        t = toks[k]
        if t.kind == "punct" and t.key not in ("'s", "-"):
            break
        if t.is_word and not t.is_ord and t.key not in _MODIFIERS:
            break  # "... follows version 1": a verb ends the name's noun phrase
        y = _year(t) or _date_year(sent, t)
        if y and m.year is None:
            m.year, m.year_at = y, k
        if t.is_ord and t.value and m.edition is None and t.value < 10 and not _rank(ctx, sent, m):
            m.edition = t.value
        k -= 1
    for k in range(m.start, m.end - 1):  # "GER, 1st edition" read as one mention
        if toks[k].is_ord and toks[k + 1].key in ("edition", "version") and m.edition is None:
            m.edition = toks[k].value
    j = m.end
    while j < right and j - m.end <= 6:
        t = toks[j]
        if t.key in ("(", ")", "-", ",") and j - m.end <= 1:
            j += 1
            continue
        y = _year(t) or _date_year(sent, t)
        if y and m.year is None and j - m.end <= 2:
            m.year = y
        attached = j - m.end <= 3 and all(
            x.key in (",", "(", "of", "dated") for x in toks[m.end : j]
        )
        if t.kind == "date" and attached and m.published is None:
            when = resolve_date(ctx, sent.date_of(t))  # "the second edition (August 2013)"
            if when is not None and when.value:
                m.published = when.value
        adjacent = j == m.end or (j == m.end + 1 and toks[m.end].kind == "punct")
        if t.key in ("edition", "version", "iteration") and j + 1 < len(toks) and adjacent:
            nxt = toks[j + 1]
            if nxt.is_num and not _year(nxt) and m.edition is None:
                m.edition = nxt.value  # "GER, version 2"
        if (
            t.key in ("edition", "version")
            and toks[j - 1].is_ord
            and m.edition is None
            and (j - 1 == m.end or (j - 2 == m.end and toks[m.end].kind == "punct"))
        ):
            m.edition = toks[j - 1].value  # "GER, 3rd edition"
        if t.kind == "date":
            break  # what follows a date is another item's
        if t.kind == "agency" or t.key in (".", ";"):
            break
        j += 1
    if m.start + 1 < len(toks) and toks[m.start].key in ("version", "edition"):
        nxt = toks[m.start + 1]
        if nxt.is_num and not _year(nxt):
            m.edition = nxt.value  # "version 2": its own number first
    m.announced = _announcing(ctx, sent, m, others)
    published = ctx.lex.phrases("roadmap.published")
    verbs = [v for v in published.find(toks, left, right)]
    first = ctx.lex.phrases("roadmap.first").find(toks, left, right)
    if (
        first
        and m.edition is None
        and any(abs(v.start - m.end) <= 8 or abs(m.start - v.end) <= 8 for v in first)
        and not _rank(ctx, sent, m)
    ):
        m.first_issued = True
        m.edition = 1
    dates = [
        (k, sent.date_of(t)) for k, t in enumerate(toks) if t.kind == "date" and left <= k < right
    ]
    near = [
        (k, dm)
        for k, dm in dates
        if not ctx.is_dateline(dm)
        and dm.prep not in ("since", "until", "by", "before")
        and any(
            v.end <= k <= v.end + 4
            or k < v.start <= k + 3
            or (v.end <= m.start and m.end <= k <= m.end + 4)
            or (k <= 1 and k < v.start)
            for v in verbs
        )  # "Yesterday ISECG released"
        and _nearest(others, k, k + 1) is m
    ]
    entry = ctx.entry_date(sent)
    if entry is not None and not m.announced and not near:
        near = [(0, entry)]
    if not near and not m.announced and len(toks) <= _SHORT_LINE:
        # a line that is only the roadmap and its date: "GER, 3rd edition | January 2018"
        near = [
            (k, dm)
            for k, dm in dates
            if ctx.governor(sent, k) in ("", "event")
            and ctx.tense(sent, dm) != "future"
            and not due_cell(ctx, sent, dm.start)
        ][:1]
    if m.first_issued:  # "Originally issued in May 2010, the GER was revised last year"
        near = [x for x in near if any(f.end <= x[0] <= f.end + 3 for f in first)] or near
    if near and not m.announced and m.published is None:
        k, dm = min(near, key=lambda x: min(abs(x[0] - m.start), abs(x[0] - m.end)))
        when = resolve_date(ctx, dm)
        if (
            when is not None
            and when.value
            and (m.year is None or when.value.startswith(str(m.year)))
        ):
            m.published = when.value
            m.date_at = k
    if m.announced and m.published:
        m.announced = False
    if m.announced:
        m.expected = _expected(ctx, sent, dates, m)
    if (
        not m.published
        and not m.announced
        and m.url_month
        and ((m.year and m.url_month.startswith(str(m.year))) or verbs or first)
    ):  # the file's upload month, where the words speak of its publication
        m.published = m.url_month
    if (
        not m.published
        and not m.announced
        and ctx.lex.phrases("roadmap.published").find(toks, max(left, m.start - 3), m.start)
    ):
        words = {t.key for t in toks[max(0, m.start - 4) : m.start]}
        if words & {"just", "newly", "recently", "today"} and ctx.published:
            m.published = ctx.published


def _expected(ctx: Context, sent: Sent, dates: list, m: _Mention) -> str | None:
    """When an announced roadmap is to appear: a date its clause sets ahead ("is scheduled to
    be published in late 2023"), else the year in its name ("the 2026 edition")."""
    for k, dm in dates:
        if ctx.is_dateline(dm) or dm.prep in ("since", "until", "before"):
            continue
        if _nearest([m], k, k + 1) is m and ctx.tense(sent, dm) != "past":
            when = resolve_date(ctx, dm)
            if when is not None and when.value:
                return dm.phrase() if dm.qualifier else when.value
    return str(m.year) if m.year else None


def _expected_after(ctx: Context, m: _Mention) -> str | None:
    """The date the next sentences set for an announced roadmap they speak of ("Work continues
    on the upcoming edition ... It is scheduled to be published in late 2023.")."""
    opener = ctx.lex.phrases("roadmap.anaphora")
    announced = ctx.lex.phrases("roadmap.announced")
    for sent in ctx.sents[m.sent.index + 1 : m.sent.index + 3]:
        if sent.paragraph != m.sent.paragraph and sent.index > m.sent.index + 1:
            break
        if opener.at(sent.toks, 0) is None or not announced.find(sent.toks):
            continue
        dates = [(k, sent.date_of(t)) for k, t in enumerate(sent.toks) if t.kind == "date"]
        for _, dm in dates:
            if ctx.is_dateline(dm) or ctx.tense(sent, dm) == "past":
                continue
            when = resolve_date(ctx, dm)
            if when is not None and when.value:
                return dm.phrase() if dm.qualifier else when.value
    return None


def _rank(ctx: Context, sent: Sent, m: _Mention) -> bool:
    """ "the first roadmap to put the Gateway at the centre": a rank, not an edition."""
    return m.end < len(sent.toks) and sent.toks[m.end].key in ctx.lex.words("roadmap.rank_after")


def _link(ctx: Context, m: _Mention) -> tuple[str | None, str | None]:
    """The document a mention's words link to, and the month it was uploaded (from its path,
    /uploads/2020/08/)."""
    a, b = m.sent.toks[m.start].start, m.sent.toks[m.end - 1].end
    for link in ctx.doc.links:
        if link.start <= b and a <= link.end:
            parts = link.href.split("/uploads/")
            if len(parts) == 2:
                ym = parts[1].split("/")[:2]
                if len(ym) == 2 and ym[0].isdigit() and ym[1].isdigit() and len(ym[0]) == 4:
                    return link.href, f"{ym[0]}-{ym[1]}"
            return link.href, None
    return None, None


def _key(m: _Mention) -> tuple:
    return (m.supplement, m.year or (m.published[:4] if m.published else None), m.edition)


def _years_before(sent: Sent, m: _Mention) -> list[int]:
    """Years joined to the one before a name, each a roadmap of its own: "the 2020 and 2022
    lunar supplements"."""
    out: list[int] = []
    k = m.year_at
    while k is not None and k >= 2 and sent.toks[k - 1].key in (",", "and", "&"):
        y = _year(sent.toks[k - 2]) or _date_year(sent, sent.toks[k - 2])
        if y is None:
            break
        out.append(y)
        k -= 2
    return out


def _compatible(a: _Mention, b: _Mention) -> bool:
    if a.supplement != b.supplement or a.announced != b.announced:
        return False
    if a.announced and not (a.edition and b.edition and a.edition != b.edition):
        return True  # one coming edition of each kind
    ya = a.year or (int(a.published[:4]) if a.published else None)
    yb = b.year or (int(b.published[:4]) if b.published else None)
    if ya and yb and ya != yb:
        return False
    if a.edition and b.edition and a.edition != b.edition:
        return False
    return bool((ya and yb) or (a.edition and b.edition and a.edition == b.edition))


_SERIES_SKIP = frozenset(
    (
        ",",
        "and",
        ";",
        "the",
        "in",
        "on",
        "of",
        "(",
        ")",
        "then",
        "later",
        "a",
        "its",
        "followed",
        "by",
        "with",
        "while",
        "&",
    )
)


def _series(ctx: Context, m: _Mention) -> list[tuple[int | None, str]]:
    """Editions told in a row after the one a mention took its date from: "The first edition
    was published in September 2011, the second in August 2013 and the third in January
    2018", "follows version 1 in 2011 and version 2 in 2013", "issued in 2011, 2013 and
    2018": (edition, published) for each further one."""
    if m.date_at is None:
        return []
    sent, toks = m.sent, m.sent.toks
    verbs = ctx.lex.phrases("roadmap.published")
    editions = ctx.lex.words("roadmap.edition_nouns")
    out: list[tuple[int | None, str]] = []
    j, ordinal = m.date_at + 1, None
    while j < len(toks):
        t = toks[j]
        verb = verbs.at(toks, j)
        if t.kind == "date":
            dm = sent.date_of(t)
            when = resolve_date(ctx, dm)
            if when is None or not when.value or ctx.governor(sent, j) in ("other", "upper"):
                break
            if ctx.tense(sent, dm) == "future":
                break
            out.append((ordinal, when.value))
            ordinal = None
            j += 1
        elif t.is_ord and ordinal is None:
            ordinal = t.value
            j += 1
        elif t.key in editions:
            if j + 1 < len(toks) and toks[j + 1].is_num and ordinal is None:
                ordinal = toks[j + 1].value  # "version 2"
                j += 1
            j += 1
        elif verb is not None:
            j = verb.end
        elif t.key in _SERIES_SKIP:
            j += 1
        else:
            break
    return out


def _at_meeting(ctx: Context, m: _Mention, meeting_days: dict[int, str]) -> str | None:
    """The day of the meeting a roadmap was published at: released in a sentence that tells
    of a meeting ("On the occasion of the meeting, ISECG released the fourth edition")."""
    day = meeting_days.get(m.sent.index)
    if day is None or m.published or m.announced:
        return None
    toks = m.sent.toks
    verbs = ctx.lex.phrases("roadmap.published").find(toks, max(0, m.start - 6), m.start)
    fresh = (
        m.edition
        or m.year
        or any(t.key in ("new", "latest", "updated") for t in toks[max(0, m.start - 3) : m.end])
    )
    for v in verbs:
        if toks[v.start].key not in _RELEASE_VERBS:
            continue
        if (
            toks[v.start].key in ("presented", "presents")
            and not fresh
            and v.start > 0
            and toks[v.start - 1].kind == "agency"
        ):
            continue  # "NASA presented the GER to the delegations": shown, not released
        return day
    return None


_RELEASE_VERBS = frozenset(
    (
        "released",
        "published",
        "issued",
        "unveiled",
        "presented",
        "launched",
        "publishes",
        "releases",
        "unveils",
        "presents",
    )
)


def _copular(ms: list[_Mention]) -> list[_Mention]:
    """ "The 2013 GER, released last August, is the second edition": the edition a sentence
    says a named roadmap is belongs to it."""
    out: list[_Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not m.named
            and m.edition
            and not (m.year or m.published)
            and prev.edition is None
            and any(
                t.key in ("is", "was", "becomes", "became") for t in m.sent.toks[prev.end : m.start]
            )
        ):
            prev.edition = m.edition
            continue
        out.append(m)
    return out


def find_roadmaps(ctx: Context, meeting_days: dict[int, str] | None = None) -> list[Roadmap]:
    """The roadmap editions and supplements a document speaks of, one fact each;
    ``meeting_days``: sentence -> the day of the meeting it tells of."""
    mentions: list[_Mention] = []
    named, last = False, -2
    for sent in ctx.sents:
        ms = _mentions(ctx, sent, named, named_last=sent.index - last == 1)
        for m in ms:
            m.url, m.url_month = _link(ctx, m)
            _fill(ctx, m, ms)
            m.published = m.published or _at_meeting(ctx, m, meeting_days or {})
        ms = _copular(ms)
        named = named or any(m.named for m in ms)
        last = sent.index if any(m.named for m in ms) else last
        mentions.extend(ms)
        for m in ms:  # the editions told in a row after it are mentions of their own
            for edition, published in _series(ctx, m):
                mentions.append(
                    _Mention(sent, m.start, m.end, m.named, m.supplement, None, edition, published)
                )
            for year in _years_before(sent, m):
                mentions.append(
                    _Mention(
                        sent, m.start, m.end, m.named, m.supplement, year, announced=m.announced
                    )
                )
    facts: list[_Mention] = []
    for m in mentions:
        target = next((f for f in facts if _compatible(f, m)), None)
        if target is None and not m.named and not (m.year or m.published) and facts:
            last = facts[-1]  # "The roadmap, published for the first time, ...": the one before
            if (
                last.supplement == m.supplement
                and last.announced == m.announced
                and (last.edition is None or last.edition == m.edition)
                and (m.sent.index - last.sent.index <= 1)
            ):
                target = last
        if (
            target is None
            and not m.named
            and m.announced
            and not (m.year or m.edition or m.published)
            and not _another(ctx, m)
        ):
            # "The roadmap will be released in September", "the new edition succeeds ...":
            # a reference to the roadmap named before, whatever its clause says of plans
            target = next(
                (
                    f
                    for f in reversed(facts)
                    if f.supplement == m.supplement and not f.announced and f.named
                ),
                None,
            )
        if target is None:
            if not m.named and not (m.year or m.edition or m.published or m.announced):
                continue  # a bare "the roadmap" speaks of one already counted
            facts.append(m)
            continue
        target.published = _finer(target.published, m.published)
        target.year = target.year or m.year
        target.edition = target.edition or m.edition
        target.title = target.title or m.title
        target.url = target.url or m.url
        target.expected = target.expected or m.expected
    for f in facts:
        if f.announced and f.expected is None:
            f.expected = _expected_after(ctx, f)
    dated_kinds = {f.supplement for f in facts if f.year or f.published or f.edition}
    out = []
    for f in facts:
        bare = not (f.year or f.published or f.edition or f.announced)
        if bare and f.supplement in dated_kinds:
            continue
        published = f.published or (str(f.year) if f.year and not f.announced else None)
        out.append(
            Roadmap(
                title=f.title or (SUPPLEMENT_TITLE if f.supplement else TITLE),
                evidence=ctx.evidence(f.sent),
                supplement=f.supplement,
                edition=f.edition,
                published=published,
                announced=f.announced and not published,
                expected=f.expected if f.announced and not published else None,
                url=f.url,
            )
        )
    return _number_earlier(_one_each(out))


_ANOTHER_REACH = 6  # tokens before a roadmap's noun where "next", "updated" still qualify it


def _another(ctx: Context, m: _Mention) -> bool:
    """Whether an unnamed mention's words say it is another edition than the one named
    ("the next edition", "an upcoming update")."""
    words = ctx.lex.words("roadmap.another")
    toks = m.sent.toks
    if any(t.key in words for t in toks[max(0, m.start - _ANOTHER_REACH) : m.end]):
        return True
    # "to be published as a new supplement": an indefinite article heads the noun phrase
    det = next(
        (
            t.key
            for t in reversed(toks[max(0, m.start - 3) : m.start])
            if t.key in ("a", "an", "the", "this", "that", "its", "their")
        ),
        None,
    )
    return det in ("a", "an")


def _number_earlier(found: list[Roadmap]) -> list[Roadmap]:
    """ "The third edition ... builds on the editions released in 2011 and 2013": when one
    edition's number is stated and exactly that many earlier dated editions are named
    without one, they are the editions before it, in order."""
    editions = [r for r in found if not r.supplement and r.edition and r.published]
    if len(editions) != 1:
        return found
    top = editions[0]
    earlier = sorted(
        (
            r
            for r in found
            if not r.supplement
            and r.edition is None
            and r.published
            and r.published[:4] < top.published[:4]
        ),
        key=lambda r: r.published,
    )
    if len(earlier) != top.edition - 1:
        return found
    numbers = {id(r): n for n, r in enumerate(earlier, 1)}
    return [replace(r, edition=numbers[id(r)]) if id(r) in numbers else r for r in found]


def _finer(a: str | None, b: str | None) -> str | None:
    if a and b and (b.startswith(a) and len(b) > len(a)):
        return b
    return a or b


def _one_each(found: list[Roadmap]) -> list[Roadmap]:
    """One fact per roadmap: same kind and the same year or edition."""
    out: list[Roadmap] = []
    for r in found:
        same = next(
            (
                o
                for o in out
                if o.supplement == r.supplement
                and (
                    (o.published and r.published and o.published[:4] == r.published[:4])
                    or (
                        o.edition
                        and r.edition
                        and o.edition == r.edition
                        and not (o.published and r.published and o.published[:4] != r.published[:4])
                    )
                )
            ),
            None,
        )
        if same is None:
            out.append(r)
            continue
        idx = out.index(same)
        out[idx] = Roadmap(
            same.title,
            same.evidence,
            same.supplement,
            same.edition or r.edition,
            _finer(same.published, r.published),
            (same.announced or r.announced) and not (same.published or r.published),
            same.expected or r.expected,
            same.url or r.url,
        )
    return out
