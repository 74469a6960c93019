"""SHACL validation of the part of SHACL that ``ontology/shapes.ttl`` uses, with pySHACL's results.

pySHACL checks a shape focus node by focus node and runs a SPARQL constraint as one rdflib query
per focus node: a graph of 1,000 documents takes most of a minute. Here the shapes graph is
compiled once: SHACL Core constraints become Python checks over an index of the data built once
(predicate -> subject -> objects), and each SPARQL constraint runs once, on a pyoxigraph store,
with ``$this`` bound to all its focus nodes by one ``VALUES`` block.

The results are pySHACL's as ``validate.py`` runs it (no inference, warnings and infos allowed),
quirks included: which results carry sh:value and sh:resultPath, nested sh:node results kept as
sh:detail, messages filled from each solution, rdflib's literal comparisons, Python regexes, and
rdflib's SUBSTR. A shapes graph that uses anything else raises ``Unsupported`` when it is
compiled, and data the two SPARQL engines could read differently raises it when it is validated:
the caller then runs pySHACL, the reference.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from pyshacl.rdfutil.clone import clone_blank_node
from pyshacl.rdfutil.compare import compare_literal
from rdflib import OWL, RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.operators import RelationalExpression, default_cast
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import SPARQLError
from rdflib.term import Identifier, Node, Variable

from . import sparqltext
from .errors import IsecgError
from .reason import triples
from .sparqltext import Token, add_projection, nt_term, projection, tokens


class Unsupported(IsecgError):
    """The shapes, or the data, need more than fastshacl evaluates exactly: use pySHACL."""

    def __init__(self, message: str) -> None:
        super().__init__(message, hint="validate with engine='pyshacl'")


@dataclass(frozen=True)
class ValidationResult:
    """One sh:ValidationResult as pySHACL makes it; ``details`` are nested sh:detail results."""

    focus: Node
    severity: Node
    shape: Node
    component: URIRef
    path: Node | None
    value: Node | None
    messages: tuple[Node, ...]
    constraint: Node | None = None  # sh:sourceConstraint, for SPARQL constraints
    details: tuple[ValidationResult, ...] = ()


_NS = str(SH)
_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
# Constraint parameters with a check below; everything else of SHACL's vocabulary is refused.
_PARAMETERS = (
    SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.node, SH["or"], SH.pattern, SH.flags,
    SH.hasValue, SH.nodeKind, SH["in"], SH.minInclusive, SH.lessThanOrEquals, SH.sparql,
)  # fmt: skip
_KNOWN = {*_PARAMETERS,
    *_TARGETS, SH.path, SH.severity, SH.message, SH.deactivated, SH.name, SH.description,
    SH.order, SH.group, SH.defaultValue, SH.select, SH.prefixes, SH.declare, SH.prefix,
    SH.namespace,
}  # fmt: skip
_KNOWN_TYPES = {SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint, SH.PrefixDeclaration}
_ALLOWED = {SH.Warning, SH.Info}  # validate.py runs pySHACL with allow_warnings, allow_infos
_PYTHON = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time,
    XSD.dateTime: datetime,
}  # fmt: skip
_KINDS = (
    (BNode, {SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI}),
    (Literal, {SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral}),
    (Identifier, {SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI}),
)
_EMPTY: frozenset[Node] = frozenset()

# (results so far, focus node, its value nodes) -> failures as (component, sh:value, details)
Failure = tuple[URIRef, Node | None, tuple[ValidationResult, ...]]
Check = Callable[["_Run", Node, Any], list[Failure]]


# --- the data -----------------------------------------------------------------------------------


class Index:
    """The graphs to validate, indexed once (predicate -> subject -> objects), and a pyoxigraph
    store of the triples the SPARQL queries read, loaded on first use."""

    def __init__(self, graphs: Iterable[Graph]) -> None:
        pso: dict[Node, dict[Node, set[Node]]] = {}
        for g in graphs:
            for s, p, o in triples(g):
                by_subject = pso.get(p)
                if by_subject is None:
                    by_subject = pso[p] = {}
                objects = by_subject.get(s)
                if objects is None:
                    by_subject[s] = {o}
                else:
                    objects.add(o)
        self._pso = pso
        self._reverse: dict[Node, dict[Node, set[Node]]] = {}
        self._store = _Store(pso)

    def objects(self, subject: Node, predicate: Node) -> set[Node] | frozenset[Node]:
        """Objects of ``subject predicate ?o`` (as ``Graph.objects``, but a set)."""
        return self._pso.get(predicate, {}).get(subject, _EMPTY)

    def subjects(self, predicate: Node, obj: Node) -> set[Node] | frozenset[Node]:
        """Subjects of ``?s predicate obj`` (as ``Graph.subjects``, but a set)."""
        reverse = self._reverse.get(predicate)
        if reverse is None:
            reverse = self._reverse[predicate] = {}
            for s, objects in self._pso.get(predicate, {}).items():
                for o in objects:
                    reverse.setdefault(o, set()).add(s)
        return reverse.get(obj, _EMPTY)

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        s, p, o = triple
        return o in self.objects(s, p)

    def subjects_of(self, predicate: Node) -> Iterable[Node]:
        return self._pso.get(predicate, {}).keys()

    def objects_of(self, predicate: Node) -> set[Node]:
        return {o for objects in self._pso.get(predicate, {}).values() for o in objects}

    def closure(self, node: Node) -> Graph:
        """The triples of ``node`` and, through blank nodes, of what it points to."""
        out, todo, seen = Graph(), [node], set()
        while todo:
            s = todo.pop()
            seen.add(s)
            for p, by_subject in self._pso.items():
                for o in by_subject.get(s, ()):
                    out.add((s, p, o))
                    if isinstance(o, BNode) and o not in seen:
                        todo.append(o)
        return out

    def select(self, query: str, var: str, nodes: Sequence[URIRef]) -> list[dict[str, Node]]:
        """Solutions of a SELECT query with ``?var`` bound to each of ``nodes`` (all at once):
        the same solutions as running it once per node with ``initBindings``."""
        return self._store.run(_prebound(query, var), nodes)


class _Store:
    """A pyoxigraph store holding the triples some queries read (by predicate, and for rdf:type
    by class), loaded as queries ask for them; refused where pyoxigraph would not hold the terms
    rdflib holds."""

    def __init__(self, pso: dict[Node, dict[Node, set[Node]]]) -> None:
        self._pso = pso
        self._store = ox.Store()
        self._loaded: set[tuple[Node, Node | None]] = set()  # (predicate, None or a class)
        self._terms: dict[Node, Any] = {}
        self._literals: set[tuple[str, str | None, str | None]] = set()

    def run(self, prepared: _Prepared, nodes: Sequence[Node]) -> list[dict[str, Node]]:
        """The solutions, as rdflib terms, of a prepared query for these values of its variable."""
        self._load(prepared.predicates, prepared.types)
        for node in nodes:
            if not isinstance(node, URIRef):
                raise Unsupported(f"a focus node of a SPARQL query is not an IRI: {node!r}")
        try:
            block = " ".join(nt_term(n) for n in nodes)
        except IsecgError as e:
            raise Unsupported(str(e)) from e
        solutions = self._store.query(prepared.head + block + prepared.tail, **_FUNCTIONS)
        return [
            {n: _from_ox(row[n]) for n in prepared.names if row[n] is not None} for row in solutions
        ]

    def _load(self, predicates: frozenset[Node] | None, types: frozenset[Node] | None) -> None:
        quads = []
        for p in self._pso if predicates is None else predicates:
            by_subject = self._pso.get(p)
            if not by_subject or (p, None) in self._loaded:
                continue
            if p == RDF.type and types is not None:
                for c in types - {c for q, c in self._loaded if q == p}:
                    self._loaded.add((p, c))
                    quads += [self._quad(s, p, c) for s, os in by_subject.items() if c in os]
            else:
                self._loaded.add((p, None))
                quads += [self._quad(s, p, o) for s, os in by_subject.items() for o in os]
        if quads:
            self._store.extend(quads)
            self._check()

    def _quad(self, s: Node, p: Node, o: Node) -> ox.Quad:
        return ox.Quad(self._term(s), self._term(p), self._term(o))

    def _term(self, node: Node) -> Any:
        term = self._terms.get(node)
        if term is None:
            term = self._terms[node] = self._convert(node)
        return term

    def _convert(self, node: Node) -> Any:
        if not isinstance(node, URIRef | Literal):
            raise Unsupported(f"a blank node in the triples a SPARQL query reads: {node}")
        if isinstance(node, Literal) and node.datatype == XSD.string:
            raise Unsupported(f"a literal typed xsd:string, that rdflib keeps apart: {node!r}")
        try:
            if isinstance(node, URIRef):
                return ox.NamedNode(str(node))
            if node.language:
                self._literals.add((str(node), None, node.language))
                return ox.Literal(str(node), language=node.language)
            if node.datatype is None:
                return ox.Literal(str(node))
            self._literals.add((str(node), str(node.datatype), None))
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        except ValueError as e:
            raise Unsupported(f"pyoxigraph refuses {node!r}: {e}") from e

    def _check(self) -> None:
        """pyoxigraph keeps one canonical form of a typed literal ("1.0"^^xsd:decimal is "1") and
        lower-cases language tags; rdflib keeps what it parsed: refuse literals they would hold
        differently."""
        held = set()
        for row in self._store.query(_LITERALS):
            o = row["o"]
            held.add((o.value, None if o.language else o.datatype.value, o.language))
        if held != self._literals:
            changed = sorted(self._literals - held, key=str)[:3]
            raise Unsupported(f"pyoxigraph would rewrite literals: {changed}")


_LITERALS = f"""SELECT DISTINCT ?o WHERE {{
  ?s ?p ?o FILTER (isLiteral(?o) && DATATYPE(?o) != <{XSD.string}>) }}"""


def _from_ox(term: Any) -> Node:
    """The rdflib term of a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _to_ox(node: Node) -> Any:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    if node.datatype is None:
        return ox.Literal(str(node))
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))


