"""Roadmaps: editions and supplements of the Global Exploration Roadmap, published or announced.

A mention of the roadmap ("the 2018 Global Exploration Roadmap", "the GER", "the roadmap", "the
Supplement to the Global Exploration Roadmap", "a supplement to the roadmap", "the 2022
Supplement") takes what its sentence says of it: an edition ("the fifth edition", "first issued"
-> 1), a publication date (after "published/issued/released", a year label such as "GER 2024" or
"the 2018 edition of", made finer by a release day or upload folder of that year, a linked file's
upload folder when the text says it was just published), or an announcement ("the next edition
... expected to be published in the middle of 2013", "will publish an update", a year label after
the report's own year; "the next version is expected ..." just after a sentence naming it).
Mentions of one roadmap in one document become one fact; a mention that says nothing new adds none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..facts import Roadmap
from .context import Context, resolve_date
from .dates import DateMention, relative_day
from .gazetteer import ordinal
from .patterns import (
    ANNOUNCED,
    EDITION,
    EDITION_BEFORE,
    EDITION_BEFORE_VERB,
    EDITION_IS,
    EDITION_ORDINAL,
    EXPECTED_PRONOUN,
    FIRST_ISSUED,
    HABITUAL_UPDATE,
    JUST_PUBLISHED,
    NEXT_EDITION,
    ORDINAL_WORD,
    PUBLISHED,
    ROADMAP,
    ROADMAP_COREF,
    SUPERLATIVE_AFTER,
    SUPPLEMENT_REF,
    SUPPLEMENT_WORD,
    UPLOAD_DATE,
    YEAR_BEFORE,
)
from .text import Sentence

TITLE = "Global Exploration Roadmap"
SUPPLEMENT_TITLE = "Global Exploration Roadmap Supplement"
_AT_MEETING = re.compile(
    r"\b(?:on the occasion of|at|during)\s+(?:the|this|that|today's)\s+"
    r"(?:[\w-]+\s+){0,3}?meeting\b",
    re.I,
)
_RELEASE_VERB = re.compile(r"(?i:published|released|issued|unveiled|launched)")
_QUOTED = re.compile(r"[\"“]([^\"”]{10,200})[\"”]")


@dataclass
class _Mention:
    s: Sentence
    start: int  # document offsets
    end: int
    supplement: bool
    explicit: bool
    year: str | None = None
    edition: int | None = None  # "GER3"


def _mentions(ctx: Context, s: Sentence, explicit_doc: bool) -> list[_Mention]:
    found: list[_Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= m.start or a >= m.end for m in found)

    for rule in ROADMAP:
        for m in rule.finditer(s.text):
            a, b = s.span(m)
            if free(a, b):
                g = m.groupdict()
                year = g.get("year") or g.get("pyear") or g.get("gyear") or g.get("gpre")
                year = year or g.get("gpyear")
                gnum = int(g["gnum"]) if g.get("gnum") else None
                found.append(_Mention(s, a, b, bool(g.get("supp")), True, year, gnum))
    if explicit_doc:
        for rule in (*SUPPLEMENT_REF, ROADMAP_COREF):
            for m in rule.finditer(s.text):
                a, b = s.span(m)
                if not free(a, b):
                    continue
                supp, second = bool(m.group("supp")), m.groupdict().get("year2")
                if second:  # one mention for each year, split where the second starts
                    cut = s.start + m.start("year2")
                    found.append(_Mention(s, a, cut, supp, False, m.group("year")))
                    found.append(_Mention(s, cut, b, supp, False, second))
                else:
                    found.append(_Mention(s, a, b, supp, False, m.groupdict().get("year")))
    for m in found:
        label = YEAR_BEFORE.search(s.text[max(0, m.start - s.start - 40) : m.start - s.start])
        if m.year is None and label:
            m.year = label.group("year")
    found.sort(key=lambda m: m.start)
    return found


def _title(ctx: Context, m: _Mention) -> str:
    """The title as the source gives it in quotes or a link, else the roadmap's usual title."""
    s = m.s
    for q in _QUOTED.finditer(s.text):
        a, b = s.span(q)
        if a <= m.start < b and "Global Exploration Roadmap" in q.group(1):
            return q.group(1).strip()
    return SUPPLEMENT_TITLE if m.supplement else TITLE


