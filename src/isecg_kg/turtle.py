"""Long-form Turtle written straight from triples: the bytes of rdflib's ``longturtle``, faster.

rdflib's serializer works through a Graph store and looks each term up again wherever it
occurs. Here each IRI is keyed by its plain string, each term's text is computed once, and the
layout follows ``rdflib.plugins.serializers.longturtle`` step by step: the same order of
subjects, predicates (``a`` first) and objects, the same PREFIX lines (only the prefixes rdflib
would use), blank nodes inlined as ``[ ... ]`` and lists as ``( ... )``. Where a graph holds
something this port does not promise to write as rdflib does (a predicate that would need a
generated prefix, an IRI rdflib refuses, a cyclic list, terms of unusual types), ``longturtle``
returns None and the caller serialises with rdflib itself.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import NamespaceManager, split_uri
from rdflib.term import (
    _NUMERIC_INF_NAN_LITERAL_TYPES,
    _PLAIN_LITERAL_TYPES,
    Node,
    _is_valid_uri,
)

# Terms are keyed as plain str for IRIs (C-speed hashing and equality), themselves otherwise.
Key = str | BNode | Literal
_TYPE, _LABEL, _CLASS = str(RDF.type), str(RDFS.label), str(RDFS.Class)
_FIRST, _REST, _NIL = str(RDF.first), str(RDF.rest), str(RDF.nil)
_INDENT = "    "
_MAYBE_BARE = frozenset(map(str, _PLAIN_LITERAL_TYPES + _NUMERIC_INF_NAN_LITERAL_TYPES))
_XMLNS = "http://www.w3.org/XML/1998/namespace"  # split_uri treats it apart
_NAME_CHARS = string.ascii_letters + string.digits + "-._%()"  # ASCII chars split_uri keeps
_SPLIT_START = re.compile(r"[A-Za-z0-9_]")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class _Decline(Exception):
    """The graph holds something this writer does not promise to write as rdflib does."""


def longturtle(
    triples: Iterable[tuple[Node, Node, Node]], namespaces: NamespaceManager
) -> bytes | None:
    """The triples as rdflib's ``longturtle`` writes a graph bound to ``namespaces``, or None
    where this writer cannot promise the same bytes (then serialise with rdflib)."""
    try:
        return _Writer(triples, _Names(namespaces)).write()
    except _Decline:
        return None


def _split(uri: str) -> tuple[str, str] | None:
    """``rdflib.namespace.split_uri`` (None where it raises), without its per-character loop
    for ASCII IRIs."""
    if not uri.isascii() or uri.startswith(_XMLNS):
        try:
            return split_uri(uri)
        except ValueError:
            return None
    tail = len(uri.rstrip(_NAME_CHARS))  # the local name starts after the last other char
    if tail == 0:
        return None
    # split_uri looks for a name-start char after that one, then wraps round to the start.
    start = _SPLIT_START.search(uri, tail) or _SPLIT_START.search(uri)
    if start is None or start.start() == 0:
        return None
    return uri[: start.start()], uri[start.start() :]


class _Names:
    """QNames as rdflib's Turtle serializers choose them, and the prefixes they use."""

    def __init__(self, namespaces: NamespaceManager) -> None:
        self.prefix = {str(ns): namespaces.store.prefix(ns) for _, ns in namespaces.namespaces()}
        self.longer: dict[str, list[str]] = {}
        self.cache: dict[str, tuple[str | None, bool]] = {}
        self.used: dict[str, str] = {}

    def qname(self, uri: str, verb: bool = False) -> str | None:
        """The QName rdflib's ``get_pname`` gives, registering its prefix; None for <IRI>."""
        try:
            text, generates = self.cache[uri]
        except KeyError:
            text, generates = self.cache[uri] = self._compute(uri)
        if verb and generates:
            raise _Decline(f"predicate {uri} needs a generated prefix")
        return text

    def _compute(self, uri: str) -> tuple[str | None, bool]:
        """(QName or None, whether rdflib would generate a prefix if it were a predicate).

        Mirrors ``NamespaceManager.compute_qname(uri, generate=False)``: split the IRI, prefer
        the longest bound namespace that extends the split one, fall back to the IRI itself as
        a bound namespace (``dcterms:``). The namespaces other IRIs split into never extend
        this one's, so the order terms are met in does not matter.
        """
        if not _is_valid_uri(uri):
            raise _Decline(f"rdflib does not serialise the IRI {uri!r}")
        parts = _split(uri)
        prefix, generates = None, False
        if parts is not None:
            namespace, name = parts
            longer = self.longer.get(namespace)
            if longer is None:
                longer = self.longer[namespace] = sorted(
                    (
                        ns
                        for ns in self.prefix
                        if len(ns) > len(namespace) and ns.startswith(namespace)
                    ),
                    key=len,
                    reverse=True,
                )
            for ns in longer:
                if uri.startswith(ns):
                    namespace, name = ns, uri[len(ns) :]
                    break
            prefix = self.prefix.get(namespace)
            generates = prefix is None
        if prefix is None:  # as get_pname does when compute_qname fails
            namespace, name, prefix = uri, "", self.prefix.get(uri)
            if prefix is None:
                return None, generates
        local = _LONE_PERCENT.sub(r"\\%", name.replace("(", r"\(").replace(")", r"\)"))
        if local.endswith("."):
            return None, generates
        if prefix.startswith("_") or self.used.setdefault(prefix, namespace) != namespace:
            raise _Decline(f"prefix {prefix!r} would be rewritten")
        return f"{prefix}:{local}", generates


