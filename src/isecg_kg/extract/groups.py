"""Groups: the agencies a text names together, as one list, in whatever shape it writes them.

A group is read from the tokens: items joined by separators ("ASI, CNES and DLR", "ASA/CSIRO",
"ASA and CSIRO (Australia)"), each item an agency's token, a country standing for its agency
("Canada, France and Ukraine"), a country labelling its agency ("Brazil (AEB)"), or a name the
registry does not know that says it is an agency; brackets after an item that only describe it
are part of it ("ASI (Italy)", "KARI (absent)", "CNSA*"). A region heads the items after it
("Europe (ASI, CNES)", "Europe: ESA, ASI"). A list in brackets after a count hangs on the count
("14 agencies (A, B, ...)"): the words around the count say what the list is. Lines that are
each an item ("- ASI (Italy)", a table's rows) are one group with the line that introduces
them. Footnote marks bind items or a count to the footnote that explains them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..facts import AgencyRef
from ..gazetteer import gazetteer
from .context import Context, Sent
from .lexicon import Match, PhraseSet
from .places import venue_at
from .tokens import Token, keys

_MARKS = ("*", "**", "***", "†", "‡")
_LEAD_WORDS = frozenset(("the", "and", "l", "'", "le", "la", "les", "plus", "also"))
_OPEN, _CLOSE = "(", ")"
_NOUN_HEADS = frozenset(
    "agency agencies administration institute centre center organisation organization office "
    "corporation commission authority".split()
)
_NAME_SMALL = frozenset("of for and the de du des la le d".split())
# Lower-case words describing an agency before its name ("the French space agency CNES").
_DESCRIPTOR_WORDS = frozenset(
    "national federal state space science scientific research aerospace government civil "
    "civilian exploration agency agencies administration centre center office organisation "
    "organization institute corporation new former".split()
)
_MAX_NAME = 9


@dataclass
class Item:
    """One item of a list: the agencies it names (two for "ASA/CSIRO" read as one), its token
    span in its sentence, and what its notes say."""

    agencies: list[AgencyRef]
    start: int
    end: int
    absent: bool = False
    mark: str | None = None
    by_country: bool = False
    unregistered: bool = False
    at: int | None = None  # where in the document it is written (a block's items)


@dataclass
class Group:
    """Agencies named together: inline in one sentence, or one a line under an intro."""

    sent: Sent
    items: list[Item]
    start: int  # token span of the whole group in ``sent``
    end: int
    anchor: tuple[int, int] | None = None  # the count or noun a bracketed list hangs on
    lines: list[Sent] = field(default_factory=list)  # a block's lines (``sent`` the first)
    intro: Sent | None = None  # the line introducing a block
    label: str | None = None  # "Europe": the region a list is given under

    @property
    def agencies(self) -> list[AgencyRef]:
        seen: list[AgencyRef] = []
        for item in self.items:
            for a in item.agencies:
                if a not in seen:
                    seen.append(a)
        return seen

    @property
    def block(self) -> bool:
        return bool(self.lines)

    @property
    def span(self) -> tuple[int, int]:
        """The tokens role cues are measured from: the anchor's where there is one."""
        if self.anchor is not None:
            return self.anchor[0], max(self.end, self.anchor[1])
        return self.start, self.end


