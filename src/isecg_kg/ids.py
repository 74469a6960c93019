"""Every IRI isecg-kg mints, in one place, from stable keys (no blank nodes)."""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from .namespaces import ID

ISECG_ORG = ID["org/ISECG"]
CHAIR_ROLE = ID["role/chair"]
ONTOLOGY_GRAPH = ID["graph/ontology"]
REGISTRY_GRAPH = ID["graph/registry"]
INFERRED_GRAPH = ID["graph/inferred"]


def slug(text: str) -> str:
    """A lower-case ASCII key: 'Société Générale' -> 'societe-generale'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def agency(acronym: str) -> URIRef:
    """``agency/NASA``; an unregistered name gets a slug, ``agency/unregistered-...``."""
    return ID[f"agency/{acronym.replace(' ', '')}"]


def unregistered_agency(name: str) -> URIRef:
    return ID[f"agency/unregistered-{slug(name)}"]


def source(doc_id: str) -> URIRef:
    """The source document, also the name of its named graph."""
    return ID[f"source/{doc_id}"]


def meeting(date: str | None, doc_id: str, n: int, qualifier: str | None = None) -> URIRef:
    """``meeting/2020-09-09`` for a dated meeting (``meeting/2019-03-18-noordwijk`` when
    ``qualifier`` tells it apart from another of that date); an undated one keeps its own."""
    if date:
        return ID[f"meeting/{date}-{slug(qualifier)}" if qualifier else f"meeting/{date}"]
    return ID[f"meeting/{doc_id}-{n}"]


def membership(acronym: str) -> URIRef:
    return ID[f"membership/{acronym.replace(' ', '')}"]


def member_count(date: str) -> URIRef:
    return ID[f"member-count/{date}"]


def chair(acronym: str, start: str | None, end: str | None, anchor: str) -> URIRef:
    """A chair tenure by agency and start; else by its end; else by the meeting it began at."""
    key = start or (f"until-{end}" if end else f"at-{anchor}")
    return ID[f"chair/{acronym.replace(' ', '')}/{key}"]


def roadmap(supplement: bool, year: str | None, edition: int | None, fallback: str) -> URIRef:
    """``roadmap/ger/2018``, ``roadmap/ger-supplement/2020``; else by edition; else its own."""
    kind = "ger-supplement" if supplement else "ger"
    if year:
        return ID[f"roadmap/{kind}/{year}"]
    if edition is not None:
        return ID[f"roadmap/{kind}/edition-{edition}"]
    return ID[f"roadmap/{kind}/{fallback}"]


def evidence(doc_id: str, n: int) -> URIRef:
    return ID[f"evidence/{doc_id}/{n}"]