def _link(ctx: Context, m: _Mention) -> tuple[str | None, str | None]:
    """The URL of a link over the mention, and the month its file was uploaded."""
    for link in ctx.doc.links:
        words = link.text.casefold()
        if link.start <= m.end and m.start <= link.end and ("roadmap" in words or m.supplement):
            up = UPLOAD_DATE.search(link.href)
            return link.href, f"{up.group('y')}-{up.group('m')}" if up else None
    return None, None


@dataclass(frozen=True)
class _Dated:
    value: str
    edition: int | None
    supplement: bool = False  # after "supplements" in a list: "2018, and supplements in 2020"


def _clause_dates(
    ctx: Context, s: Sentence, start: int, end: int, lead: int | None = None
) -> list[_Dated]:
    """Publication dates between two offsets, each with the ordinal written just before it
    ("the first edition ... in September 2011, the second in August 2013"); ``lead``: where the
    words before the verb begin, for an ordinal standing just before it ("its second edition,
    released in August 2013")."""
    out: list[_Dated] = []
    prev = start
    supplement = False
    for d in ctx.dates[s.index]:
        if not start <= d.start < end or d.weekday_only or ctx.tense(s, d) == "future":
            continue
        if ctx.is_dateline(d):
            continue
        value = _value(ctx, d)
        if value is None:
            continue
        ords = list(EDITION_ORDINAL.finditer(ctx.text.folded, prev, d.start))
        edition = ordinal(ords[-1].group("ord")) if ords else None
        if edition is None and lead is not None and not out:
            before = EDITION_BEFORE_VERB.search(ctx.text.folded, lead, start)
            edition = ordinal(before.group("ord")) if before else None
        # "supplements" before the verb of the clause counts for its first date: "the third
        # edition, published in January 2018, and two supplements published in August 2020"
        since = lead if lead is not None and not out else prev
        supplement = supplement or bool(SUPPLEMENT_WORD.search(ctx.text.folded, since, d.start))
        out.append(_Dated(value, edition, supplement))
        prev = d.end
    return out


def _value(ctx: Context, d: DateMention) -> str | None:
    """A past date's value; a relative date counted from publication, a missing year inferred."""
    if d.relative:
        return relative_day(d, ctx.published)
    if d.weekday_only:  # "on Thursday unveiled": the last Thursday up to the report
        when = resolve_date(ctx, d)
        return when.value if when else None
    if d.value is not None or (d.day is None and d.month is None):
        return d.value
    when = resolve_date(ctx, d)
    return when.value if when else None


def _published(ctx: Context, s: Sentence, ms: list[_Mention]) -> dict[int, list[_Dated]]:
    """Publication dates in a sentence, by the mention they belong to (index into ``ms``)."""
    out: dict[int, list[_Dated]] = {}
    verbs = list(PUBLISHED.finditer(s.text))
    for k, v in enumerate(verbs):
        a = s.start + v.end()
        stop = s.start + verbs[k + 1].start() if k + 1 < len(verbs) else s.end
        clause = re.search(r"[;]|\. ", s.text[v.end() : stop - s.start])
        if clause:
            stop = a + clause.start()
        lead = max([s.start] + [d.end for d in ctx.dates[s.index] if d.end <= s.start + v.start()])
        dates = _clause_dates(ctx, s, a, stop, lead)
        if not dates:  # "today unveiled", "on Thursday released": a day named before the verb,
            # or opening the sentence: "Today the group released ..."
            dates = [
                _Dated(value, None)
                for d in ctx.dates[s.index]
                if (d.relative or d.weekday_only)
                and (
                    not ctx.text.folded[d.end : s.start + v.start()].strip()
                    or (d.start == s.start and d.qualifier in ("today", "yesterday"))
                )
                and (value := _value(ctx, d))
            ]
        if not dates and _RELEASE_VERB.fullmatch(v.group()) and _AT_MEETING.search(s.text):
            # "On the occasion of the meeting, ISECG released the fourth edition": its day
            local = ctx.meeting_for(s)
            when = ctx.meeting_when.get(local) if local is not None else None
            dates = [_Dated(when.value, None)] if when and when.value else []
        if not dates:
            opening = [d for d in ctx.dates[s.index] if d.prep in ("in", "during")]
            dates = _clause_dates(ctx, s, s.start, s.start + v.start()) if opening else []
            dates = [d for d in dates if any(o.value == d.value for o in opening)][-1:]
        if not dates or ANNOUNCED.search(s.text[max(0, v.start() - 30) : v.end()]):
            continue
        vpos = s.start + v.start()
        before = [i for i, m in enumerate(ms) if m.end <= vpos]
        after = [i for i, m in enumerate(ms) if m.start >= vpos]
        if v.group().casefold().endswith(" of") and after:  # "the release of the third edition"
            before = []
        target = before[-1] if before else after[0] if after else None
        if target is not None:
            out.setdefault(target, []).extend(dates)
    return out