class _Reader:
    """Reads the items of one sentence's tokens."""

    def __init__(self, ctx: Context, sent: Sent) -> None:
        self.ctx = ctx
        self.sent = sent
        self.toks = sent.toks
        lex = ctx.lex
        self.places = _place_phrases()
        self.separators = lex.phrases("groups.separators")
        self.fillers = lex.words("groups.fillers")
        self.filler_phrases = lex.phrases("groups.fillers")
        self.notes = lex.phrases("groups.notes")
        self.absent = lex.phrases("roles.absent.after")
        self.place_before = lex.phrases("groups.place_before")
        self.country_before = lex.phrases("groups.country_agency_before")
        self.labels = lex.phrases("groups.labels")
        self.when = ctx.published or (ctx.past_max.value if ctx.past_max else None)

    # -- one item ---------------------------------------------------------------------------

    def place(self, i: int) -> tuple[str, str, int] | None:
        """A country or region at token ``i``: (kind, name, end)."""
        if i >= len(self.toks) or (not self.toks[i].capitalised and self.toks[i].key != "the"):
            return None
        m = self.places.at(self.toks, i)
        if m is None:
            return None
        written = " ".join(t.text for t in self.toks[m.start : m.end])
        places = gazetteer()
        country = places.country(written)
        if country is not None:
            return "country", country, m.end
        if places.is_region(written) or written.removeprefix("the ") in places.regions:
            region = written.removeprefix("the ")
            if region in places.region_agencies:
                return "country", region, m.end
            return "region", region, m.end
        return None

    def notes_at(self, j: int, acronym: str | None = None) -> tuple[int, bool, str | None]:
        """Brackets, marks and notes after an item that only describe it: (end, absent, mark).
        ``acronym``: the item's agency, whose own country after a comma is a note too ("Korea
        Aerospace Research Institute (KARI), Republic of Korea")."""
        toks, absent, mark = self.toks, False, None
        while j < len(toks):
            t = toks[j]
            if acronym and t.key == "," and j + 1 < len(toks):
                found = self.place(j + 1)
                own = self.ctx.registry.country(acronym)
                if found is not None and found[0] == "country" and own and found[1] == own:
                    after = found[2]
                    if (
                        after >= len(toks)
                        or toks[after].kind == "punct"
                        or toks[after].key in ("and", "-")
                    ):
                        j = after
                        continue
            if t.key in _MARKS or (t.key == "*" and j + 1 < len(toks) and toks[j + 1].key == "*"):
                k = j
                while k < len(toks) and toks[k].key in ("*", "†", "‡"):
                    k += 1
                mark = "".join(x.key for x in toks[j:k])
                j = k
                continue
            if t.key == _OPEN:
                close = next(
                    (
                        k
                        for k in range(j + 1, min(len(toks), j + 14))
                        if toks[k].key in (_OPEN, _CLOSE)
                    ),
                    None,
                )
                if close is None or toks[close].key != _CLOSE:
                    break
                inside = toks[j + 1 : close]
                if not inside or not self._describes(inside):
                    break
                if self.absent.find(inside):
                    absent = True
                j = close + 1
                continue
            if t.key in ("-", "–", ":", ",") and j + 1 < len(toks):
                m = self.absent.at(toks, j + 1) or self.notes.at(toks, j + 1)
                if m is not None and (m.end == len(toks) or toks[m.end].kind == "punct"):
                    absent = absent or bool(self.absent.at(toks, j + 1))
                    j = m.end
                    continue
            break
        return j, absent, mark

    def _describes(self, inside: list[Token]) -> bool:
        """Whether bracketed tokens only describe the item before them: a country or region,
        its acronym or name again, a note ("absent", "host"), an agency's own words."""
        if any(t.kind == "agency" for t in inside):  # "(ASI)", "(formerly NSAU)"
            k = 0
            while k < len(inside):
                note = self.notes.at(inside, k)
                if note is not None:
                    k = note.end
                elif inside[k].kind in ("agency", "punct") or inside[k].key in self.fillers:
                    k += 1
                else:
                    return False
            return True
        if self.absent.find(inside) or self.notes.at(inside, 0):
            return True
        written = " ".join(t.text for t in inside)
        places = gazetteer()
        if places.country(written) or places.is_region(written) or written in places.states:
            return True
        m = self.places.at(inside, 0)
        if m is not None and all(t.kind == "punct" or t.key in ("and",) for t in inside[m.end :]):
            return True
        return all(t.kind == "word" and t.text.isupper() and len(t.text) <= 10 for t in inside)

    def item(self, i: int, in_list: bool) -> Item | None:
        """The item starting at token ``i`` (an article before it is skipped)."""
        toks = self.toks
        f = self.filler_phrases.at(toks, i) if i < len(toks) else None
        if f is not None and toks[i].key in (
            "the",
            "l",
            "le",
            "la",
            "les",
            "der",
            "die",
            "das",
            "el",
            "il",
            "lo",
        ):
            i = f.end
        if i >= len(toks):
            return None
        k = self._described(i)
        if k is not None:  # "the French space agency CNES", "Australia's CSIRO"
            inner = self.item(k, in_list)
            if inner is not None:
                return Item(inner.agencies, i, inner.end, inner.absent, inner.mark)
        t = toks[i]
        if t.kind == "agency":
            acronym = self.ctx.text.tokens[t.ref].acronym
            if i + 1 < len(toks) and toks[i + 1].key in ("'s", "'"):
                place = venue_at(self.ctx, toks, i)
                if place is not None and place.venue:
                    return None  # "at ESA's ESOC": the venue's owner, named in a place
            end, absent, mark = self.notes_at(i + 1, acronym)
            return Item([AgencyRef(acronym)], i, end, absent, mark)
        found = self.place(i)
        if found is not None:
            kind, name, j = found
            if kind != "country":
                return None
            # "Brazil (AEB)": the country labels its agency
            if j + 2 < len(toks) and toks[j].key == _OPEN and toks[j + 1].kind == "agency":
                inner = self.item(j + 1, True)
                if inner is not None and inner.end < len(toks) and toks[inner.end].key == _CLOSE:
                    end, absent, mark = self.notes_at(inner.end + 1)
                    return Item(inner.agencies, i, end, absent or inner.absent, mark or inner.mark)
            if self.place_before.ending_at(toks, i) is not None:
                return None  # "in Canada": a place
            acronym = self.ctx.registry.by_country(name, self.when)
            if acronym is None:
                return None
            end, absent, mark = self.notes_at(j)
            if end < len(toks) and toks[end].key == "'s":  # "Norway's space agency"
                end = self._agency_words(end + 1)
            return Item([AgencyRef(acronym)], i, end, absent, mark, by_country=True)
        if t.capitalised:
            labelled = self._by_its_country(i)  # "PT Space (Portugal)" in a list of agencies
            if labelled is not None:
                return labelled
            glossed = self._glossed(i)
            if glossed is not None:
                return glossed
        if in_list and t.capitalised:
            return self.unregistered(i)
        return None

    def _glossed(self, i: int) -> Item | None:
        """A name the registry does not know glossed by an acronym it does: "the Agence
        d'exploration aerospatiale du Japon (JAXA)" is JAXA."""
        toks = self.toks
        j = i
        while (
            j < len(toks)
            and j - i < _MAX_NAME + 2
            and (toks[j].kind == "word" or toks[j].key in ("'", "-"))
        ):
            j += 1
        if j == i or j + 2 >= len(toks) or toks[j].key != _OPEN:
            return None
        if toks[j + 1].kind != "agency" or toks[j + 2].key != _CLOSE:
            return None
        if not (
            {t.key for t in toks[i:j]} & _NOUN_HEADS
            or any(
                t.key in ("agence", "agencia", "agenzia", "centre", "centro", "institut")
                for t in toks[i:j]
            )
        ):
            return None  # only a name that says it is an agency
        acronym = self.ctx.text.tokens[toks[j + 1].ref].acronym
        end, absent, mark = self.notes_at(j + 3, acronym)
        return Item([AgencyRef(acronym)], i, end, absent, mark)

    def _by_its_country(self, i: int) -> Item | None:
        """A name the registry does not know, with its country in brackets after it: the
        agency that country's name stands for."""
        toks = self.toks
        j = i
        while j < len(toks) and j - i < 4 and toks[j].capitalised:
            j += 1
        if j == i or j + 2 >= len(toks) or toks[j].key != _OPEN:
            return None
        found = self.place(j + 1)
        if (
            found is None
            or found[0] != "country"
            or found[2] >= len(toks)
            or toks[found[2]].key != _CLOSE
        ):
            return None
        acronym = self.ctx.registry.by_country(found[1], self.when)
        if acronym is None:
            return None
        end, absent, mark = self.notes_at(found[2] + 1, acronym)
        return Item([AgencyRef(acronym)], i, end, absent, mark, by_country=True)

    def _described(self, i: int) -> int | None:
        """The agency token a description before it leads to: a country or its adjective
        (with "'s"), then words that say what kind of agency it is ("the French space agency
        CNES", "Australia's CSIRO", "Italy's national space agency ASI")."""
        toks = self.toks
        k = i
        places = gazetteer()
        if (
            k < len(toks)
            and toks[k].capitalised
            and (places.country(toks[k].text) or toks[k].text in places.demonyms)
        ):
            k += 1
            if k < len(toks) and toks[k].key == "'s":
                k += 1
        else:
            return None
        steps = 0
        while k < len(toks) and steps < 4 and toks[k].is_word and not toks[k].capitalised:
            if toks[k].key not in _DESCRIPTOR_WORDS:
                return None
            k += 1
            steps += 1
        return k if k < len(toks) and toks[k].kind == "agency" and k > i else None

    def _agency_words(self, j: int) -> int:
        toks = self.toks
        k = j
        while k < len(toks) and toks[k].is_word and not toks[k].capitalised and k - j < 4:
            k += 1
            if toks[k - 1].key in _NOUN_HEADS:
                return k
        return j

    def unregistered(self, i: int) -> Item | None:
        """A name the registry does not know that says it is an agency ("Philippine Space
        Agency (PhilSA)"), kept by its name for review."""
        toks = self.toks
        j = i
        while (
            j < len(toks)
            and j - i < _MAX_NAME
            and toks[j].is_word
            and (toks[j].capitalised or toks[j].key in _NAME_SMALL)
        ):
            j += 1
        while j > i and toks[j - 1].key in _NAME_SMALL:
            j -= 1
        words = toks[i:j]
        if len(words) < 2 or words[-1].key not in _NOUN_HEADS:
            return None
        end_tok = words[-1].end
        if (
            j + 2 < len(toks)
            and toks[j].key == _OPEN
            and toks[j + 2].key == _CLOSE
            and (toks[j + 1].is_word and any(c.isupper() for c in toks[j + 1].text[1:]))
        ):  # "Philippine Space Agency (PhilSA)": its acronym is part of its name
            end_tok = toks[j + 2].end
            j += 3
        name = self.ctx.written(words[0].start, end_tok)
        end, absent, mark = self.notes_at(j)
        return Item([AgencyRef(name, registered=False)], i, end, absent, mark, unregistered=True)

    # -- a list ------------------------------------------------------------------------------

    def separator(self, j: int) -> int | None:
        """The token after a separator (and the fillers after it) at ``j``, if one is there."""
        m: Match | None = self.separators.at(self.toks, j) if j < len(self.toks) else None
        if m is None:
            return None
        k = m.end
        while k < len(self.toks):
            f = self.filler_phrases.at(self.toks, k)
            if f is None:
                break
            k = f.end
        return k

    def region_label(self, i: int) -> tuple[str, int] | None:
        """A region heading the items after it: "Europe (", "Europe:", "the Americas by"."""
        toks = self.toks
        other = self.labels.at(toks, i) if i < len(toks) else None
        if other is not None and other.end < len(toks) and toks[other.end].key in (":", "-", "–"):
            return "other", other.end + 1  # "Others: Roscosmos and SSAU"
        found = self.place(i)
        if found is None:
            return None
        kind, name, j = found
        if j >= len(toks) or toks[j].key not in (_OPEN, ":", "-", "–"):
            return None
        agencies_after = j + 1 < len(toks) and toks[j + 1].kind == "agency"
        if kind == "region" or (
            # "Europe (ESA, CNES, DLR)", "Europe: ESA, CNES": a place over its agencies
            agencies_after
            and (
                toks[j].key != _OPEN
                or (j + 2 < len(toks) and toks[j + 2].key in (",", "and", "/", ";", "&"))
            )
        ):
            return name, j + 1
        return None

    def groups(self) -> list[Group]:
        out: list[Group] = []
        toks = self.toks
        i = 0
        row = " | " in self.sent.text  # a table's row: its first cell may be any agency name
        while i < len(toks):
            label = self.region_label(i)
            start = i
            if label is not None:
                i = label[1]
            first = self.item(i, row and i == 0)
            if first is None or (
                first.by_country and not self._country_ok(first) and not (row and i == 0)
            ):
                i = start + 1
                continue
            items = [first]
            j = first.end
            while True:
                k = self.separator(j)
                if k is None:
                    break
                nested = self.region_label(k)
                if nested is not None:
                    k = nested[1]
                nxt = self.item(k, True)
                if nxt is None:
                    break
                items.append(nxt)
                j = nxt.end
                if j < len(toks) and toks[j].key == _CLOSE and nested is not None:
                    j += 1
            if label is not None and j < len(toks) and toks[j].key == _CLOSE:
                j += 1
            items = self._drop_lone_countries(items)
            if items:
                # a region heads its list ("Europe: ESA, CNES"); "Also present:" is a cue
                first_tok = start if label is not None and label[0] != "other" else items[0].start
                g = Group(self.sent, items, first_tok, items[-1].end, label=label and label[0])
                g.anchor = self._anchor(g)
                out.append(g)
            i = max(j, start + 1)
        return out

    def _country_ok(self, item: Item) -> bool:
        """A country alone stands for its agency only after words that say so."""
        if any(t.key == "'s" for t in self.toks[item.start : item.end]):
            return True  # "Poland's space agency": the country's agency, named as such
        return (
            self.country_before.ending_at(self.toks, item.start) is not None
            or (
                item.start > 0
                and self.toks[item.start - 1].key == "the"
                and self.country_before.ending_at(self.toks, item.start - 1) is not None
            )
            or self.separator(item.end) is not None
        )

    def _drop_lone_countries(self, items: list[Item]) -> list[Item]:
        """Countries in a list stand for their agencies when the list is of agencies (it names
        one) or of countries only (two or more); a lone country is a place, unless it is a
        table row's first cell."""
        if all(it.by_country for it in items) and len(items) == 1:
            it = items[0]
            if it.start == 0 and " | " in self.sent.text:
                return items
            owned = any(t.key == "'s" for t in self.toks[it.start : it.end - 1])  # "Poland's
            # space agency" (not "China's Chang'e-6 mission")
            return items if owned or self.country_before.ending_at(self.toks, it.start) else []
        row = " | " in self.sent.text  # a table row's first cell names its agency
        return [
            it
            for it in items
            if not it.unregistered
            or len(items) > 1
            or (row and it.start == 0 and it.end - it.start >= 2)
        ]

    def _anchor(self, g: Group) -> tuple[int, int] | None:
        """The count or noun a bracketed list hangs on: "14 space agencies (A, B, ...)"."""
        toks = self.toks
        if g.start == 0 or toks[g.start - 1].key != _OPEN:
            return None
        cues = self.ctx.lex.phrases(
            "roles.participant.before", "roles.member.before", "roles.join.before"
        )
        j = g.start - 1
        k = j
        while k > 0 and j - k < 6 and toks[k - 1].kind in ("word", "num"):
            if cues.ending_at(toks, k) is not None and k < j:
                break  # "managers from 4 space agencies (...)": the cue stands before the phrase
            k -= 1
        head = toks[k:j]
        if any(t.key in _HEADS for t in head) or any(t.value is not None for t in head):
            # the noun phrase's own words may be the cue ("The participating agencies (...)")
            cue = cues.ending_at(toks, j)
            return (j, j) if cue is not None and cue.start >= k else (k, j)
        return None


