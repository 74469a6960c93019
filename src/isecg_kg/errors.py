"""The one error type of isecg-kg: it knows the file, line or field, and how to fix it."""

from __future__ import annotations

from pathlib import Path


class IsecgError(Exception):
    """Bad input or usage, reported to a user as one line: ``file:line: problem (hint)``."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.hint = hint

    def __reduce__(self):
        """Pickled with its file, line, field and hint (errors cross worker processes)."""
        keywords = {"file": self.file, "line": self.line, "field": self.field, "hint": self.hint}
        return _rebuild, (type(self), self.message, keywords)

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]" if where else f"[{self.field}]"
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split())


def _rebuild(cls: type[IsecgError], message: str, keywords: dict) -> IsecgError:
    return cls(message, **keywords)


class NotConforming(IsecgError):
    """The data was read, but does not conform to the shapes (exit status 1)."""

    exit_code = 1


def parser_complaint(e: Exception) -> tuple[int | None, str]:
    """The line (1-based, when the parser gives one) and a one-line reason from a parser's
    exception: rdflib's Turtle/TriG ``BadSyntax``, JSON errors, and the rest."""
    if hasattr(e, "_why") and hasattr(e, "lines"):  # notation3.BadSyntax: 0-based lines
        return e.lines + 1, " ".join(str(e._why).split())
    line = getattr(e, "lineno", None) or getattr(e, "line", None)
    reason = getattr(e, "msg", None) if line is not None else None
    return line, " ".join(str(reason or e).split())[:200]