def _near(rule: re.Pattern[str], s: Sentence, m: _Mention, before: int, after: int):
    a, b = m.start - s.start, m.end - s.start
    return rule.search(s.text[max(0, a - before) : b + after])


def _before(s: Sentence, m: _Mention, width: int) -> str:
    """The words of the mention's own clause just before it."""
    text = s.text[max(0, m.start - s.start - width) : m.start - s.start]
    return text[text.rfind(";") + 1 :]


def _records(ctx: Context, s: Sentence, ms: list[_Mention]) -> list[tuple[_Mention, Roadmap]]:
    dated = _published(ctx, s, ms)
    out = []
    for i, m in enumerate(ms):
        ev = ctx.evidence(s)
        url, uploaded = _link(ctx, m)
        edition = m.edition
        ed = (
            None
            if edition
            else EDITION_BEFORE.search(s.text[max(0, m.start - s.start - 40) : m.start - s.start])
        )
        if not (ed or edition or SUPERLATIVE_AFTER.match(ctx.text.folded, m.end)):
            ed = ORDINAL_WORD.search(ctx.text.folded, m.start, m.end)  # "a third roadmap"
        ed = ed or (_near(EDITION, s, m, 40, 30) if not edition else None)
        ed = ed or (_near(EDITION_IS, s, m, 0, 60) if not edition else None)
        if ed:
            edition = ordinal(ed.group("ord"))
        elif _near(FIRST_ISSUED, s, m, 0, 40) or FIRST_ISSUED.search(_before(s, m, 40)):
            edition = 1
        # a year label not before the report's own year may name an edition still to come
        coming = not m.year or (ctx.published and m.year >= ctx.published[:4])
        announced = bool(_near(ANNOUNCED, s, m, 30, 40)) and coming and not dated.get(i)
        announced = announced and not _near(HABITUAL_UPDATE, s, m, 0, 60)
        dates = dated.get(i, []) or _entry_date(ctx, s, m) or _row_date(ctx, s)
        published = expected = None
        titled = _title_date(ctx, s, m)
        if m.year and ctx.published and (m.year > ctx.published[:4] or announced):
            announced, expected = True, m.year  # "the 2025 update" in a 2023 report
        elif m.year:
            finer = [d.value for d in dates if d.value.startswith(m.year)]
            published = next(iter(finer), None) or m.year
            if uploaded and uploaded.startswith(m.year) and len(uploaded) > len(published):
                published = uploaded
        elif titled:
            published = titled
        elif dates:
            published = dates[0].value
            edition = dates[0].edition or edition
        elif _near(JUST_PUBLISHED, s, m, 40, 40):
            today = re.search(r"today", s.text, re.I) and ctx.published
            published = uploaded or (ctx.published if today else None)
        base = Roadmap(
            _title(ctx, m), ev, m.supplement, edition, published, announced, expected, url
        )
        for d in dates[1:]:  # "updated in 2013 and 2018": one roadmap per date
            kind = d.supplement or m.supplement
            title = base.title if kind == m.supplement else SUPPLEMENT_TITLE
            other = replace(
                base, title=title, supplement=kind, url=None if kind != m.supplement else base.url
            )
            out.append((m, replace(other, published=d.value, edition=d.edition)))
        out.append((m, base))
    return out