_HEADS = frozenset(keys("agencies members delegations organisations organizations participants"))


_PLACES: PhraseSet | None = None


def _place_phrases() -> PhraseSet:
    """The gazetteer's country, region and state names as a phrase set."""
    global _PLACES
    if _PLACES is None:
        from .lexicon import Phrase

        phrases = []
        places = gazetteer()
        for name in [*places.countries, *places.aliases, *places.regions]:
            slots = tuple(frozenset({k}) for k in keys(name))
            if slots:
                phrases.append(Phrase(slots, 1.0, name))
        _PLACES = PhraseSet(phrases)
    return _PLACES


def inline_groups(ctx: Context, sent: Sent) -> list[Group]:
    """The groups of one sentence."""
    return _Reader(ctx, sent).groups()


def _item_line(g: list[Group], sent: Sent) -> bool:
    """Whether a line is an item of a list set out one a line: it opens with a group and holds
    little else (a note after a colon or dash, the cells of a table row)."""
    if not g:
        return False
    first = g[0]
    lead = [
        t
        for t in sent.toks[: first.start]
        if (t.kind != "punct" or t.key not in "*•·▪-–—|") and t.key not in _LEAD_WORDS
    ]
    if lead and not (len(lead) <= 2 and all(t.kind == "num" or t.key in (".", ")") for t in lead)):
        return False
    rest = sent.toks[first.end :]
    if not rest:
        return True
    if "|" in sent.text:
        return True
    if rest[0].key in (":", "-", "–", "—", "|", ",", ";", "."):
        words = [t for t in rest if t.is_word]
        return len(words) <= 12 and not any(t.key in ("is", "are", "was", "were") for t in words)
    return False


