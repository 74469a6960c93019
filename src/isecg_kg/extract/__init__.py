"""Extraction: a Document -> the ISECG facts it states, each with its evidence.

General stages over the document's tokens, their knowledge in data (the agency registry, the
gazetteer, the cue lexicon ``data/lexicon.toml``):

1. mentions (``mentions``, ``context``): agencies however named, dates, places, counts;
2. groups (``groups``): the agencies named together, as one list, in any shape;
3. roles (``roles``): what each list (or count) is, from the cue words around it;
4. frames and time (``meetings``, ``membership``, ``chairs``, ``roadmaps``): the facts, each
   with the date that governs it, else its meeting's, else bounds from the document.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import DamerauLevenshtein

from ..document import Document
from ..facts import AgencyRef, Extraction, Meeting, MemberList
from ..registry import Registry
from .chairs import find_chair_changes
from .context import Context, Sent, build_context
from .counts import find_counts
from .groups import Group, document_groups
from .lexicon import Lexicon, lexicon
from .meetings import Found, add_apart, event_cues, find_meetings
from .membership import joins as find_joins
from .membership import member_lists as find_member_lists
from .roadmaps import find_roadmaps
from .roles import Role, carried, clause, gapped, role_of, score_span
from .tables import find_rows
from .tokens import keys

__all__ = ["about_isecg", "extract"]

_MARKS = ("*", "†", "‡")


def _typos(text: str, lex: Lexicon) -> frozenset[str]:
    """Words that misspell the group's acronym by one edit ("ISCEG")."""
    targets = [t for t in lex.strings("group.typos_of")]
    found = set()
    for word in set(text.split()):
        w = word.strip(".,;:()\"'")
        if (
            4 <= len(w) <= 6
            and w.isupper()
            and w not in targets
            and any(DamerauLevenshtein.distance(w, t) == 1 for t in targets)
        ):
            found.add(w.casefold())
    return frozenset(found)


def about_isecg(doc: Document, lex: Lexicon | None = None) -> bool:
    """Whether a document speaks of the group: its name (or a misspelling of its acronym) in
    its text, title or address."""
    lex = lex or lexicon()
    where = " ".join(x for x in (doc.text, doc.title or "", doc.url or "") if x)
    folded = " ".join(keys(where))
    for name in [*lex.strings("group.names"), *lex.strings("group.about")]:
        if " ".join(keys(name)) in folded:
            return True
    return bool(_typos(where, lex))


def _primary(ctx: Context, lex: Lexicon) -> bool:
    """Whether the document is about the group, not one that names it in passing: its title,
    address or opening names it, or its text does more than once."""
    names = lex.phrases("group.names")
    head = " ".join(x for x in (ctx.doc.title or "", ctx.doc.url or ""))
    if about_isecg(replace(ctx.doc, text=head), lex) and head.strip():
        return True
    found = [s.index for s in ctx.sents if names.find(s.toks)]
    return len(found) >= 2 or any(i < 4 for i in found)


def _footnotes(ctx: Context, groups: list[Group], roles: dict[int, Role]) -> None:
    """A footnote ("* In alphabetical order: ASI (Italy), ...") lists what its mark stands on
    ("11 space agencies*"): its list takes the role the marked words have in their sentence.
    A footnote that only says the marked ones were absent marks those items absent."""
    for sent in ctx.sents:
        toks = sent.toks
        if not toks or toks[0].key not in _MARKS:
            continue
        mark = ""
        for t in toks:
            if t.key not in _MARKS:
                break
            mark += t.key
        own = [g for g in groups if g.sent is sent]
        source = _marked(ctx, sent, mark)
        if source is None:
            continue
        src_sent, a, b = source
        scores = score_span(ctx, src_sent, a, b)
        best = max(scores.items(), key=lambda kv: kv[1][0], default=None)
        for g in own:
            role = roles[id(g)]
            if role.name is None and best is not None and best[1][0] >= 0.4:
                s, cue, planned, negated = best[1]
                roles[id(g)] = Role(best[0], s, cue, src_sent, planned, negated)


def _marked(ctx: Context, note: Sent, mark: str) -> tuple[Sent, int, int] | None:
    """The words a footnote's mark stands on elsewhere in the document."""
    for sent in ctx.sents:
        if sent is note:
            continue
        for c in find_counts(ctx, sent):
            if c.marked == mark:
                return sent, c.start, c.end
        toks = sent.toks
        for k in range(1, len(toks)):
            if (
                toks[k].key == mark[0]
                and toks[k - 1].kind in ("word", "agency")
                and (k + 1 >= len(toks) or toks[k + 1].key != mark[0] or len(mark) > 1)
                and toks[0].key not in _MARKS
                and toks[k - 1].kind != "agency"
            ):
                return sent, k - 1, k
    return None


