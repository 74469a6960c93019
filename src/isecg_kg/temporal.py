"""Dates at the precision a source supports: ``2020-09-09``, ``2013-08`` or ``2018``.

A partial date is kept as its lexical form; its datatype follows from its length. Bounds
(``lower``/``upper``) turn any precision into comparable full dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from rdflib import XSD, Literal, URIRef

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_partial_date(value: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` or a valid ``YYYY-MM-DD``."""
    m = _FORM.match(value)
    if not m:
        return False
    try:
        lower(value)
    except ValueError:
        return False
    return True


def datatype(value: str) -> URIRef:
    """xsd:date, xsd:gYearMonth or xsd:gYear, from the form of ``value``."""
    if not _FORM.match(value):
        raise ValueError(f"not a date at any precision: {value!r}")
    return {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]


def literal(value: str) -> Literal:
    """An RDF literal for a partial date, typed at its precision."""
    return Literal(value, datatype=datatype(value))


def lower(value: str) -> date:
    """The first day the partial date can mean."""
    m = _FORM.match(value)
    if not m:
        raise ValueError(f"not a date at any precision: {value!r}")
    y, mo, d = m.groups()
    return date(int(y), int(mo or 1), int(d or 1))


def upper(value: str) -> date:
    """The last day the partial date can mean."""
    m = _FORM.match(value)
    if not m:
        raise ValueError(f"not a date at any precision: {value!r}")
    y, mo, d = m.groups()
    year = int(y)
    if d:
        return date(year, int(mo), int(d))
    month = int(mo or 12)
    return date(year, month, calendar.monthrange(year, month)[1])


def precision(value: str) -> str:
    """'day', 'month' or 'year'."""
    return {4: "year", 7: "month", 10: "day"}[len(value)]