def _filler_line(ctx: Context, sent: Sent) -> bool:
    """A short line between the items of a list that only describes the item above it: its
    country ("Brazil"), a note ("Australia - host", "France - incoming Chair")."""
    toks = sent.toks
    if not toks or len(toks) > 6 or any(t.kind in ("agency", "date") for t in toks):
        return False
    if all(t.kind == "num" or t.key in (".", ")") for t in toks):
        return True  # "1." numbering a list set out one item a line
    places = _place_phrases()
    notes = ctx.lex.phrases("groups.notes")
    k = 0
    while k < len(toks):
        m = places.at(toks, k) or notes.at(toks, k)
        if m is not None:
            k = m.end
        elif toks[k].kind == "punct" or toks[k].key in ("incoming", "outgoing", "new", "the"):
            k += 1
        else:
            return False
    return True


def _starts_line(ctx: Context, sent: Sent) -> bool:
    """Whether a sentence begins a line of the text (a list's item does; the second
    sentence of a paragraph does not)."""
    if sent.index == 0 or ctx.sents[sent.index - 1].paragraph != sent.paragraph:
        return True
    text = ctx.text.folded
    line = text[text.rfind("\n", 0, sent.s.start) + 1 : sent.s.start]
    return not any(c.isalpha() for c in line)  # only numbering or a bullet before it: "1. NASA"