# --- SPARQL as rdflib evaluates it ----------------------------------------------------------------
#
# pyoxigraph follows the SPARQL recommendation; rdflib, which pySHACL runs, departs from it in
# places: it orders terms of different types rather than failing to compare them ("three" > 3),
# casts with Python's int() and float(), and slices strings for SUBSTR (a start below 1 counts
# from the end). The queries are rewritten so that these are computed by rdflib's own functions,
# or by pyoxigraph where both agree; functions not checked to agree are refused.

_FN = "urn:x-isecg-kg:fastshacl:"
_STRING, _INTEGER = str(XSD.string), str(XSD.integer)  # pyoxigraph gives IRIs as str
_STRINGS = (_STRING, str(RDF.langString))
_CHECKED = {
    "STR", "STRLEN", "SUBSTR", "CONCAT", "COALESCE", "DATATYPE", "IF", "FLOOR", "STRBEFORE",
    "STRAFTER", "LCASE", "BOUND", "ISIRI", "ISURI", "ISLITERAL", "ISBLANK", "COUNT", "MIN",
}  # fmt: skip
_KEYWORDS = {"SELECT", "DISTINCT", "REDUCED", "FILTER", "HAVING", "BIND", "BY", "ASC", "DESC"}
_CASTS = {
    str(t) for t in (XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.boolean, XSD.dateTime)
}
_OPEN = {"(": ")", "[": "]", "{": "}"}


def _compare(a: Any, b: Any, op: Any) -> Any:
    """A SPARQL comparison as rdflib evaluates it (operators.RelationalExpression)."""
    expr = CompValue("RelationalExpression", expr=_from_ox(a), op=op.value, other=_from_ox(b))
    try:
        return _to_ox(RelationalExpression(expr, None))
    except SPARQLError:
        return None


def _cast(iri: Any, *args: Any) -> Any:
    """A cast to an XSD datatype as rdflib evaluates it (operators.default_cast)."""
    expr = CompValue("Function", iri=URIRef(iri.value), expr=[_from_ox(a) for a in args])
    try:
        return _to_ox(default_cast(expr, None))
    except SPARQLError:
        return None


def _substr(text: Any, start: Any, length: Any = None) -> Any:
    """SUBSTR as rdflib evaluates it: Python slicing, so a start below 1 counts from the end."""
    if not isinstance(text, ox.Literal) or text.datatype.value not in _STRINGS:
        return None
    first, count = _integer(start), _integer(length)
    if first is None or (length is not None and count is None):
        return None  # rdflib fails too (or, on a decimal, raises a TypeError)
    first -= 1
    value = text.value[first:] if count is None else text.value[first : count + first]
    return ox.Literal(value, language=text.language) if text.language else ox.Literal(value)