def _absent_by_mark(ctx: Context, groups: list[Group]) -> dict[int, set[str]]:
    """Items marked with a footnote mark whose footnote says they did not attend."""
    absent_cues = ctx.lex.phrases("roles.absent.after", "roles.absent.before")
    notes: dict[str, bool] = {}
    for sent in ctx.sents:
        toks = sent.toks
        if toks and toks[0].key in _MARKS:
            mark = "".join(t.key for t in toks[:3] if t.key in _MARKS)
            notes[mark] = bool(absent_cues.find(toks))
    out: dict[int, set[str]] = {}
    for g in groups:
        marked = {a.key for it in g.items if it.mark and notes.get(it.mark) for a in it.agencies}
        if marked:
            out[id(g)] = marked
    return out


def _attach(
    ctx: Context,
    found: Found,
    groups: list[Group],
    roles: dict[int, Role],
    absent_marks: dict[int, set[str]],
    lists: list[MemberList],
) -> list[Meeting]:
    """Participants and absentees named outside the meeting's own sentences (a list of its
    own, a footnote, a member list whose absentees are marked), added to their meeting."""
    meetings = list(found.meetings)
    if not meetings:
        return meetings
    rows = find_rows(ctx)
    for g in groups:
        said = _attendance(ctx, g, rows)
        if said is not None:  # "ASI | Italy | Yes" under "Agency | Country | Represented"
            local = found.meeting_for(g.intro or g.sent)
            if local is not None:
                present, gone = said
                m = meetings[local]
                absent = list(dict.fromkeys([*m.absent, *gone]))
                meetings[local] = replace(
                    m,
                    participants=tuple(
                        a for a in dict.fromkeys([*m.participants, *present]) if a not in absent
                    ),
                    absent=tuple(absent),
                    participant_evidence=m.participant_evidence or ctx.evidence(g.sent),
                )
            continue
        role = roles[id(g)]
        sent = role.sent if role.sent is not None else g.sent
        in_mention = not g.block and g.sent.index in found.of_sentence and role.sent is g.sent
        marked = absent_marks.get(id(g), set())
        if role.is_("member") and marked:
            local = found.meeting_for(sent)
            if local is None:
                continue
            m = meetings[local]
            present = [a for a in g.agencies if a.key not in marked]
            meetings[local] = replace(
                m,
                participants=tuple(dict.fromkeys([*m.participants, *present])),
                absent=tuple(dict.fromkeys([*m.absent, *(AgencyRef(a) for a in sorted(marked))])),
                participant_evidence=m.participant_evidence or ctx.evidence(sent),
            )
            continue
        if in_mention or not (role.is_("participant") or role.is_("absent")):
            continue
        local = found.meeting_for(sent)
        if local is None:
            continue
        m = meetings[local]
        if role.is_("participant"):
            present = [
                a for it in g.items if not it.absent for a in it.agencies if a.key not in marked
            ]
            gone = [a for it in g.items if it.absent for a in it.agencies]
            gone += [AgencyRef(a) for a in sorted(marked)]
        else:
            present, gone = [], list(g.agencies)
        absent = list(dict.fromkeys([*m.absent, *gone]))
        meetings[local] = replace(
            m,
            participants=tuple(
                a for a in dict.fromkeys([*m.participants, *present]) if a not in absent
            ),
            absent=tuple(absent),
            participant_evidence=m.participant_evidence or ctx.evidence(sent),
        )
    return meetings


_ROSTER_MEMBER = 0.8  # the member score an attendance table's intro needs to make it a roster


def _rosters(ctx: Context, groups: list[Group], roles: dict[int, Role]) -> None:
    """A table with an attendance column whose intro names the members ("The table below
    lists the ISECG agencies ... and whether each was represented"): its rows are the member
    list, the column (not the intro's cue) says who took part."""
    rows = find_rows(ctx)
    for g in groups:
        role = roles[id(g)]
        if role.name == "member" or g.intro is None or _attendance(ctx, g, rows) is None:
            continue
        intros = [g.intro]
        if " | " in g.intro.text and ctx.before(g.intro) is not None:
            intros.append(ctx.before(g.intro))  # the header row, under the sentence on it
        for s in intros:
            n = len(s.toks)
            member = score_span(ctx, s, n, n, at_end=True).get("member")
            if member is not None and member[0] >= _ROSTER_MEMBER and not (member[2] or member[3]):
                roles[id(g)] = replace(role, name="member", also=())
                break


