"""Typed facts an extractor finds in a document, each with the evidence it rests on.

Agencies are canonical acronyms from the registry (``"SSAU"``); an agency the registry does not
know is kept by the name the source uses and flagged (``Agency.registered``). Dates are partial
dates (``temporal``): exact, month or year, or unknown with bounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from and its character span in ``Document.text``."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class When:
    """When something happened, at the precision the source supports.

    ``value`` is a partial date or None; when None, ``earliest``/``latest`` bound it and
    ``note`` says why. ``end`` is the last day of a multi-day event. ``weekday`` is a weekday
    the source names beside the date ("Wednesday"), kept so it can be checked.
    """

    value: str | None = None
    end: str | None = None
    earliest: str | None = None
    latest: str | None = None
    note: str | None = None
    weekday: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class AgencyRef:
    """An agency as a fact names it: a canonical acronym, or an unregistered name."""

    key: str
    registered: bool = True


@dataclass(frozen=True)
class Meeting:
    """An ISECG meeting. ``local`` numbers the meetings of one document (0, 1, ...)."""

    local: int
    when: When
    evidence: Evidence
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    host: AgencyRef | None = None
    virtual: bool | None = None
    stated_participants: int | None = None
    participants: tuple[AgencyRef, ...] = ()
    absent: tuple[AgencyRef, ...] = ()
    participant_evidence: Evidence | None = None


@dataclass(frozen=True)
class MemberList:
    """Agencies a source names as ISECG members on a date, and the count it states."""

    when: When
    evidence: Evidence
    members: tuple[AgencyRef, ...] = ()
    stated_count: int | None = None


@dataclass(frozen=True)
class Join:
    """An agency joining ISECG: when (or bounds), and its ordinal ("the 27th member")."""

    agency: AgencyRef
    when: When
    evidence: Evidence
    ordinal: int | None = None


@dataclass(frozen=True)
class ChairChange:
    """The chair passing to ``to`` (from ``previous`` if named), or a chair held (``state``).

    ``meeting`` is the ``local`` number of the meeting where it happened, if any.
    """

    to: AgencyRef
    when: When
    evidence: Evidence
    previous: AgencyRef | None = None
    meeting: int | None = None
    state: bool = False


@dataclass(frozen=True)
class Roadmap:
    """A Global Exploration Roadmap edition or supplement, published or only announced."""

    title: str
    evidence: Evidence
    supplement: bool = False
    edition: int | None = None
    published: str | None = None
    announced: bool = False
    expected: str | None = None
    url: str | None = None


Fact = Meeting | MemberList | Join | ChairChange | Roadmap


@dataclass(frozen=True)
class Extraction:
    """All facts found in one document."""

    meetings: tuple[Meeting, ...] = ()
    member_lists: tuple[MemberList, ...] = ()
    joins: tuple[Join, ...] = ()
    chair_changes: tuple[ChairChange, ...] = ()
    roadmaps: tuple[Roadmap, ...] = ()
    unregistered: tuple[str, ...] = field(default_factory=tuple)
