"""SPARQL query text handled as tokens, never as raw text: projections, parameters, terms.

Two uses: a variable pyoxigraph must substitute has to be projected (``add_projection``), and a
remote endpoint gets parameters as ``VALUES`` blocks of N-Triples terms (``inject_values``), put
at the start of every group pattern that mentions the variable, so a parameter used inside a
``UNION`` branch, ``OPTIONAL`` or ``FILTER NOT EXISTS`` is bound there too, as with rdflib's
``initBindings``. Strings, IRIs and comments are skipped whole, so a brace or ``?x`` inside them
is never taken for syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import IsecgError

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
    |(?P<word>[A-Za-z_][A-Za-z0-9_\-.]*(?::[A-Za-z0-9_\-.%]*)?|:[A-Za-z0-9_\-.%]*)
    |(?P<space>\s+)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANG = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class Token:
    """A lexical token: its kind, text and start offset in the query."""

    kind: str
    text: str
    start: int

    @property
    def word(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


@lru_cache(maxsize=512)
def tokens(query: str) -> tuple[Token, ...]:
    """The query's tokens, without white space and comments (cached: saved queries repeat)."""
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "other"
        if kind not in ("space", "comment"):
            out.append(Token(kind, m.group(), m.start()))
    return tuple(out)


def _matching(toks: Sequence[Token]) -> dict[int, int]:
    """Index of each ``{`` -> index of its ``}``."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for i, t in enumerate(toks):
        if t.text == "{":
            stack.append(i)
        elif t.text == "}" and stack:
            pairs[stack.pop()] = i
    return pairs


def _clause_at(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """Token range of the SELECT clause whose SELECT keyword is at ``i``."""
    start = i + 1
    if start < len(toks) and toks[start].word in ("DISTINCT", "REDUCED"):
        start += 1
    end = start
    while end < len(toks) and toks[end].word not in ("WHERE", "FROM") and toks[end].text != "{":
        end += 1
    return start, end


def _select_clause(toks: Sequence[Token]) -> tuple[int, int] | None:
    """Token range of the outer SELECT clause (after SELECT [DISTINCT|REDUCED], before WHERE)."""
    depth = 0
    for i, t in enumerate(toks):
        depth += (t.text == "{") - (t.text == "}")
        if depth == 0 and t.word == "SELECT":
            return _clause_at(toks, i)
    return None


def _projected(toks: Sequence[Token], clause: tuple[int, int]) -> set[str] | None:
    if any(t.text == "*" for t in toks[clause[0] : clause[1]]):
        return None
    names, paren = set(), 0
    for i in range(*clause):
        t = toks[i]
        paren += (t.text == "(") - (t.text == ")")
        if t.kind == "var" and (paren == 0 or toks[i - 1].word == "AS"):
            names.add(t.text[1:])
    return names


def projection(query: str) -> set[str] | None:
    """Names the outer SELECT projects; None for ``SELECT *`` or a query that is not a SELECT."""
    toks = tokens(query)
    clause = _select_clause(toks)
    return None if clause is None else _projected(toks, clause)


def add_projection(query: str, names: list[str]) -> str:
    """The query with each ``?name`` projected (and grouped, where it groups) by the outer
    SELECT, and by every sub-select that uses it: pyoxigraph substitutes only projected
    variables, and a sub-select's variables are its own unless it projects them."""
    toks = tokens(query)
    pairs = _matching(toks)
    inserts: list[tuple[int, str]] = []
    depth = 0
    for i, t in enumerate(toks):
        depth += (t.text == "{") - (t.text == "}")
        if t.word != "SELECT":
            continue
        clause = _clause_at(toks, i)
        body = next((j for j in range(clause[1], len(toks)) if toks[j].text == "{"), None)
        if body is None:
            continue
        body_end = pairs.get(body, len(toks))
        tail_end = pairs.get(i - 1, len(toks)) if i > 0 and toks[i - 1].text == "{" else len(toks)
        used = {u.text[1:] for u in toks[body:body_end] if u.kind == "var"}
        have = _projected(toks, clause)
        missing = [
            n for n in names if have is not None and n not in have and (depth == 0 or n in used)
        ]
        if not missing:
            continue
        extra = "".join(f" ?{n}" for n in missing)
        before = toks[clause[0] - 1]
        inserts.append((before.start + len(before.text), extra + " "))
        for j in range(body_end, tail_end):
            if toks[j].word == "BY" and toks[j - 1].word == "GROUP":
                inserts.append((toks[j].start + len(toks[j].text), extra))
    for pos, text in sorted(inserts, reverse=True):
        query = query[:pos] + text + query[pos:]
    return query


def nt_term(term: Node) -> str:
    """An RDF term in N-Triples syntax, escaped; refuses what no escaping makes safe."""
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(str(term)):
            raise IsecgError(
                f"not a valid IRI: {str(term)!r}", hint='IRIs cannot hold spaces or <>"{}|^`\\'
            )
        return f"<{term}>"
    if isinstance(term, Literal):
        body = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
        if term.language:
            if not _LANG.match(term.language):
                raise IsecgError(f"not a valid language tag: {term.language!r}")
            return f'"{body}"@{term.language}'
        if term.datatype:
            return f'"{body}"^^{nt_term(URIRef(term.datatype))}'
        return f'"{body}"'
    if isinstance(term, BNode):
        raise IsecgError("a blank node cannot be sent as a parameter", hint="use an IRI")
    raise IsecgError(f"not an RDF term: {term!r}")


def inject_values(
    query: str, bindings: dict[str, Node], term: Callable[[Node], str] = nt_term
) -> str:
    """The query with ``VALUES ?name { term }`` at the start of each group pattern using it;
    ``term`` writes a term in N-Triples syntax."""
    if not bindings:
        return query
    toks = tokens(query)
    pairs = _matching(toks)
    terms = {name: term(value) for name, value in bindings.items()}
    inserts: list[tuple[int, str]] = []
    for i, t in enumerate(toks):
        if t.text != "{" or not _is_group(toks, i):
            continue
        used = {u.text[1:] for u in toks[i + 1 : pairs.get(i, len(toks))] if u.kind == "var"}
        text = "".join(f" VALUES ?{n} {{ {terms[n]} }}" for n in terms if n in used)
        if text:
            inserts.append((t.start + 1, text + " "))
    for pos, text in sorted(inserts, reverse=True):
        query = query[:pos] + text + query[pos:]
    return query


def _is_group(toks: Sequence[Token], i: int) -> bool:
    """Whether the ``{`` at ``i`` opens a group graph pattern (not data, a template or a
    sub-select)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.word == "SELECT":
        return False
    j = i - 1
    if j >= 0 and toks[j].word == "CONSTRUCT":
        return False
    # VALUES ?x { ... } or VALUES (?x ?y) { ... }
    while j >= 0 and (toks[j].kind == "var" or toks[j].text in "()"):
        j -= 1
    return not (j >= 0 and toks[j].word == "VALUES" and j < i - 1)