class _Writer:
    """One graph's longturtle text: ``LongTurtleSerializer`` run on plain dicts."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]], names: _Names) -> None:
        self.names = names
        labels: dict[Key, str] = {}  # every IRI's text, so its prefix is registered as
        verbs: dict[str, str] = {}  # rdflib's preprocess registers it (rdf:nil included)
        # subject -> predicate -> objects in first-seen order, as rdflib's Memory store keeps them
        spo: dict[Key, dict[str, list[Key]]] = {}
        subject = props = None
        for s, p, o in triples:
            if s is not subject:  # a graph yields a subject's triples together
                subject = s
                if type(s) is URIRef:
                    s = str(s)
                    if s not in labels:
                        labels[s] = self._iri(s)
                elif type(s) is not BNode:
                    raise _Decline(f"subject {s!r}")
                props = spo.get(s)
                if props is None:
                    props = spo[s] = {}
            if type(p) is not URIRef:
                raise _Decline(f"predicate {p!r}")
            p = str(p)
            if p not in verbs:
                verbs[p] = self._verb(p)
            if type(o) is URIRef:
                o = str(o)
                if o not in labels:
                    labels[o] = self._iri(o)
            elif type(o) is not Literal and type(o) is not BNode:
                raise _Decline(f"object {o!r}")
            objects = props.get(p)  # type: ignore[union-attr]
            if objects is None:
                props[p] = [o]  # type: ignore[index]
            elif o not in objects:  # a triple seen before (in another graph)
                objects.append(o)
        refs: dict[Key, int] = {}  # how often each node is an object
        for props in spo.values():
            for objects in props.values():
                for o in objects:
                    if type(o) is not Literal:
                        refs[o] = refs.get(o, 0) + 1
        self.spo = spo
        self.refs = refs
        self.datatypes: dict[str, tuple[str, bool]] = {}  # text, and whether rdflib may
        self.bare: dict[tuple[str, str], str] = {}  # write its literals bare (1, true, INF)
        self.labels = labels
        self.verbs = verbs
        rank = {_TYPE: "0", _LABEL: "1"}  # then the others in IRI order
        self.order = {p: rank.get(p, "2") + p for p in verbs}
        self.done: set[Key] = set()
        self.depth = 0
        self.out: list[str] = []

    def _iri(self, iri: str) -> str:
        """An IRI's text as a subject or object (``TurtleSerializer.label``)."""
        qname = self.names.qname(iri)
        return "()" if iri == _NIL else qname or f"<{iri}>"

    def _verb(self, iri: str) -> str:
        """A predicate's text (``TurtleSerializer.label`` in VERB position)."""
        if iri == _TYPE:
            return "a"  # and rdf: is not registered for it
        qname = self.names.qname(iri, verb=True)
        return "()" if iri == _NIL else qname or f"<{iri}>"

    def _label(self, node: Key) -> str:
        """A subject's or object's text (``TurtleSerializer.label``)."""
        if type(node) is str:
            return self.labels[node]
        if type(node) is BNode:
            return f"_:{node}"
        return self._literal(node)  # type: ignore[arg-type]

    def _literal(self, node: Literal) -> str:
        """``Literal._literal_n3(use_plain=True)`` with the datatype as a QName; rdflib's own
        code for the datatypes it may write bare (numbers, booleans)."""
        dt = node.datatype
        if dt is None:
            lang = node.language
            return f"{node._quote_encode()}@{lang}" if lang else node._quote_encode()
        dt = str(dt)
        try:
            dt_text, bare = self.datatypes[dt]
        except KeyError:
            qname = self.names.qname(dt)  # registered even where the literal is bare
            dt_text, bare = self.datatypes[dt] = (qname or f"<{dt}>", dt in _MAYBE_BARE)
        if not bare and not node.language:
            return f"{node._quote_encode()}^^{dt_text}"
        key = (str(node), dt)  # all a bare literal's text depends on
        text = self.bare.get(key)
        if text is None:
            text = node._literal_n3(use_plain=True, qname_callback=lambda _: dt_text)
            if not node.language:
                self.bare[key] = text
        return text

    def write(self) -> bytes:
        """The whole document: PREFIX lines, then one statement per subject not yet written."""
        for subject in self._subjects():
            if subject not in self.done:
                self._statement(subject)
                self.out.append("\n")
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(self.names.used.items()))
        return (head + "".join(self.out)).encode("utf-8", "replace")

    def _subjects(self) -> list[Key]:
        """``orderSubjects``: members of rdfs:Class first, then by (blank?, references, IRI)."""
        refs = self.refs
        classes = [s for s, props in self.spo.items() if _CLASS in props.get(_TYPE, ())]
        classes.sort(key=lambda s: (type(s) is str, str(s)))  # blank nodes sort first
        top = set(classes)
        rest = [s for s in self.spo if s not in top]
        rest.sort(key=lambda s: (type(s) is BNode, refs.get(s, 0), str(s)))
        return classes + rest

    def _statement(self, subject: Key) -> None:
        """``s_squared`` for an unreferenced blank node, else ``s_default``."""
        self.done.add(subject)
        if type(subject) is BNode and not self.refs.get(subject):
            self.out.append("\n[]")
        else:
            self.out.append(f"\n{self._label(subject)}\n")
        self._predicate_list(subject)
        self.out.append("\n.")

    def _predicate_list(self, subject: Key) -> None:
        props = self.spo.get(subject)
        if not props:
            return
        out, verbs, labels = self.out, self.verbs, self.labels
        indent = _INDENT * (self.depth + 1)
        then = " ;\n" + indent
        order = sorted(props, key=self.order.__getitem__) if len(props) > 1 else props
        for n, predicate in enumerate(order):
            verb = indent + verbs[predicate] if n == 0 else then + verbs[predicate]
            objects = props[predicate]
            if len(objects) == 1:  # the common cases, as _object_list writes them
                obj = objects[0]
                if type(obj) is str:
                    out.append(f"{verb} {labels[obj]}")
                    continue
                if type(obj) is Literal:
                    out.append(f"{verb} {self._literal(obj)}")
                    continue
            out.append(verb)
            self._object_list(objects)
        out.append(" ;")

    def _object_list(self, objects: list[Key]) -> None:
        # rdflib's ``depthmod = (count == 1) and 0 or 1`` is always 1: one level deeper.
        self.depth += 1
        if len(objects) == 1:
            self._path(objects[0])
        else:
            out = self.out
            indent = "\n" + _INDENT * (self.depth + 1)
            for n, obj in enumerate(_sorted(objects)):
                if n:
                    out.append(" ,")
                if type(obj) is not BNode:
                    out.append(indent)
                elif n == 0:
                    out.append(" ")
                self._path(obj, newline=True)
        self.depth -= 1

    def _path(self, node: Key, newline: bool = False) -> None:
        """An object: inlined if it is a blank node referenced once and not yet written."""
        if type(node) is BNode and node not in self.done and self.refs[node] <= 1:
            if self._is_list(node):
                self.out.append(" (\n")
                self._list(node)
                self.out.append("\n" + _INDENT * self.depth + ")")
            else:
                self.done.add(node)
                self.out.append("\n" + _INDENT * (self.depth + 1) + "[\n")
                self.depth += 1
                self._predicate_list(node)
                self.depth -= 1
                self.out.append("\n" + _INDENT * (self.depth + 1) + "]")
        else:
            self.out.append(self._label(node) if newline else " " + self._label(node))

    def _value(self, node: Key, predicate: str) -> Key | None:
        """``Graph.value``: the first object of (node, predicate), or None."""
        props = self.spo.get(node)
        objects = props.get(predicate) if props else None
        return objects[0] if objects else None

    def _is_list(self, node: Key | None) -> bool:
        """``isValidList``: list nodes with exactly two statements each."""
        if self._value(node, _FIRST) is None:
            return False
        seen = set()
        while node:
            if node != _NIL and sum(map(len, self.spo.get(node, {}).values())) != 2:
                return False
            if node in seen:
                raise _Decline("cyclic rdf:rest (rdflib does not finish)")
            seen.add(node)
            node = self._value(node, _REST)
        if node is not None:
            raise _Decline(f"list ends in {node!r}, which rdflib registers but does not write")
        return True

    def _list(self, node: Key | None) -> None:
        """``doList``: one item a line."""
        n = 0
        while node:
            item = self._value(node, _FIRST)
            if item is not None:
                indent = _INDENT * (self.depth + 1)
                self.out.append(indent if n == 0 else "\n" + indent)
                self._path(item, newline=True)
                self.done.add(node)
            node = self._value(node, _REST)
            n += 1


def _sorted(objects: list[Key]) -> list[Key]:
    """Objects in rdflib's order (Node comparison, stable on first-seen order)."""
    if all(type(o) is str for o in objects):
        return sorted(objects)
    nodes = [URIRef(o) if type(o) is str else o for o in objects]
    try:
        nodes.sort()
    except TypeError as e:
        raise _Decline(f"objects rdflib cannot order: {e}") from None
    return [str(o) if type(o) is URIRef else o for o in nodes]