def document_groups(ctx: Context) -> list[Group]:
    """Every group of the document: the inline groups of each sentence, with the lines that
    are each an item of one list gathered into one block group under their intro."""
    per_sentence = [inline_groups(ctx, sent) for sent in ctx.sents]
    items_ = [
        _starts_line(ctx, sent) and _item_line(gs, sent)
        for gs, sent in zip(per_sentence, ctx.sents, strict=True)
    ]
    out: list[Group] = []
    i = 0
    while i < len(ctx.sents):
        if not items_[i]:
            out.extend(per_sentence[i])
            i += 1
            continue
        j = i
        while j < len(ctx.sents):
            if items_[j]:
                j += 1
            elif j + 1 < len(ctx.sents) and _filler_line(ctx, ctx.sents[j]) and items_[j + 1]:
                j += 1  # "Brazil" under "Agencia Espacial Brasileira (AEB)"
            else:
                break
        while j > i and not items_[j - 1]:
            j -= 1
        lines = [x for x in ctx.sents[i:j] if items_[x.index]]
        above = ctx.sents[i - 1].text.rstrip() if i > 0 else ""
        # a list on one line under a line that announces it ("...:", or a heading)
        intro_colon = above.endswith(":") or (
            bool(above) and len(ctx.sents[i - 1].toks) <= 8 and not above.endswith((".", "!", "?"))
        )
        if len(lines) == 1 and (len(per_sentence[i][0].items) < 2 or not intro_colon):
            out.extend(per_sentence[i])
            i += 1
            continue
        items: list[Item] = []
        for sent in lines:
            gs = per_sentence[sent.index]
            items.extend(
                replace(it, at=sent.toks[min(it.start, len(sent.toks) - 1)].start)
                for it in gs[0].items
            )
            out.extend(gs[1:])
        intro = ctx.sents[i - 1] if i > 0 else None
        g = Group(
            lines[0],
            items,
            per_sentence[i][0].start,
            per_sentence[i][0].end,
            lines=lines,
            intro=intro,
        )
        out.append(g)
        i = j
    return out