def _attendance(
    ctx: Context, g: Group, rows: dict
) -> tuple[list[AgencyRef], list[AgencyRef]] | None:
    """Who a table's attendance column marks present and absent, line by line."""
    if not g.block:
        return None
    yes, no = ctx.lex.phrases("tables.yes"), ctx.lex.phrases("tables.no")
    present: list[AgencyRef] = []
    gone: list[AgencyRef] = []
    for line in g.lines:
        row = rows.get(line.index)
        if row is None or "attended" not in row.cells:
            return None
        cell = row.cells["attended"]
        toks = [t for t in line.toks if cell.start <= t.start < cell.end]
        first = next((t for t in line.toks if t.kind == "agency"), None)
        if first is None or not toks:
            continue
        agency = AgencyRef(ctx.text.tokens[first.ref].acronym)
        if yes.at(toks, 0) and yes.at(toks, 0).end == len(toks):
            present.append(agency)
        elif no.at(toks, 0) and no.at(toks, 0).end == len(toks):
            gone.append(agency)
    return present, gone


def _every_member(ctx: Context, found: Found) -> None:
    """Meetings every member attended, or all but those named ("All fourteen ISECG agencies
    took part", "All member agencies except Roscosmos and SSAU attended", "Every member agency
    was represented bar one: SSAU")."""
    every = ctx.lex.phrases("all_members.phrases")
    attend = ctx.lex.phrases(
        "roles.participant.after", "roles.participant.before", "roles.absent.before"
    )
    for sent in ctx.sents:
        for m in every.find(sent.toks):
            left, right = clause(ctx, sent, m.start, m.end)
            cues = attend.find(sent.toks, left, right)
            if not cues or ctx.lex.phrases("modality.future", "modality.negation").find(
                sent.toks, max(left, m.start - 3), m.start
            ):
                continue
            local = found.meeting_for(sent)
            if local is not None:
                found.all_members.add(local)


def _members_on(day: str, lists: list[MemberList], joins: list) -> list[AgencyRef]:
    """The members the document names as members on a day: its member lists that hold by
    then, and the agencies it says joined by then."""
    out: list[AgencyRef] = []
    for ml in lists:
        if ml.when.value and ml.when.value[:10] <= day:
            out.extend(ml.members)
    for j in joins:
        known = j.when.value or j.when.latest
        if known and known[:10] <= day:
            out.append(j.agency)
    return list(dict.fromkeys(out))


def _with_every_member(
    found: Found, meetings: list[Meeting], lists: list[MemberList], joins: list
) -> list[Meeting]:
    """The participants of meetings every member attended: the members on the day, less the
    absent (when the document names its members)."""
    out = list(meetings)
    for local in found.all_members:
        m = out[local]
        day = m.when.value or m.when.latest
        if not day:
            continue
        members = _members_on(day[:10] if len(day) >= 10 else day, lists, joins)
        if not members:
            continue
        present = [a for a in members if a not in m.absent]
        out[local] = replace(m, participants=tuple(dict.fromkeys([*m.participants, *present])))
    return out


def _members_by_count(ctx: Context, found: Found, lists: list[MemberList]) -> list[MemberList]:
    """ "Thirteen of the fifteen member agencies were represented: [13 named] ... Apologies
    were received from CNSA and ISRO": when those present and those absent make the stated
    membership, together they are the members on the meeting's day."""
    out = []
    for local, m in enumerate(found.meetings):
        named = list(dict.fromkeys([*m.participants, *m.absent]))
        if not named or not m.absent or not all(a.registered for a in named):
            continue
        totals = {
            c.of_total
            for i in found.mentions.get(local, [])
            + [
                s.index
                for s in ctx.sents
                if s.index in found.of_sentence and found.of_sentence[s.index] == local
            ]
            for c in find_counts(ctx, ctx.sents[i])
            if c.of_total
        }
        totals |= {
            c.of_total
            for s in ctx.sents
            for c in find_counts(ctx, s)
            if c.of_total and found.meeting_for(s) == local
        }
        if len(named) not in totals:
            continue
        if any(set(ml.members) == set(named) for ml in lists):
            continue
        evidence = m.participant_evidence or m.evidence
        out.append(MemberList(m.when, evidence, tuple(named), len(named)))
    return out