def _entry_date(ctx: Context, s: Sentence, m: _Mention) -> list[_Dated]:
    """The date heading a timeline entry that names the roadmap: "August 2013 - Second edition
    of the Global Exploration Roadmap."; none for a plan."""
    for d in ctx.dates[s.index][:1]:
        after = ctx.text.folded[d.end : m.start]
        if (
            d.start == s.start
            and re.match(r"\s*[-–—:|]\s", after)
            and not ANNOUNCED.search(s.text)
            and ctx.tense(s, d) != "future"
        ):
            value = _value(ctx, d)
            return [_Dated(value, None)] if value else []
    return []


def _row_date(ctx: Context, s: Sentence) -> list[_Dated]:
    """The date in a publication table's "Released" column: "GER, 1st edition | September 2011"
    under "Document | Released"; none for a plan ("in preparation, expected 2024")."""
    row = ctx.rows.get(s.index)
    cell = row.cells.get("released") if row else None
    if cell is None or ANNOUNCED.search(cell.text):
        return []
    d = ctx.date_in(s, cell.start, cell.end)
    value = _value(ctx, d) if d and ctx.tense(s, d) != "future" else None
    return [_Dated(value, None)] if value else []


def _title_date(ctx: Context, s: Sentence, m: _Mention) -> str | None:
    """A date right after the title: "Global Exploration Roadmap Supplement, August 2020"."""
    for d in ctx.dates[s.index]:
        gap = ctx.text.folded[m.end : d.start]
        if (
            d.start >= m.end
            and _TITLE_DATE_GAP.fullmatch(gap)
            and d.prep in (None, "of", "from")
            and not _SPAN_AFTER.match(ctx.text.folded, d.end)
        ):
            return d.value if d.month is not None or d.qualifier is None else None
    return None


# "Supplement, August 2020", "the second edition, of August 2013", "the roadmap, from 2018"
_TITLE_DATE_GAP = re.compile(r"\s*(?:[,(-]\s*)?(?:(?:of|from|dated)\s+)?")
_SPAN_AFTER = re.compile(r"\s*(?:to|until|till|through|onwards?|[-–—]\s*\d)\b", re.I)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _merge(into: Roadmap, new: Roadmap) -> Roadmap:
    title = into.title if len(into.title) >= len(new.title) else new.title
    return replace(
        into,
        title=title,
        edition=into.edition or new.edition,
        published=max((p for p in (into.published, new.published) if p), key=len, default=None),
        url=into.url or new.url,
        expected=into.expected or new.expected,
    )


def _add(found: list[Roadmap], r: Roadmap, bare: list[Roadmap]) -> None:
    edition = [
        x
        for x in found
        if r.edition
        and (x.supplement, x.edition) == (r.supplement, r.edition)
        and _compatible(x.published, r.published)
    ]
    if edition:  # "GER3" in a heading, "the third edition ... is in preparation": one roadmap
        merged = _merge(edition[0], r)
        announced = (edition[0].announced or r.announced) and not merged.published
        found[found.index(edition[0])] = replace(merged, announced=announced)
        return
    informative = r.published or r.edition or r.announced
    same_kind = [x for x in found if x.supplement == r.supplement and x.announced == r.announced]
    if r.announced:
        if same_kind:
            found[found.index(same_kind[0])] = _merge(same_kind[0], r)
        else:
            found.append(r)
        return
    matches = [
        x
        for x in same_kind
        if _compatible(x.published, r.published)
        and (x.edition is None or r.edition is None or x.edition == r.edition)
        and (x.published is not None or r.published is None or x.edition is None or r.edition)
    ]
    if not informative:
        if len(same_kind) == 1:
            found[found.index(same_kind[0])] = _merge(same_kind[0], r)
        elif not found:
            bare.append(r)
        return
    exact = [x for x in matches if x.published == r.published and r.published] or matches
    if exact and (r.published or len(exact) == 1):
        found[found.index(exact[0])] = _merge(exact[0], r)
    else:
        found.append(r)