def _integer(term: Any) -> int | None:
    if isinstance(term, ox.Literal) and term.datatype.value == _INTEGER:
        return int(term.value)
    return None


_FUNCTIONS = {
    "custom_functions": {
        ox.NamedNode(_FN + "compare"): _compare,
        ox.NamedNode(_FN + "cast"): _cast,
        ox.NamedNode(_FN + "substr"): _substr,
    }
}


def _as_rdflib(query: str, prefixes: dict[str, str]) -> str:
    """The query, rewritten so that pyoxigraph computes what rdflib computes."""
    toks = tokens(query)
    for t, nxt in pairwise(toks):
        if t.word == "IN" or (t.kind == "word" and ":" not in t.text and nxt.text == "("
                              and t.word not in _CHECKED | _KEYWORDS):  # fmt: skip
            raise Unsupported(f"{t.text} in a SPARQL constraint (not checked against rdflib)")
    return _rdflib_substr(_rdflib_casts(_rdflib_comparisons(query), prefixes))


def _closing(toks: Sequence[Token]) -> dict[int, int]:
    """Index of each bracket token -> index of the one that closes it."""
    stack: list[int] = []
    out: dict[int, int] = {}
    for i, t in enumerate(toks):
        if t.kind == "other" and t.text in _OPEN:
            stack.append(i)
        elif t.kind == "other" and t.text in _OPEN.values() and stack:
            out[stack.pop()] = i
    return out


def _end(t: Token) -> int:
    return t.start + len(t.text)


def _rdflib_comparisons(text: str) -> str:
    """Each ``a op b`` (=, !=, <, >, <=, >=) as IF(both simple literals, or both IRIs for = and
    !=, then a op b, else rdflib's comparison). Comparisons are found by brackets and by the
    operators that bind less tightly (&&, ||, commas, AS)."""
    toks = tokens(text)
    close = _closing(toks)
    out: list[str] = []
    done = 0
    level: list[int] = []  # the current operand list: token indexes outside inner brackets

    def flush() -> None:
        nonlocal done
        op = _operator(toks, level)
        if op is not None:
            start, end = toks[level[0]].start, _end(toks[close.get(level[-1], level[-1])])
            left = _rdflib_comparisons(text[start : toks[op[0]].start])
            right = _rdflib_comparisons(text[_end(toks[op[1]]) : end])
            out.append(text[done:start] + _comparison(left.strip(), op[2], right.strip()))
            done = end
        else:
            for k in level:
                if k in close:
                    inner = text[_end(toks[k]) : toks[close[k]].start]
                    out.append(text[done : _end(toks[k])] + _rdflib_comparisons(inner))
                    done = toks[close[k]].start
        level.clear()

    i = 0
    while i < len(toks):
        width = _boundary(toks, i)
        if width:
            flush()
            i += width
            continue
        level.append(i)
        i = close.get(i, i) + 1
    flush()
    return "".join(out) + text[done:]


def _boundary(toks: Sequence[Token], i: int) -> int:
    t = toks[i]
    if t.text == "," or t.word == "AS":
        return 1
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    pair = nxt is not None and nxt.text == t.text and nxt.start == t.start + 1
    return 2 if t.text in "&|" and t.kind == "other" and pair else 0


def _operator(toks: Sequence[Token], level: list[int]) -> tuple[int, int, str] | None:
    for k in level:
        t = toks[k]
        if t.kind != "other" or t.text not in "<>=!":
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        equals = nxt is not None and nxt.text == "=" and nxt.start == t.start + 1
        if t.text == "=":
            return k, k, "="
        if t.text in "<>":
            return (k, k + 1, t.text + "=") if equals else (k, k, t.text)
        if equals:
            return k, k + 1, "!="
    return None


def _comparison(left: str, op: str, right: str) -> str:
    agree = f"DATATYPE({left}) = <{XSD.string}> && DATATYPE({right}) = <{XSD.string}>"
    if op in ("=", "!="):
        agree = f"({agree}) || (isIRI({left}) && isIRI({right}))"
    rdflib = f'<{_FN}compare>({left}, {right}, "{op}")'
    return f"IF(COALESCE({agree}, false), ({left}) {op} ({right}), {rdflib})"


def _rdflib_casts(text: str, prefixes: dict[str, str]) -> str:
    """Each call of an XSD datatype made a call of rdflib's cast; other functions refused."""
    toks = tokens(text)
    for i, (t, nxt) in enumerate(pairwise(toks)):
        if nxt.text != "(" or not (t.kind == "iri" or (t.kind == "word" and ":" in t.text)):
            continue
        if t.kind == "iri":
            iri = t.text[1:-1]
        else:
            prefix, local = t.text.split(":", 1)
            iri = prefixes.get(prefix, "") + local
        if iri.startswith(_FN):
            continue
        if iri not in _CASTS:
            raise Unsupported(f"function <{iri}> in a SPARQL constraint")
        arg = "" if i + 2 < len(toks) and toks[i + 2].text == ")" else ", "
        head = f"{text[: t.start]}<{_FN}cast>(<{iri}>{arg}"
        return head + _rdflib_casts(text[_end(nxt) :], prefixes)
    return text


def _rdflib_substr(text: str) -> str:
    """Each SUBSTR as pyoxigraph's where rdflib agrees (start 1 or more, length 0 or more),
    else rdflib's slicing."""
    toks = tokens(text)
    close = _closing(toks)
    for i, t in enumerate(toks[:-1]):
        if t.word != "SUBSTR" or toks[i + 1].text != "(" or i + 1 not in close:
            continue
        args, start, depth = [], _end(toks[i + 1]), 0
        for k in range(i + 2, close[i + 1]):
            tok = toks[k]
            depth += (tok.text in _OPEN) - (tok.text in _OPEN.values())
            if tok.text == "," and depth == 0:
                args.append(text[start : tok.start])
                start = _end(tok)
        args.append(text[start : toks[close[i + 1]].start])
        if len(args) not in (2, 3):
            raise Unsupported("SUBSTR takes two or three arguments")
        args = [_rdflib_substr(a) for a in args]
        agree = f"({args[1]}) >= 1" + (f" && ({args[2]}) >= 0" if len(args) == 3 else "")
        call = ", ".join(args)
        new = f"IF({agree}, SUBSTR({call}), <{_FN}substr>({call}))"
        return text[: t.start] + new + _rdflib_substr(text[_end(toks[close[i + 1]]) :])
    return text


