"""Membership: the group's member lists and agencies joining it, from the roles of lists.

A list whose role is ``member`` is a ``MemberList``, dated by a date its own clause gives ("as
of 2016", "as at 27 April 2010"), else by its meeting's when it is told with one, else by the
document's own time (a present-tense list speaks of the day the report was written: at the
latest meeting it reports, else its publication); an undated page's list stays undated.

A list (or one agency) whose role is ``join`` joins the group. When: the date its clause gives
the join ("joined in 2019", "admitted on 5 October 2015"); "since DATE" bounds it from below,
"by DATE" from above; else the meeting it is told at ("welcomed ... as new members"), bounded
from below by a date the clause names after "since"; else bounds from the report: not after its
publication (or the meeting it reports), not before the latest date it cites as past.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import temporal
from ..facts import Join, MemberList, When
from .context import Context, Sent, resolve_date
from .counts import find_counts
from .dates import DateMention
from .groups import Group
from .meetings import Found
from .roles import Role, clause, score_span

# Words of a join that govern its own date ("joined in 2019", "admitted on 5 October 2015").
_JOIN_WORDS = frozenset(
    "joined admitted accepted became membership member accession admission effective entered "
    "approved".split()
)


def _clause_dates(
    ctx: Context, sent: Sent, a: int, b: int, keep_dateline: bool = False
) -> list[tuple[int, DateMention]]:
    left, right = clause(ctx, sent, a, b)
    return [
        (k, sent.date_of(t))
        for k, t in enumerate(sent.toks[left:right], left)
        if t.kind == "date" and (keep_dateline or not ctx.is_dateline(sent.date_of(t)))
    ]


def _doc_now(ctx: Context, found: Found, joins: Sequence[Join] = ()) -> When:
    """The day a report's present tense speaks of: its latest meeting's or join's (no later
    than its publication), else its publication date; unknown for an undated page."""
    dated = [m.when.value for m in found.meetings if m.when.value and len(m.when.value) == 10]
    dated += [j.when.value for j in joins if j.when.value and len(j.when.value) == 10]
    if ctx.published:
        dated = [d for d in dated if d <= ctx.published[:10] or len(ctx.published) < 10]
    if dated:
        return When(value=max(dated), note="the day of the latest event the report tells")
    if ctx.published:
        return When(value=ctx.published, note="the report's publication date")
    return When(note="the page gives no date")


def _list_when(
    ctx: Context, g: Group, role: Role, found: Found, joins: Sequence[Join] = ()
) -> When:
    sent = role.sent if role.sent is not None else g.sent
    a, b = g.span if not g.block else (len(sent.toks), len(sent.toks))
    heading = ctx.is_membership_heading(sent)  # "ISECG MEMBERSHIP AS AT 13 MAY 2016"
    for k, dm in _clause_dates(ctx, sent, a, b, keep_dateline=heading):
        governor, words = ctx.governing(sent, k)
        if governor == "other" and words.split()[0] in ctx.lex.words("join.member_words"):
            governor = ""  # "membership as at 13 May 2016": the list's own date
        if governor in ("lower", "upper", "other", "reference"):
            continue
        if ctx.tense(sent, dm) == "future":
            continue
        when = resolve_date(ctx, dm)
        if when is not None and when.value:
            return when
    local = found.of_sentence.get(sent.index)
    told = local is not None and sent.index in found.mentions.get(local, [])
    if told and found.meetings[local].when.value:
        return found.meetings[local].when  # the list is told with its meeting
    # a heading's date: "2018" over "ASA and LSA join; membership grows to 19", "MEMBERSHIP
    # AS AT 13 MAY 2016" over the annex's list
    head = ctx.heading_date(sent)
    when = resolve_date(ctx, head) if head is not None else None
    if when is not None and when.value:
        return when
    if local is not None and found.meetings[local].when.value:
        return found.meetings[local].when
    return _doc_now(ctx, found, joins)


def member_lists(
    ctx: Context,
    groups: list[Group],
    roles: dict[int, Role],
    found: Found,
    joins: Sequence[Join] = (),
) -> list[MemberList]:
    """A member list for each list whose role is ``member``, with the count stated with it.
    A list told with a join ("With the arrival of ASA, ISECG now counts 21 members:") holds
    from the join on."""
    out: list[MemberList] = []
    for g in groups:
        role = roles[id(g)]
        if not role.is_("member") or (len(g.agencies) < 2 and not g.block):
            continue
        sent = role.sent if role.sent is not None else g.sent
        count = next((c.value for c in find_counts(ctx, sent)), None)
        when = _list_when(ctx, g, role, found, joins)
        arriving = {
            a.key
            for o in groups
            if o.sent is sent and o is not g and roles[id(o)].is_("join")
            for a in o.agencies
        }
        told = [j.when.value for j in joins if j.agency.key in arriving and j.when.value]
        if told and (not when.value or max(told) <= when.value):
            when = When(value=max(told), note="the list holds from the join it follows")
        out.append(MemberList(when, ctx.evidence(sent), tuple(g.agencies), count))
    for sent in ctx.sents:  # a count of members stated without a list
        for c in find_counts(ctx, sent):
            if c.noun not in ("members", "member", "agencies", "space", "membership"):
                continue
            scores = score_span(ctx, sent, c.start, c.end)
            member = scores.get("member")
            fresh = any(t.key in ("new", "newest", "latest") for t in sent.toks[c.start : c.end])
            if (
                c.noun in ("members", "member", "membership")
                and not fresh
                and _about_group(ctx, sent)
                and (member is None or member[0] < 1.0)
            ):
                member = (1.0, None, False, False)  # "ISECG, which now has 26 member agencies"
            if member is None or member[0] < 0.8 or member[2] or member[3]:
                continue
            if c.noun != "membership" and any(  # "bringing its membership to 21": the total
                scores.get(r, (0,))[0] > member[0] for r in ("participant", "join")
            ):
                continue
            if any(ml.evidence.start == ctx.evidence(sent).start for ml in out):
                continue
            when = _list_when(
                ctx, _count_group(sent, c.start, c.end), Role("member", sent=sent), found, joins
            )
            out.append(MemberList(when, ctx.evidence(sent), (), c.of_total or c.value))
    subset = ctx.lex.phrases("groups.subset_openers")
    for g in groups:  # "ISECG brings together 20 agencies. Of these, five led ...: ASI, ..."
        if g.block or roles[id(g)].name is not None or subset.at(g.sent.toks, 0) is None:
            continue
        counted = next(
            (
                ml
                for ml in out
                if not ml.members
                and ml.stated_count
                and ml.evidence.end <= g.sent.s.start
                and g.sent.index - _sentence_at(ctx, ml.evidence.start) == 1
            ),
            None,
        )
        if counted is not None:
            out.append(MemberList(counted.when, ctx.evidence(g.sent), tuple(g.agencies), None))
    return out


def _sentence_at(ctx: Context, start: int) -> int:
    return next((s.index for s in ctx.sents if s.s.start <= start < s.s.end), -1)


_REACH_OBJECT = 4  # tokens after a join verb where its object stands
_OBJECT_OPENERS = frozenset(("to", "the", "a", "an", "its", "their", "this", "that", "onto"))


def _in_view(
    ctx: Context, sent: Sent, role: Role, before: dict[str, Join], g: Group | None = None
) -> bool:
    """Whether a join cue speaks of the group's membership: its own words do ("became a
    member", "was admitted"), or its object names the group ("joined ISECG"), or the paragraph
    names the group and its members, or a join was told just before ("POLSA, which joined in
    2018 too"). "ESA signed on to the statement", "which joined in 2017" alone are not joins."""
    cue = role.cue
    if cue is None:
        return True
    toks = sent.toks
    words = {t.key for t in toks[cue.start : cue.end]}
    if words & ctx.lex.words("join.strong") or any(t.is_ord for t in toks[cue.start : cue.end]):
        return True
    if (
        cue.start > 0
        and toks[cue.start - 1].key == "to"
        and any(
            t.key in ctx.lex.words("join.not_yet") for t in toks[max(0, cue.start - 5) : cue.start]
        )
    ):
        return False  # "invited AEM and ISA to join": not yet
    group = ctx.lex.phrases("group.names", "group.refs")
    if group.find(toks, cue.end, min(len(toks), cue.end + _REACH_OBJECT)):
        return True
    members = ctx.lex.words("join.member_words")
    if any(t.key in members for t in toks[cue.end : cue.end + _REACH_OBJECT + 1]):
        return True  # "was welcomed as a new member"
    after = g is None or cue.start >= g.end  # the cue's verb after its subject, the list
    if (
        not after
        and g is not None
        and g.end + 1 < len(toks)
        and toks[g.end].key == "to"
        and ctx.lex.phrases("event.nouns").find(toks, g.end + 1, min(len(toks), g.end + 6))
    ):
        return False  # "The group welcomed ESA and JAXA to the meeting": guests
    if g is not None and not after and _owner(ctx, toks, g):
        return False  # "ISECG accepted NASA's proposal": NASA owns what was accepted
    if after and cue.end < len(toks) and toks[cue.end].key in _OBJECT_OPENERS:
        return False  # "ESA signed on to the statement": its object is another thing
    if (
        g is not None
        and g.start > 0
        and cue.start >= g.end
        and toks[g.start - 1].key in ("from", "of", "by", "with", "for")
    ):
        return False  # "The request from NASA came in": NASA is not the subject
    para = [s for s in ctx.sents if s.paragraph == sent.paragraph]
    named = any(group.find(s.toks) for s in para)
    if (named or ctx.notes.get("primary")) and any(t.key in members for s in para for t in s.toks):
        return True
    if named and ctx.relative_clause(sent, cue.start) is None:
        return True  # "ISECG agencies met ... ROSA has joined since the previous meeting"
    return any(0 <= sent.index - _sentence_at(ctx, j.evidence.start) <= 2 for j in before.values())


def _owner(ctx: Context, toks: list, g: Group) -> bool:
    """Whether a group's last agency is a possessive ("NASA's proposal", "the European Space
    Agency's (ESA) offer"): it owns the thing the verb acts on."""
    last = g.end - 1
    if not 0 <= last < len(toks) or toks[last].kind != "agency":
        return False
    if last + 1 < len(toks) and toks[last + 1].key in ("'s", "'"):
        return True
    return bool(getattr(ctx.text.tokens[toks[last].ref], "possessive", False))


def _to_come(ctx: Context, sent: Sent, g: Group) -> bool:
    """Whether the only dates a join's clause gives are to come."""
    a, b = g.span
    dates = [dm for _, dm in _clause_dates(ctx, sent, a, b)]

    def coming(dm: DateMention) -> bool:
        if ctx.tense(sent, dm) == "future":
            return True
        when = resolve_date(ctx, dm)
        first = when and (when.value or when.earliest)
        return bool(first and ctx.today and temporal.lower(first) > temporal.upper(ctx.today))

    return bool(dates) and all(coming(dm) for dm in dates)


def _about_group(ctx: Context, sent: Sent) -> bool:
    """Whether a sentence names the group (or is in a report about it)."""
    return bool(ctx.lex.phrases("group.names", "group.refs").find(sent.toks)) or bool(
        ctx.notes.get("primary")
    )


def _count_group(sent: Sent, a: int, b: int) -> Group:
    return Group(sent, [], a, b)


def _join_when(ctx: Context, g: Group, role: Role, found: Found, last: When | None) -> When:
    """When the agencies of a join joined: a stated date, the meeting's, or bounds."""
    sent = role.sent if role.sent is not None else g.sent
    a, b = g.span if not g.block else (len(sent.toks), len(sent.toks))
    cue = role.cue
    lower = upper = None
    value = None
    near = found.meeting_for(sent)
    told = found.mentions.get(near, []) if near is not None else []
    beside = near is not None and any(  # the sentence right after one telling the meeting
        0 <= sent.index - i <= 1 and ctx.sents[i].paragraph == sent.paragraph for i in told
    )
    within = found.meetings[near].when if beside else None
    for k, dm in _clause_dates(ctx, sent, a, b):
        if ctx.tense(sent, dm) == "future":
            continue
        when = resolve_date(ctx, dm, within)  # "joins the group on 11 May": a day of the meeting
        if when is None:
            continue
        governor, words = ctx.governing(sent, k)
        if governor == "other" and words.split()[0] in _JOIN_WORDS:
            governor = ""  # "joined ISECG in March 2025": the join's own date
        if (
            governor == "lower"
            and cue is not None
            and cue.end == k
            and sent.toks[cue.end - 1].key == "since"
        ):
            governor = ""  # "an ISECG member since 2019": it joined then
        if governor == "reference" and any(t.key == "since" for t in sent.toks[max(0, k - 7) : k]):
            governor = "lower"  # "joined since the previous meeting in April"
        if dm.qualifier == "this year" and ctx.today:
            lower = f"{ctx.today[:4]}-01-01"  # "this year": from its first day to the report
            upper = ctx.today
            continue
        if governor == "lower":
            lower = when.value or when.earliest
            continue
        if governor == "upper":
            upper = when.value or when.latest
            continue
        if governor in ("other", "reference"):
            continue
        if when.value is None:  # "last week", "earlier this month": bounds
            lower, upper = when.earliest or lower, when.latest or upper
            continue
        if value is None or (cue is not None and abs(k - cue.start) < abs(value[0] - cue.start)):
            value = (k, when)
    if value is not None:
        return _narrowed(value[1], lower, upper)
    if (
        cue is not None
        and lower is None
        and any(t.key == "since" for t in sent.toks[cue.start : cue.end])
    ):
        # "was founded on 26 September 2014 and has since joined ISECG": after that date
        earlier = [
            resolve_date(ctx, sent.date_of(t)) for t in sent.toks[: cue.start] if t.kind == "date"
        ]
        earlier = [w for w in earlier if w is not None and (w.value or w.latest)]
        if earlier:
            lower = earlier[-1].value or earlier[-1].latest
    head = ctx.heading_date(sent) if lower is None and upper is None else None
    if head is not None:  # "2016" over "The UAE Space Agency joins as the 15th member."
        when = resolve_date(ctx, head)
        if when is not None and when.value:
            return when
    if ctx.lex.phrases("date.same_time").find(sent.toks) and last is not None and lower is None:
        return last
    if (
        near is not None
        and lower is None
        and upper is None
        and found.meetings[near].when.value
        and ctx.lex.phrases("date.same_meeting").find(sent.toks)
    ):
        return When(value=found.meetings[near].when.value, note="joined at the meeting told before")
    local = found.of_sentence.get(sent.index)
    meeting = found.meetings[local].when if local is not None else within
    if meeting is not None and meeting.value:
        if lower is None:
            return When(
                value=meeting.value, end=None, note="joined at the meeting the report tells"
            )
        return When(
            earliest=lower, latest=meeting.value, note="after the date named, by the meeting"
        )
    if meeting is not None and meeting.latest and upper is None:
        upper = meeting.latest  # by the meeting, known only by its bounds ("last week")
    latest = upper or _doc_now(ctx, found).value
    earliest = lower
    if earliest is None and latest is None:
        return When(note="the report gives no date")
    if earliest and latest and temporal.lower(earliest) > temporal.upper(latest):
        latest = None
    return When(earliest=earliest, latest=latest, note="bounded by the report")


def _narrowed(when: When, lower: str | None, upper: str | None) -> When:
    """A join's own date narrowed by bounds inside it ("during 2021, after the agencies met
    in February": from February 2021 to the end of 2021)."""
    v = when.value
    if v is None or when.end is not None:
        return when
    first, last = temporal.lower(v), temporal.upper(v)
    lower = lower if lower and first < temporal.lower(lower) <= last else None
    upper = upper if upper and first <= temporal.upper(upper) < last else None
    if lower is None and upper is None:
        return when
    return When(
        earliest=lower or v,
        latest=upper or v,
        note=f"within {v}, bounded by the date the sentence names",
    )


def _line_when(ctx: Context, line: Sent) -> When | None:
    """The date a line of a list gives its item ("UAESA | United Arab Emirates | October
    2015", "- POLSA (2018)")."""
    for k, t in enumerate(line.toks):
        if t.kind == "date" and ctx.governor(line, k) not in ("other", "reference"):
            when = resolve_date(ctx, line.date_of(t))
            if when is not None and (when.value or when.earliest or when.latest):
                return when
    for k, t in enumerate(line.toks):  # "POLSA ........ 2018": a year alone after the name
        if (
            t.is_num
            and len(t.text) == 4
            and 1990 <= (t.value or 0) <= 2060
            and k
            and any(x.kind == "agency" for x in line.toks[:k])
        ):
            return When(value=t.text, note="the year its line gives")
    return None


def joins(ctx: Context, groups: list[Group], roles: dict[int, Role], found: Found) -> list[Join]:
    """One join per agency the document says joined the group (the most precise date wins)."""
    out: dict[str, Join] = {}
    last: When | None = None
    for g in sorted(groups, key=lambda g: (g.sent.index, g.start)):
        role = roles[id(g)]
        if not role.is_("join"):
            continue
        sent = role.sent if role.sent is not None else g.sent
        if not g.block and not _in_view(ctx, sent, role, out, g):
            continue
        if _to_come(ctx, sent, g):
            continue  # "Vietnam's VNSC joins ISECG next year"
        cue = role.cue
        if (
            cue is not None
            and not g.block
            and sent.toks[cue.end - 1].key == "since"
            and (cue.end >= len(sent.toks) or sent.toks[cue.end].kind != "date")
        ):
            continue  # "a member of ISECG since the Group was founded": no date to join on
        when = _join_when(ctx, g, role, found, last)
        last = when
        ordinal = _ordinal(sent, role)
        per_item: dict[str, tuple[When, Sent]] = {}
        for line in g.lines:  # "the ASA, ROSA and SSO, in the course of 2019"
            line_when = _line_when(ctx, line)
            if line_when is None:
                continue
            for t in line.toks:
                if t.kind == "agency":
                    per_item.setdefault(ctx.text.tokens[t.ref].acronym, (line_when, line))
        for ref in g.agencies:
            own = per_item.get(ref.key)
            j_when, j_sent = own if own is not None else (when, sent)
            j = Join(ref, j_when, ctx.evidence(j_sent), ordinal if len(g.agencies) == 1 else None)
            old = out.get(ref.key)
            if old is None or _better(j.when, old.when):
                out[ref.key] = j
    for sent in ctx.sents:  # "Its membership took effect on 5 March."
        found_ = _effective(ctx, sent)
        if found_ is None:
            continue
        when, named = found_
        named = named or _last_named(ctx, sent)  # the agency "its", "the agency's" stands for
        j = out.get(named) if named else None
        if j is not None and _better(when, j.when):
            out[j.agency.key] = Join(j.agency, when, ctx.evidence(sent), j.ordinal)
    return list(out.values())


_ANAPHOR_REACH = 2  # sentences back where "its", "the agency's" finds the agency it stands for


def _last_named(ctx: Context, sent: Sent) -> str | None:
    """The agency named last before a sentence (in it, before the words, or in the two
    sentences before)."""
    for back in range(0, _ANAPHOR_REACH + 1):
        if sent.index - back < 0:
            break
        prev = ctx.sents[sent.index - back]
        agencies = [t for t in prev.toks if t.kind == "agency"]
        if back == 0:
            agencies = agencies[:0]  # its own agencies name a join of their own
        if agencies:
            return ctx.text.tokens[agencies[-1].ref].acronym
    return None


def _effective(ctx: Context, sent: Sent) -> tuple[When, str | None] | None:
    """The date a sentence gives a membership without naming its agency ("Its membership
    took effect on 5 March", "The agency's admission was approved on 9 April 2019"), and the
    agency "its" stands for when the sentence named it before ("The UAE Space Agency's
    application was endorsed in 2015, and its admission ... took effect on 5 October 2015")."""
    toks = sent.toks
    subjects = ctx.lex.phrases("join.subjects").find(toks)
    verbs = ctx.lex.phrases("join.effective").find(toks)
    if not subjects or not verbs:
        return None
    subject = next((m for m in reversed(subjects) if m.start < verbs[-1].start), subjects[0])
    verb = next((v for v in verbs if v.start > subject.start), verbs[0])
    named = [t for t in toks[: max(verb.start, subject.start)] if t.kind == "agency"]
    agency = None
    if named:
        if subject.start == 0 or toks[subject.start - 1].key not in ("its", "their"):
            return None  # it names its agency: a join of its own
        agency = ctx.text.tokens[named[-1].ref].acronym
    for k, t in enumerate(toks):
        if t.kind == "date" and k > verb.start:
            when = resolve_date(ctx, sent.date_of(t))
            if when is not None and when.value:
                return when, agency
    return None


def _ordinal(sent: Sent, role: Role) -> int | None:
    if role.cue is None:
        return None
    for t in sent.toks[role.cue.start : role.cue.end]:
        if t.is_ord and t.value:
            return t.value
    toks = sent.toks  # "joins as the 15th member": the ordinal of the member noun after the cue
    for k in range(role.cue.end, min(len(toks) - 1, role.cue.end + 4)):
        if toks[k].is_ord and toks[k].value and toks[k + 1].key in ("member", "agency"):
            return toks[k].value
    return None


def _better(new: When, old: When) -> bool:
    """Whether a later sentence dates a join more closely than the one before."""
    if new.value and (not old.value or len(new.value) > len(old.value)):
        return True
    return (
        not old.value
        and not new.value
        and bool((new.earliest and not old.earliest) or (new.latest and not old.latest))
    )