def find_roadmaps(ctx: Context) -> list[Roadmap]:
    """The roadmap editions and supplements a document speaks of, one fact each."""
    explicit_doc = any(
        ROADMAP[1].search(s.text) or ROADMAP[2].search(s.text) for s in ctx.sentences
    )
    found: list[Roadmap] = []
    bare: list[Roadmap] = []  # mentions that say nothing: the first is kept if it is all
    last_announced: tuple[int, int] | None = None  # (sentence index, position in found)
    last_named: _Mention | None = None  # the last mention, for "the next version" after it
    for s in ctx.sentences:
        ms = _mentions(ctx, s, explicit_doc)
        records = _records(ctx, s, ms)
        if ms:
            last_named = ms[-1]
        elif last_named and s.index - last_named.s.index <= 2 and NEXT_EDITION.search(s.text):
            ev = ctx.evidence(s)
            title = SUPPLEMENT_TITLE if last_named.supplement else TITLE
            records = [(last_named, Roadmap(title, ev, last_named.supplement, announced=True))]
        for _, r in records:
            _add(found, r, bare)
            if r.announced:
                pos = next(
                    (
                        i
                        for i, x in enumerate(found)
                        if x.announced == r.announced and x.supplement == r.supplement
                    ),
                    None,
                )
                if pos is None:  # kept aside as a bare mention (_add), not as an edition
                    continue
                last_announced = (s.index, pos)
                _expect(ctx, s, found, pos)
        if last_announced and s.index - last_announced[0] <= 5 and s.index != last_announced[0]:
            if not ms and EXPECTED_PRONOUN.search(s.text):
                _expect(ctx, s, found, last_announced[1])
            elif ANNOUNCED.search(s.text):  # "The updated version will ..." keeps the thread
                last_announced = (s.index, last_announced[1])
    if bare and not found:  # "products such as the Global Exploration Roadmap"
        found.append(bare[0])
    return _number_earlier(_fold_announced(found))


def _number_earlier(found: list[Roadmap]) -> list[Roadmap]:
    """Editions implied by an ordinal: "the third edition ... builds on the editions released in
    2011 and 2013" numbers those two 1 and 2 when they are all the earlier editions named."""
    out = list(found)
    editions = [r for r in found if not r.supplement and not r.announced and r.published]
    numbered = [r for r in editions if r.edition]
    if len(numbered) != 1:
        return out
    last = numbered[0]
    earlier = sorted((r for r in editions if not r.edition), key=lambda r: r.published or "")
    if len(earlier) != last.edition - 1 or any(
        (r.published or "") >= (last.published or "")[:4] for r in earlier
    ):
        return out
    for n, r in enumerate(earlier, 1):
        out[out.index(r)] = replace(r, edition=n)
    return out


def _fold_announced(found: list[Roadmap]) -> list[Roadmap]:
    """An announced roadmap without an edition is the announced edition of its kind, if the
    document announces one ("An updated roadmap is in preparation. ... the third edition")."""
    out = list(found)
    for r in found:
        if not r.announced or r.edition:
            continue
        known = [x for x in out if x.announced and x.edition and x.supplement == r.supplement]
        if len(known) == 1:
            out[out.index(known[0])] = _merge(known[0], r)
            out.remove(r)
    return out


def _expect(ctx: Context, s: Sentence, found: list[Roadmap], pos: int) -> None:
    """Record the expected publication an announcing sentence states."""
    if found[pos].expected:
        return
    for d in ctx.dates[s.index]:
        if d.year is not None and ctx.tense(s, d) == "future":
            found[pos] = replace(found[pos], expected=d.phrase())
            return
