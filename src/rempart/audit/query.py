"""A small, safe query language over audit records, used by legal-hold scopes.

    kind=decision and payload.decision=block and payload.tier in (free, anonymous)
    payload.account_id = "u-123" or (payload.mode = edit and not payload.stage = output)
    seq >= 1000 and ts < "2026-02-01"

Grammar (keywords are case-insensitive):

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | "(" expr ")" | comparison
    comparison := field op value | field "in" "(" value ("," value)* ")" | field "exists"
    op         := "=" | "!=" | "<" | "<=" | ">" | ">="
    field      := name ("." name)*           seq, ts, kind, redacted, payload.<path>
    value      := bare word | "quoted" | 'quoted' | number | true | false | null

A field path walks into nested objects; where it meets a list, it looks into every element,
and a comparison holds if it holds for ANY value reached (`payload.reasons.code = X`). A path
that reaches nothing (missing field, redacted payload) makes every comparison false except
through `not`: `a != v` is exactly `not (a = v)`. Numbers compare as numbers, everything else
as text; `ts` compares as an instant when both sides parse as ISO 8601 dates.

Queries are parsed into a tree of plain objects and evaluated directly: no eval, no SQL, so a
query string can never run code. Bad syntax raises QuerySyntaxError with the 1-based column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rempart.errors import RempartError
from rempart.timeutil import utc_instant

MAX_QUERY_CHARS = 4000
MAX_DEPTH = 50  # nesting of parentheses / "not": bounds recursion on hostile input


class QuerySyntaxError(RempartError):
    """A hold query does not parse. `position` is the 1-based column of the problem."""

    code = "QUERY_INVALID"
    http_status = 422

    def __init__(self, message: str, query: str, position: int) -> None:
        self.query, self.position = query, position
        super().__init__(f"{message} at column {position}: {query!r}")


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<op><=|>=|!=|=|<|>)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<word>[A-Za-z0-9_][A-Za-z0-9_.:@+\-]*)
""", re.VERBOSE)
_KEYWORDS = {"and", "or", "not", "in", "exists"}
_NUMBER = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$")
_ROOT_FIELDS = {"seq", "ts", "kind", "redacted", "payload"}


@dataclass(frozen=True)
class _Tok:
    type: str  # op lparen rparen comma string word keyword end
    text: str
    pos: int  # 0-based


def _tokenize(q: str) -> list[_Tok]:
    toks, i = [], 0
    while i < len(q):
        m = _TOKEN.match(q, i)
        if m is None:
            ch = q[i]
            what = "an unterminated string" if ch in "\"'" else f"an unexpected character {ch!r}"
            raise QuerySyntaxError(f"query has {what}", q, i + 1)
        kind = m.lastgroup
        if kind != "ws":
            text = m.group()
            if kind == "word" and text.lower() in _KEYWORDS:
                kind, text = "keyword", text.lower()
            toks.append(_Tok(kind, text, i))
        i = m.end()
    toks.append(_Tok("end", "", len(q)))
    return toks


def _unquote(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s[1:-1])


# --------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class Literal:
    value: Any  # str, int, float, bool, None
    quoted: bool


@dataclass(frozen=True)
class Compare:
    field: tuple[str, ...]
    op: str  # = != < <= > >= in exists
    values: tuple[Literal, ...]


@dataclass(frozen=True)
class Not:
    inner: Any


@dataclass(frozen=True)
class And:
    parts: tuple[Any, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Any, ...]