def _in_text_order(
    ctx: Context, m: Meeting, groups: list[Group], roles: dict[int, Role]
) -> Meeting:
    """A meeting's participants and absentees in the order its lists name them."""
    first: dict[str, int] = {}

    def rank(g: Group) -> tuple[int, int]:  # attendance lists first, then member lists
        r = roles[id(g)]
        return (
            0 if r.is_("participant") or r.is_("absent") else 1 if r.is_("member") else 2,
            g.sent.index,
        )

    for g in sorted(groups, key=rank):
        if g.block:  # a list one a line: where each line names its agency
            for it in g.items:
                for a in it.agencies:
                    if it.at is not None:
                        first.setdefault(a.key, it.at)
            continue
        for it in g.items:
            for a in it.agencies:
                first.setdefault(a.key, g.sent.toks[min(it.start, len(g.sent.toks) - 1)].start)
    for t in ctx.text.tokens:
        first.setdefault(t.acronym, t.start)

    def at(ref: AgencyRef) -> int:
        if ref.registered:
            return first.get(ref.key, len(ctx.doc.text))
        found = ctx.doc.text.find(ref.key.split(" (")[0])
        return found if found >= 0 else len(ctx.doc.text)

    return replace(
        m,
        participants=tuple(sorted(m.participants, key=at)),
        absent=tuple(sorted(m.absent, key=at)),
    )


def extract(doc: Document, registry: Registry) -> Extraction:
    """Every ISECG fact the document states: meetings, members, joins, chairs, roadmaps."""
    lex = lexicon()
    if not about_isecg(doc, lex):
        return Extraction()
    ctx = build_context(doc, registry, lex)
    ctx.notes["typos"] = _typos(doc.text, lex)
    title = doc.title or ""
    if title:
        title_sent = build_context(replace(doc, text=title, paragraphs=(title,)), registry, lex)
        ctx.notes["title_toks"] = title_sent.sents[0].toks if title_sent.sents else []
        ctx.notes["title_meeting"] = bool(title_sent.sents) and bool(
            event_cues(title_sent, title_sent.sents[0])[0]
        )
    ctx.notes["primary"] = _primary(ctx, lex)
    # a chronology's entries are all on its subject: one naming the group puts all on its business
    ctx.notes["primary"] = ctx.notes["primary"] or (
        ctx.chronology and any(lex.phrases("group.names").find(s.toks) for s in ctx.sents)
    )
    groups = document_groups(ctx)
    roles = {id(g): role_of(ctx, g, groups) for g in groups}
    gapped(ctx, groups, roles)
    carried(ctx, groups, roles)
    _rosters(ctx, groups, roles)
    _footnotes(ctx, groups, roles)
    found = find_meetings(ctx, groups, roles)
    _every_member(ctx, found)
    joins = find_joins(ctx, groups, roles, found)
    member_lists = find_member_lists(ctx, groups, roles, found, joins)
    meetings = _attach(
        ctx,
        found,
        groups,
        roles,
        _absent_by_mark(ctx, groups),
        [ml for ml in member_lists if ml.members],
    )
    meetings = _with_every_member(found, meetings, [ml for ml in member_lists if ml.members], joins)
    found.meetings = meetings
    add_apart(ctx, found, groups, roles)
    member_lists += _members_by_count(ctx, found, member_lists)
    chairs = find_chair_changes(ctx, found)
    roadmaps = find_roadmaps(
        ctx,
        {
            i: meetings[local].when.value
            for i, local in found.of_sentence.items()
            if meetings[local].when.value and len(meetings[local].when.value) == 10
        },
    )
    meetings = [_in_text_order(ctx, m, groups, roles) for m in meetings]
    names = [
        ref.key
        for facts in (
            [a for m in meetings for a in (*m.participants, *m.absent)],
            [a for ml in member_lists for a in ml.members],
            [j.agency for j in joins],
        )
        for ref in facts
        if not ref.registered
    ]
    return Extraction(
        meetings=tuple(meetings),
        member_lists=tuple(member_lists),
        joins=tuple(joins),
        chair_changes=tuple(chairs),
        roadmaps=tuple(roadmaps),
        unregistered=tuple(dict.fromkeys(names)),
    )