_PLACEHOLDER = f"<{_FN}focus>"


@dataclass(frozen=True)
class _Prepared:
    """A SELECT query split around the terms of its ``VALUES`` block, and what it reads."""

    head: str
    tail: str
    names: tuple[str, ...]
    predicates: frozenset[Node] | None  # None: every predicate
    types: frozenset[Node] | None  # classes read through rdf:type; None: every class

    def to_json(self) -> dict[str, Any]:
        def iris(nodes: frozenset[Node] | None) -> list[str] | None:
            return None if nodes is None else sorted(str(n) for n in nodes)

        return {
            "head": self.head,
            "tail": self.tail,
            "names": list(self.names),
            "predicates": iris(self.predicates),
            "types": iris(self.types),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Prepared:
        def iris(values: list[str] | None) -> frozenset[Node] | None:
            return None if values is None else frozenset(URIRef(v) for v in values)

        if not (isinstance(data["head"], str) and isinstance(data["tail"], str)):
            raise TypeError("head and tail are strings")
        return cls(
            data["head"],
            data["tail"],
            tuple(str(n) for n in data["names"]),
            iris(data["predicates"]),
            iris(data["types"]),
        )


@lru_cache(maxsize=128)
def _prebound(query: str, var: str) -> _Prepared:
    """The query with ``VALUES ?var { ... }`` first in its WHERE clause, after checking that this
    equals pre-binding ``?var`` (rdflib's ``initBindings``) one value at a time.

    The check parses the query with rdflib (about 0.25 s a query), so its outcome is kept on
    disk (``cache_dir()``), keyed by the query and the versions that decide it.
    """
    path = cache_dir() / f"prebound-{_key(query, var)}.json"
    try:
        return _Prepared.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not kept yet, or unreadable: work it out again
    prepared = _analyse(query, var)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(prepared.to_json()), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a cache we cannot write only costs time
    return prepared


def cache_dir() -> Path:
    """Where fastshacl keeps what it worked out: ``$ISECG_KG_CACHE``, else the user's cache."""
    given = os.environ.get("ISECG_KG_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "isecg-kg"


def _key(query: str, var: str) -> str:
    return hashlib.sha256(repr((_code(), query, var)).encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _code() -> tuple[str, ...]:
    """What decides an analysis besides the query: this code, its tokenizer, both parsers."""
    sources = (Path(__file__), Path(sparqltext.__file__))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    return digest, rdflib.__version__, ox.__version__


def _analyse(query: str, var: str) -> _Prepared:
    toks = tokens(query)
    brace = next((t for t in toks if t.text == "{"), None)
    if brace is None:
        raise Unsupported("a SPARQL query without a WHERE clause")
    cut = brace.start + 1
    head, tail = f"{query[:cut]} VALUES ?{var} {{ ", f" }} {query[cut:]}"
    sample = head + _PLACEHOLDER + tail
    try:
        algebra = prepareQuery(sample).algebra
        list(ox.Store().query(sample, **_FUNCTIONS))
    except Exception as e:  # rdflib raises pyparsing's errors, pyoxigraph SyntaxError
        raise Unsupported(f"a SPARQL query rdflib or pyoxigraph cannot parse: {e}") from e
    if algebra.name != "SelectQuery":
        raise Unsupported("a SPARQL query that is not a SELECT")
    _binds(algebra.p, Variable(var))
    predicates, types = _reads(algebra)
    names = tuple(str(v) for v in algebra.PV)
    return _Prepared(head, tail, names, predicates, types)


def _binds(node: CompValue, v: Variable) -> bool:
    """Whether every solution of ``node`` binds ``v``. Raises Unsupported where ``v`` is used
    in a part evaluated apart from the VALUES block (an OPTIONAL or MINUS not bound by its left
    side, a FILTER or BIND whose group does not bind it, a sub-query ...)."""
    name = node.name
    if name == "BGP":
        return any(v in triple for triple in node.triples)
    if name == "ToMultiSet" and node.p.name == "values":
        return all(v in row for row in node.p.res)
    if name in ("Project", "Distinct", "Reduced"):
        return _binds(node.p, v)
    if name == "Join":
        left, right = _binds(node.p1, v), _binds(node.p2, v)
        return left or right
    if name == "Union":
        left, right = _binds(node.p1, v), _binds(node.p2, v)
        return left and right
    if name in ("LeftJoin", "Minus"):
        left = _binds(node.p1, v)
        _binds(node.p2, v)
        if not left and (_mentions(node.p2, v) or _mentions(node.get("expr"), v)):
            raise Unsupported(f"?{v} used in an OPTIONAL or MINUS that the query does not bind")
        return left
    if name in ("Filter", "Extend", "OrderBy", "Group", "AggregateJoin"):
        bound = _binds(node.p, v)
        if name == "Group" and v not in (node.expr or ()):
            raise Unsupported(f"an aggregate that does not group by ?{v}")
        uses = node.get("A") if name == "AggregateJoin" else node.get("expr")
        if not bound and _mentions(uses, v):
            raise Unsupported(f"?{v} used in an expression where the query does not bind it")
        return bound or (name == "Extend" and node.var == v)
    raise Unsupported(f"SPARQL {name} is not supported")


def _mentions(obj: Any, v: Variable) -> bool:
    if isinstance(obj, Variable):
        return obj == v
    if isinstance(obj, CompValue):
        return any(_mentions(x, v) for k, x in obj.items() if k != "_vars")
    if isinstance(obj, list | tuple):
        return any(_mentions(x, v) for x in obj)
    return False


def _reads(algebra: CompValue) -> tuple[frozenset[Node] | None, frozenset[Node] | None]:
    """The predicates a query's patterns read, and the classes it matches through rdf:type
    (None: all of them, for a variable predicate or class, or a negated path)."""
    predicates: set[Node] = set()
    types: set[Node] | None = set()
    for _, p, o in _patterns(algebra):
        iris = _path_iris(p)
        if iris is None:
            return None, None
        predicates |= iris
        if p == RDF.type and isinstance(o, URIRef) and types is not None:
            types.add(o)
        elif RDF.type in iris:
            types = None
    return frozenset(predicates), None if types is None else frozenset(types)


def _patterns(obj: Any) -> Iterable[tuple[Any, Any, Any]]:
    if isinstance(obj, CompValue):
        if obj.name == "BGP":
            yield from obj.triples
        # rdflib keeps the algebra of an EXISTS pattern as an attribute, beside the parsed
        # pattern it leaves under the same key: read the algebra.
        translated = vars(obj)
        for k, x in obj.items():
            if k != "_vars":
                yield from _patterns(translated.get(k, x))
    elif isinstance(obj, list | tuple):
        for x in obj:
            yield from _patterns(x)


def _path_iris(p: Any) -> set[Node] | None:
    if isinstance(p, URIRef):
        return {p}
    if isinstance(p, SequencePath | AlternativePath):
        found: set[Node] = set()
        for arg in p.args:
            iris = _path_iris(arg)
            if iris is None:
                return None
            found |= iris
        return found
    if isinstance(p, InvPath):
        return _path_iris(p.arg)
    if isinstance(p, MulPath):
        return _path_iris(p.path)
    return None  # a variable or a negated property set


@dataclass(frozen=True)
class _Sparql:
    """A SPARQL constraint, compiled: its query pre-bound to all focus nodes at once."""

    node: Node
    prepared: _Prepared
    projected: tuple[str, ...]  # what the constraint's own SELECT projects
    messages: tuple[Node, ...]


_QH = SPARQLQueryHelper


def _compile_sparql(sg: Graph, shape: Node, path: URIRef | None, c: Node) -> _Sparql | None:
    """A sh:sparql constraint; None when deactivated. Mirrors pySHACL's SPARQLQueryHelper."""
    deactivated = list(sg.objects(c, SH.deactivated))
    if deactivated:
        if not (isinstance(deactivated[0], Literal) and isinstance(deactivated[0].value, bool)):
            raise Unsupported("sh:deactivated of a SPARQL constraint is not a boolean")
        if len(deactivated) > 1:
            raise Unsupported("a SPARQL constraint with two sh:deactivated")
        if deactivated[0].value:
            return None
    selects = list(sg.objects(c, SH.select))
    if len(selects) != 1 or not isinstance(selects[0], Literal):
        raise Unsupported("a SPARQL constraint needs exactly one sh:select")
    text = selects[0].value
    if not isinstance(text, str):
        raise Unsupported("sh:select is not a string")
    messages = tuple(sg.objects(c, SH.message))
    if any(not (isinstance(m, Literal) and isinstance(m.value, str)) for m in messages):
        raise Unsupported("a SPARQL constraint's sh:message is not a string")
    for regex in (_QH.has_minus_regex, _QH.has_values_regex, _QH.has_service_regex):
        if regex.search(text):
            raise Unsupported("MINUS, VALUES or SERVICE in a SPARQL constraint")
    if _QH.bind_sg_regex.search(text) or _QH.bind_cs_regex.search(text):
        raise Unsupported("$shapesGraph or $currentShape in a SPARQL constraint")
    if path is not None:
        text = _QH.bind_path_regex.sub(lambda m: f"{m.group(1)}<{path}>", text)
    elif _QH.bind_path_regex.search(text):
        raise Unsupported("$PATH in a SPARQL constraint of a node shape")
    toks = tokens(text)
    if not _QH.bind_this_regex.search(text) or not any(t.text[1:] == "this" for t in toks):
        raise Unsupported("a SPARQL constraint that does not use $this")
    if sum(t.word == "SELECT" for t in toks) != 1:
        raise Unsupported("a sub-query in a SPARQL constraint")
    if any(a.word == "AS" and b.kind == "var" and b.text[1:] == "this" for a, b in pairwise(toks)):
        raise Unsupported("a SPARQL constraint that binds $this with AS")
    prefixes = _prefixes(sg, c)
    query = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items()) + "\n" + text
    own = projection(query)
    if not own or "failure" in own:
        raise Unsupported("a SPARQL constraint that projects ?failure, or SELECT *")
    # Parsed once, by _prebound: ?this is added at the end of the projection, so the
    # constraint's own variables keep their order.
    prepared = _prebound(_as_rdflib(add_projection(query, ["this"]), prefixes), "this")
    projected = tuple(n for n in prepared.names if n in own)
    return _Sparql(c, prepared, projected, messages)


def _prefixes(sg: Graph, c: Node) -> dict[str, str]:
    """The PREFIX lines pySHACL writes before a constraint's query (collect_prefixes)."""
    out = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
    ontologies = set(sg.subjects(RDF.type, OWL.Ontology))
    graph_declares = set(sg.objects(sg.identifier, SH.declare)) if sg.identifier else set()
    every = graph_declares.union(*(sg.objects(o, SH.declare) for o in ontologies))
    seen: dict[str, str] = {}
    for holder in sg.objects(c, SH.prefixes):
        own = set(sg.objects(holder, SH.declare))
        declares = own | graph_declares if own and holder in ontologies else every | own
        for d in declares:
            prefixes, namespaces = list(sg.objects(d, SH.prefix)), list(sg.objects(d, SH.namespace))
            if len(prefixes) != 1 or len(namespaces) != 1 or not isinstance(prefixes[0], Literal):
                raise Unsupported("a sh:declare without exactly one sh:prefix and sh:namespace")
            prefix, namespace = str(prefixes[0].value), str(namespaces[0])
            if not isinstance(namespaces[0], Literal) or seen.get(prefix, namespace) != namespace:
                raise Unsupported(f"prefix {prefix!r} declared twice, or not as a literal")
            seen[prefix] = namespace
    out.update(sorted(seen.items()))  # the same text in every run: it keys the analysis
    return out


def _fill(message: str, names: dict[str, Node]) -> str:
    """pySHACL's message templating: ``{?var}`` and ``{$var}``, by re.sub, in this order."""
    for var, val in names.items():
        message = re.sub("{{[?$]{}}}".format(var), str(val), message)  # noqa: UP032
    return message


# --- shapes ---------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Shape:
    node: Node
    path: URIRef | None  # None for a node shape
    severity: Node
    messages: tuple[Node, ...]
    deactivated: bool
    targets: dict[URIRef, list[Node]]
    checks: list[Check] = field(default_factory=list)
    sparql: list[_Sparql] = field(default_factory=list)

    def values(self, index: Index, focus: Node) -> set[Node] | frozenset[Node]:
        return {focus} if self.path is None else index.objects(focus, self.path)

    def result(self, focus: Node, failure: Failure) -> ValidationResult:
        component, value, details = failure
        return ValidationResult(
            focus, self.severity, self.node, component, self.path, value, self.messages,
            details=details,
        )  # fmt: skip


class Shapes:
    """A shapes graph compiled for fast validation; raises Unsupported for what it cannot do."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        _refuse_unknown_terms(graph)
        paths = _shape_paths(graph)
        self._shapes = {node: _compile_shape(graph, node, path) for node, path in paths.items()}
        for shape in self._shapes.values():
            shape.checks = [c for p in _PARAMETERS for c in _checks(self, graph, shape, p)]
        self._refuse_cycles_and_silent_results()

    def shape(self, node: Node) -> _Shape:
        found = self._shapes.get(node)
        if found is None:
            raise Unsupported(f"{node} is used as a shape but is not a well-formed shape")
        return found

    def validate(self, index: Index, focus: Iterable[Node] | None = None) -> list[ValidationResult]:
        """The results of validating the indexed graphs; with ``focus``, only those of the
        shapes' targets that are focus IRIs (nested shapes still check every value node)."""
        run = _Run(self, index)
        wanted = None if focus is None else set(focus)
        results = []
        for shape in self._shapes.values():
            if shape.deactivated:
                continue
            nodes = run.targets(shape)
            if wanted is not None:
                nodes = {n for n in nodes if isinstance(n, URIRef) and n in wanted}
            if not nodes:
                continue
            for f in nodes:
                values = shape.values(index, f)
                for check in shape.checks:
                    results += [shape.result(f, failure) for failure in check(run, f, values)]
            for sparql in shape.sparql:
                results += run.sparql(shape, sparql, nodes)
        return results

    def _refuse_cycles_and_silent_results(self) -> None:
        """Refuse recursive shapes, SPARQL in nested shapes, and reported results with no
        sh:message (pySHACL writes its own text; fastshacl does not)."""
        nested: dict[Node, set[Node]] = {}
        for node in self._shapes:
            kids = set(self.graph.objects(node, SH.node))
            for lst in self.graph.objects(node, SH["or"]):
                kids.update(self.graph.items(lst))
            nested[node] = kids
        reported = {n for n, s in self._shapes.items() if any(s.targets.values())}
        todo = list(reported)
        while todo:
            for kid in self.graph.objects(todo.pop(), SH.node):
                if kid not in reported:
                    reported.add(kid)
                    todo.append(kid)
        for node, shape in self._shapes.items():
            if node in reported and shape.checks and not shape.messages:
                raise Unsupported(f"shape {node} has no sh:message")
            if shape.sparql and any(node in kids for kids in nested.values()):
                raise Unsupported(f"shape {node} has SPARQL and is nested in another shape")
        state: dict[Node, int] = {}

        def visit(node: Node) -> None:
            if state.get(node) == 1:
                raise Unsupported(f"recursive shapes through {node}")
            if state.get(node) is None:
                state[node] = 1
                for kid in nested.get(node, ()):
                    visit(kid)
                state[node] = 2

        for node in nested:
            visit(node)


def _refuse_unknown_terms(sg: Graph) -> None:
    unknown = set()
    for _, p, o in sg:
        if str(p).startswith(_NS) and p not in _KNOWN:
            unknown.add(p)
        if p == RDF.type and str(o).startswith(_NS) and o not in _KNOWN_TYPES:
            unknown.add(o)
    if unknown:
        names = ", ".join(sorted("sh:" + str(t).removeprefix(_NS) for t in unknown))
        raise Unsupported(f"not supported by fastshacl: {names}")


def _shape_paths(sg: Graph) -> dict[Node, URIRef | None]:
    """Every shape pySHACL finds in the shapes graph (ShapesGraph._build_node_shape_cache),
    with its path; only simple predicate paths are supported."""
    node_shapes = set(sg.subjects(RDF.type, SH.NodeShape))
    prop_shapes = set(sg.subjects(RDF.type, SH.PropertyShape))
    implied = {s for p in (*_TARGETS, SH.node) for s in sg.subjects(p, None)}
    implied |= set(sg.objects(None, SH.node))
    for lst in sg.objects(None, SH["or"]):
        members = list(sg.items(lst))
        if not members:
            raise Unsupported("an empty sh:or list")
        implied.update(members)
    out: dict[Node, URIRef | None] = {}
    for s in node_shapes | prop_shapes | implied:
        paths = list(sg.objects(s, SH.path))
        if s in node_shapes and (paths or s in prop_shapes):
            raise Unsupported(f"node shape {s} has a sh:path or is also a property shape")
        if len(paths) > 1 or (s in prop_shapes and not paths):
            raise Unsupported(f"property shape {s} needs exactly one sh:path")
        if paths and not isinstance(paths[0], URIRef):
            raise Unsupported(f"shape {s} has a complex sh:path")
        if isinstance(s, Literal):
            raise Unsupported(f"a literal used as a shape: {s!r}")
        out[s] = paths[0] if paths else None
    return out


def _compile_shape(sg: Graph, node: Node, path: URIRef | None) -> _Shape:
    deactivated = list(sg.objects(node, SH.deactivated))
    severities = set(sg.objects(node, SH.severity))
    if len(deactivated) > 1 or len(severities) > 1:
        raise Unsupported(f"shape {node} has two sh:deactivated or two sh:severity")
    if deactivated and not isinstance(deactivated[0], Literal):
        raise Unsupported(f"sh:deactivated of {node} is not a literal")
    targets = {p: list(sg.objects(node, p)) for p in _TARGETS}
    classes = {RDFS.Class, *sg.subjects(RDFS.subClassOf, RDFS.Class)}
    if any(t in classes for t in sg.objects(node, RDF.type)):
        targets[SH.targetClass].append(node)  # an implicit class target
    shape = _Shape(
        node=node,
        path=path,
        severity=next(iter(severities), SH.Violation),
        messages=tuple(set(sg.objects(node, SH.message))),
        deactivated=bool(deactivated and deactivated[0].value),
        targets=targets,
    )
    for c in sg.objects(node, SH.sparql):
        compiled = _compile_sparql(sg, node, path, c)
        if compiled is not None:
            shape.sparql.append(compiled)
    return shape


def _one(sg: Graph, shape: _Shape, p: URIRef) -> Node:
    values = list(sg.objects(shape.node, p))
    if len(values) != 1:
        raise Unsupported(f"{shape.node} needs exactly one {p}")
    return values[0]


def _count(sg: Graph, shape: _Shape, p: URIRef) -> int:
    n = _one(sg, shape, p)
    if shape.path is None or not (isinstance(n, Literal) and n.datatype == XSD.integer):
        raise Unsupported(f"{p} of {shape.node}: an xsd:integer on a property shape")
    if int(n.value) < 0:
        raise Unsupported(f"{p} of {shape.node} is negative")
    return int(n.value)


def _checks(shapes: Shapes, sg: Graph, shape: _Shape, p: URIRef) -> list[Check]:
    """The checks of one constraint parameter of a shape, as pySHACL's constraint components
    evaluate them (pyshacl/constraints/core/)."""
    values = list(sg.objects(shape.node, p))
    if not values or p == SH.flags or p == SH.sparql:
        return []
    if p == SH.minCount:
        n = _count(sg, shape, p)
        return [
            lambda run, f, vs: [(SH.MinCountConstraintComponent, None, ())] if len(vs) < n else []
        ]
    if p == SH.maxCount:
        n = _count(sg, shape, p)
        return [
            lambda run, f, vs: [(SH.MaxCountConstraintComponent, None, ())] if len(vs) > n else []
        ]
    if p == SH.datatype:
        rule = _one(sg, shape, p)
        return [_each(SH.DatatypeConstraintComponent, lambda run, v: _datatype_ok(v, rule))]
    if p == SH.nodeKind:
        kind = _one(sg, shape, p)
        return [_each(SH.NodeKindConstraintComponent, lambda run, v: _kind_ok(v, kind))]
    if p == SH["in"]:
        members = set(sg.items(_one(sg, shape, p)))
        return [_each(SH.InConstraintComponent, lambda run, v: v in members)]
    if p == SH["class"]:
        return [_each(SH.ClassConstraintComponent, _is_instance(c)) for c in values]
    if p == SH.hasValue:
        return [_has_value(hv) for hv in values]
    if p == SH.minInclusive:
        if not all(isinstance(m, Literal) for m in values):
            raise Unsupported(f"sh:minInclusive of {shape.node} is not a literal")
        return [_each(SH.MinInclusiveConstraintComponent, _at_least(m)) for m in values]
    if p == SH.pattern:
        return [_each(SH.PatternConstraintComponent, _matches(sg, shape, v)) for v in values]
    if p == SH.lessThanOrEquals:
        if shape.path is None or not all(isinstance(x, URIRef) for x in set(values)):
            raise Unsupported(f"sh:lessThanOrEquals of {shape.node}: IRIs on a property shape")
        return [_less_or_equal(x) for x in set(values)]
    if p == SH.node:
        for v in values:
            if shapes.shape(v).path is not None:
                raise Unsupported(f"sh:node {v} is a property shape")
        return [_node(v) for v in values]
    return [_or(shapes, sg, lst) for lst in values]  # SH.or


def _each(component: URIRef, ok: Callable[[_Run, Node], bool]) -> Check:
    return lambda run, f, vs: [(component, v, ()) for v in vs if not ok(run, v)]


def _datatype_ok(v: Node, rule: Node) -> bool:
    """DatatypeConstraintComponent: the datatype, and a value rdflib could parse for it."""
    if not isinstance(v, Literal):
        return False
    if v.datatype == rule:
        return getattr(v, "ill_typed", None) is not True and _python_type_ok(v, rule)
    if rule == RDFS.Literal or (rule == RDFS.Datatype and v.datatype):
        return True
    if v.datatype is None and v.language is None and rule == XSD.string:
        return _python_type_ok(v, rule)
    return rule == RDF.langString and bool(v.language) and _python_type_ok(v, rule)


def _kind_ok(v: Node, kind: Node) -> bool:
    return next((kind in kinds for cls, kinds in _KINDS if isinstance(v, cls)), False)


def _python_type_ok(v: Literal, rule: Node) -> bool:
    expected = _PYTHON.get(rule)
    return expected is None or isinstance(v.value, expected)


def _is_instance(cls: Node) -> Callable[[_Run, Node], bool]:
    def ok(run: _Run, v: Node) -> bool:
        if isinstance(v, Literal):
            return False
        return any(t == cls or cls in run.superclasses(t) for t in run.index.objects(v, RDF.type))

    return ok


def _has_value(hv: Node) -> Check:
    return lambda run, f, vs: [] if hv in vs else [(SH.HasValueConstraintComponent, None, ())]


def _at_least(m: Literal) -> Callable[[_Run, Node], bool]:
    """MinInclusiveConstraintComponent, with pySHACL's compare_literal."""
    min_is_string = isinstance(m.value, str)

    def ok(run: _Run, v: Node) -> bool:
        if not isinstance(v, Literal) or isinstance(v.value, str) != min_is_string:
            return False
        try:
            return compare_literal(v, m) >= 0
        except (TypeError, NotImplementedError):
            return False

    return ok


def _matches(sg: Graph, shape: _Shape, pattern: Node) -> Callable[[_Run, Node], bool]:
    """PatternConstraintComponent: Python's re.search, flags i and m only."""
    flags = list(sg.objects(shape.node, SH.flags))
    if len(flags) > 1 or not isinstance(pattern, Literal) or not isinstance(pattern.value, str):
        raise Unsupported(f"sh:pattern of {shape.node}: one string, at most one sh:flags")
    given = str(flags[0].value).lower() if flags and flags[0].value else ""
    options = (re.I if "i" in given else 0) | (re.M if "m" in given else 0)
    text = pattern.value if len(pattern.value) > 1 else str(pattern)
    try:
        regex = re.compile(text, options)
    except re.error as e:
        raise Unsupported(f"sh:pattern of {shape.node} is not a Python regex: {e}") from e

    def ok(run: _Run, v: Node) -> bool:
        if isinstance(v, BNode):
            return False
        plain = isinstance(v, Literal) and v.value is not None
        string = plain and v.datatype in (None, RDF.langString, XSD.string)
        return regex.search(str(v.value) if string else str(v)) is not None

    return ok


def _less_or_equal(other: URIRef) -> Check:
    """LessThanOrEqualsConstraintComponent: a result per value and per value of ``other`` it
    is not <= to (or cannot be compared with), as pySHACL compares them."""

    def check(run: _Run, f: Node, vs: Any) -> list[Failure]:
        out: list[Failure] = []
        bounds = run.index.objects(f, other)
        for v in vs:
            a, a_str = _comparable(v)
            for bound in bounds:
                b, b_str = _comparable(bound)
                if a_str != b_str or not a <= b:
                    out.append((SH.LessThanOrEqualsConstraintComponent, v, ()))
        return out

    return check


def _comparable(node: Node) -> tuple[Any, bool]:
    if isinstance(node, BNode):
        raise Unsupported("sh:lessThanOrEquals on a blank node (pySHACL refuses it)")
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal) and isinstance(node.value, str):
        return node.value, True
    return node, False


def _node(target: Node) -> Check:
    """NodeConstraintComponent: a result per value node the shape reports anything on, with
    those reports as sh:detail."""

    def check(run: _Run, f: Node, vs: Any) -> list[Failure]:
        shape = run.shapes.shape(target)
        out: list[Failure] = []
        for v in vs:
            details = run.nested(shape, v)
            if details:
                out.append((SH.NodeConstraintComponent, v, details))
        return out

    return check


def _or(shapes: Shapes, sg: Graph, lst: Node) -> Check:
    """OrConstraintComponent: a result per value node that conforms to no member."""
    members = set(sg.items(lst))

    def check(run: _Run, f: Node, vs: Any) -> list[Failure]:
        found = [shapes.shape(m) for m in members]
        return [(SH.OrConstraintComponent, v, ()) for v in vs if not run.any_conforms(found, v)]

    return check


# --- a run ----------------------------------------------------------------------------------------


class _Run:
    """One validation: the index, and what nested shapes found on each node."""

    def __init__(self, shapes: Shapes, index: Index) -> None:
        self.shapes = shapes
        self.index = index
        self._nested: dict[tuple[Node, Node], tuple[ValidationResult, ...]] = {}
        self._supers: dict[Node, set[Node]] = {}

    def targets(self, shape: _Shape) -> set[Node]:
        """Focus nodes, as pySHACL's Shape.focus_nodes finds them."""
        index, t = self.index, shape.targets
        found = set(t[SH.targetNode])
        for c in t[SH.targetClass]:
            for cls in _closure(c, lambda x: index.subjects(RDFS.subClassOf, x)):
                found |= index.subjects(RDF.type, cls)
        for p in t[SH.targetSubjectsOf]:
            found.update(index.subjects_of(p))
        for p in t[SH.targetObjectsOf]:
            found |= index.objects_of(p)
        return found

    def superclasses(self, cls: Node) -> set[Node]:
        found = self._supers.get(cls)
        if found is None:
            index = self.index
            found = self._supers[cls] = _closure(cls, lambda x: index.objects(x, RDFS.subClassOf))
        return found

    def nested(self, shape: _Shape, v: Node) -> tuple[ValidationResult, ...]:
        """What a shape reports on ``v`` when another shape's constraint checks it."""
        key = (shape.node, v)
        found = self._nested.get(key)
        if found is None:
            found = ()
            if not shape.deactivated:
                values = shape.values(self.index, v)
                found = tuple(
                    shape.result(v, x) for check in shape.checks for x in check(self, v, values)
                )
            self._nested[key] = found
        return found

    def any_conforms(self, members: Sequence[_Shape], v: Node) -> bool:
        """Whether ``v`` conforms to one of the shapes; with warnings allowed, pySHACL takes a
        shape of severity sh:Warning or sh:Info as conforming, whatever it finds."""
        return any(
            m.deactivated or m.severity in _ALLOWED or not self.nested(m, v) for m in members
        )

    def sparql(self, shape: _Shape, sparql: _Sparql, nodes: set[Node]) -> list[ValidationResult]:
        """One query for all focus nodes; then, per focus node, what pySHACL makes of the rows
        (SPARQLBasedConstraint._validate_sparql_query and make_v_result)."""
        store = self.index._store
        seen: dict[Node, list[tuple[Any, ...]]] = {}
        out = []
        for row in store.run(sparql.prepared, sorted(nodes)):
            f = row["this"]
            names = {n: row[n] for n in sparql.projected if n in row}
            t, p, v = names.pop("this", None), names.pop("path", None), names.pop("value", None)
            if t is None and p is None and v is None:
                continue
            key = (t, p, v, names)
            if key in seen.setdefault(f, []):
                continue
            seen[f].append(key)
            value = v if v is not None else (f if shape.path is None else None)
            filled = dict(names)
            filled.update(
                (k, x) for k, x in (("this", t), ("path", p), ("value", value)) if x is not None
            )
            messages = [m for m in sparql.messages if m not in shape.messages]
            messages += shape.messages
            texts = tuple(
                Literal(_fill(str(m.value), filled)) if isinstance(m, Literal) else m
                for m in messages
            )
            out.append(
                ValidationResult(
                    t or f,
                    shape.severity,
                    shape.node,
                    SH.SPARQLConstraintComponent,
                    p if p is not None else shape.path,
                    value,
                    texts,
                    sparql.node,
                )
            )
        return out


def _closure(start: Node, step: Callable[[Node], Iterable[Node]]) -> set[Node]:
    found, todo = {start}, [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in found:
                found.add(nxt)
                todo.append(nxt)
    return found


# --- the report graph -----------------------------------------------------------------------------


def report_graph(
    results: Sequence[ValidationResult], conforms: bool, shapes: Graph, index: Index
) -> Graph:
    """The sh:ValidationReport graph pySHACL writes for these results (Validator.
    create_validation_report): blank nodes of the data or the shapes are copied in."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in shapes.namespace_manager.namespaces():
        g.namespace_manager.bind(prefix, ns)
    report = BNode()
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(conforms)))
    copied: dict[tuple[bool, Node], Node] = {}

    def term(node: Node, from_data: bool) -> Node:
        if not isinstance(node, BNode):
            return node
        key = (from_data, node)
        if key not in copied:
            source = index.closure(node) if from_data else shapes
            copied[key] = clone_blank_node(source, node, g, keepid=True)
        return copied[key]

    def add(r: ValidationResult) -> BNode:
        node = BNode()
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.sourceConstraintComponent, r.component))
        g.add((node, SH.sourceShape, term(r.shape, False)))
        g.add((node, SH.resultSeverity, r.severity))
        g.add((node, SH.focusNode, term(r.focus, True)))
        if r.value is not None:
            g.add((node, SH.value, term(r.value, True)))
        if r.path is not None:
            g.add((node, SH.resultPath, term(r.path, False)))
        if r.constraint is not None:
            g.add((node, SH.sourceConstraint, term(r.constraint, False)))
        for m in r.messages:
            g.add((node, SH.resultMessage, m))
        for d in r.details:
            g.add((node, SH.detail, add(d)))
        return node

    for r in results:
        g.add((report, SH.result, add(r)))
    return g