class _Parser:
    def __init__(self, q: str) -> None:
        self.q = q
        self.toks = _tokenize(q)
        self.i = 0

    def fail(self, msg: str, tok: _Tok | None = None) -> QuerySyntaxError:
        tok = tok or self.toks[self.i]
        found = "the end of the query" if tok.type == "end" else repr(tok.text)
        return QuerySyntaxError(f"{msg}, found {found}", self.q, tok.pos + 1)

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self) -> Any:
        node = self.expr(0)
        if self.tok.type != "end":
            raise self.fail("expected 'and', 'or' or the end of the query")
        return node

    def expr(self, depth: int) -> Any:
        parts = [self.and_expr(depth)]
        while self.tok.type == "keyword" and self.tok.text == "or":
            self.take()
            parts.append(self.and_expr(depth))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self, depth: int) -> Any:
        parts = [self.not_expr(depth)]
        while self.tok.type == "keyword" and self.tok.text == "and":
            self.take()
            parts.append(self.not_expr(depth))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def not_expr(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(f"query nests deeper than {MAX_DEPTH} levels")
        t = self.tok
        if t.type == "keyword" and t.text == "not":
            self.take()
            return Not(self.not_expr(depth + 1))
        if t.type == "lparen":
            self.take()
            node = self.expr(depth + 1)
            if self.tok.type != "rparen":
                raise self.fail("expected ')'")
            self.take()
            return node
        return self.comparison()

    def comparison(self) -> Compare:
        t = self.take()
        if t.type != "word" or not _FIELD.fullmatch(t.text):
            raise self.fail("expected a field name (e.g. kind, ts, payload.account_id)", t)
        path = tuple(t.text.split("."))
        if path[0] not in _ROOT_FIELDS or (path[0] != "payload" and len(path) > 1):
            raise self.fail(f"unknown field; fields are {', '.join(sorted(_ROOT_FIELDS))} and payload.<path>", t)
        op = self.take()
        if op.type == "op":
            return Compare(path, op.text, (self.value(),))
        if op.type == "keyword" and op.text == "exists":
            return Compare(path, "exists", ())
        if op.type == "keyword" and op.text == "in":
            if self.tok.type != "lparen":
                raise self.fail("expected '(' after 'in'")
            self.take()
            values = [self.value()]
            while self.tok.type == "comma":
                self.take()
                values.append(self.value())
            if self.tok.type != "rparen":
                raise self.fail("expected ',' or ')' in the 'in' list")
            self.take()
            return Compare(path, "in", tuple(values))
        raise self.fail(f"expected an operator (= != < <= > >= in exists) after {t.text!r}", op)

    def value(self) -> Literal:
        t = self.take()
        if t.type == "string":
            return Literal(_unquote(t.text), True)
        if t.type == "word":
            low = t.text.lower()
            if low in ("true", "false"):
                return Literal(low == "true", False)
            if low == "null":
                return Literal(None, False)
            if _NUMBER.fullmatch(t.text):
                return Literal(float(t.text) if "." in t.text else int(t.text), False)
            return Literal(t.text, False)
        raise self.fail("expected a value (a word, a number or a quoted string)", t)


# --------------------------------------------------------------------------- evaluation


def _reach(value: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at `path` below `value`, looking into each element of lists on the way."""
    if not path:
        return [v for x in value for v in _reach(x, ())] if isinstance(value, list) else [value]
    if isinstance(value, list):
        return [v for x in value for v in _reach(x, path)]
    if isinstance(value, dict) and path[0] in value:
        return _reach(value[path[0]], path[1:])
    return []


def _instant(v: Any) -> datetime | None:
    if not isinstance(v, str) or len(v) < 10:
        return None
    try:
        return utc_instant(v)
    except ValueError:
        return None


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _equal(a: Any, lit: Literal) -> bool:
    b = lit.value
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(b, bool) or b is None:
        return a is b or (a is None and b is None)
    if isinstance(a, bool) or a is None or isinstance(a, (dict, list)):
        return False
    ia, ib = _instant(a), _instant(b) if isinstance(b, str) else None
    if ia is not None and ib is not None:
        return ia == ib
    return str(a) == str(b)


def _order(a: Any, lit: Literal) -> int | None:
    """-1/0/1, or None when the two cannot be ordered."""
    b = lit.value
    if _is_number(a) and _is_number(b):
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, (str, int, float)) and not isinstance(b, bool):
        ia, ib = _instant(a), _instant(str(b))
        if ia is not None and ib is not None:
            return (ia > ib) - (ia < ib)
        sb = str(b)
        return (a > sb) - (a < sb)
    return None


_ORDER_OPS = {"<": lambda c: c < 0, "<=": lambda c: c <= 0, ">": lambda c: c > 0, ">=": lambda c: c >= 0}


def _compare(node: Compare, record: dict) -> bool:
    root = node.field[0]
    start = record.get(root)
    found = _reach(start, node.field[1:]) if root == "payload" else ([start] if root in record else [])
    if node.op == "exists":
        return bool(found)
    if node.op == "=":
        return any(_equal(v, node.values[0]) for v in found)
    if node.op == "!=":
        return not any(_equal(v, node.values[0]) for v in found)
    if node.op == "in":
        return any(_equal(v, lit) for v in found for lit in node.values)
    test = _ORDER_OPS[node.op]
    for v in found:
        c = _order(v, node.values[0])
        if c is not None and test(c):
            return True
    return False


def _evaluate(node: Any, record: dict) -> bool:
    if isinstance(node, Compare):
        return _compare(node, record)
    if isinstance(node, And):
        return all(_evaluate(p, record) for p in node.parts)
    if isinstance(node, Or):
        return any(_evaluate(p, record) for p in node.parts)
    if isinstance(node, Not):
        return not _evaluate(node.inner, record)
    raise TypeError(node)


class RecordQuery:
    """A parsed query; `matches(record)` tests a record dict (seq, ts, kind, payload, redacted)."""

    def __init__(self, text: str) -> None:
        if not isinstance(text, str) or not text.strip():
            raise QuerySyntaxError("query is empty", str(text), 1)
        if len(text) > MAX_QUERY_CHARS:
            raise QuerySyntaxError(f"query is longer than {MAX_QUERY_CHARS} characters", text[:40] + "…", 1)
        self.text = text
        self._tree = _Parser(text).parse()

    def matches(self, record: dict) -> bool:
        return _evaluate(self._tree, record)

    def __repr__(self) -> str:
        return f"RecordQuery({self.text!r})"
