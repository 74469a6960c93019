"""Extraction: a Document -> the ISECG facts it states, each with its evidence.

Sentence-level rules (``patterns``) over the document's folded, agency-masked text (``text``),
helped by the agency registry, a date grammar (``dates``) and word tables (``gazetteer``). One
module per family of facts: ``meetings``, ``membership``, ``chairs``, ``roadmaps``.
"""

from __future__ import annotations

from ..document import Document
from ..facts import Extraction
from ..registry import Registry
from .chairs import find_chair_changes
from .context import build_context
from .meetings import find_meetings
from .membership import find_joins, find_member_lists
from .participants import add_members_but
from .patterns import ABOUT_ISECG
from .roadmaps import find_roadmaps

__all__ = ["extract"]


def extract(doc: Document, registry: Registry) -> Extraction:
    """Every ISECG fact the document states: meetings, members, joins, chairs, roadmaps."""
    if not ABOUT_ISECG.search(doc.text) and not ABOUT_ISECG.search(doc.url or ""):
        return Extraction()
    ctx = build_context(doc, registry)
    meetings = find_meetings(ctx)  # first: the other families date facts by their meeting
    member_lists = find_member_lists(ctx)
    meetings = add_members_but(ctx, meetings, member_lists)  # "all members except X attended"
    joins = find_joins(ctx)
    chairs = find_chair_changes(ctx)
    roadmaps = find_roadmaps(ctx)
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
