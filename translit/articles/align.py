"""Align documents: the people, places and moments that several articles share.

Names are grouped by the key of their surname (or of the whole name, for one-word names), so
"Yulia Peresild", "Peresild" and "Julija Peressild" fall together; dates and times by their day
(the local day of a time with a zone), so "Oct. 5" and "10:55 a.m. Swiss time on Tuesday" meet.
People, places and organizations that are not Russian (:mod:`translit.articles.entities`) are
grouped by their folded words and by CLDR's names of places, so "Tom Cruise" meets "Cruise" and
"Kazakhstan" meets "Kasachstan"; their groups say ``russian: false`` and their ``entity``.

>>> from translit.articles.document import normalize
>>> a = normalize("Yulia Peresild flies on Oct. 5.", ref="2021-10-04", lang="en", source="a")
>>> b = normalize("Julija Peressild fliegt am 5. Oktober.", ref="2021-10-04", lang="de",
...               source="b")
>>> [(g.kind, g.label) for g in align([a, b])]
[('name', 'Yulia Peresild'), ('moment', '2021-10-05')]
>>> c = normalize("NASA and Tom Cruise film in Switzerland.", lang="en", source="c")
>>> d = normalize("Tom Cruise dreht in der Schweiz. Cruise fliegt mit der NASA.", lang="de",
...               source="d")
>>> [(g.label, g.entity, g.russian) for g in align([c, d])]
[('NASA', 'organization', False), ('Tom Cruise', 'person', False), \
('Switzerland', 'place', False)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from translit.articles.document import Document
from translit.articles.entities import Candidate
from translit.caching import Lazy
from translit.text.spans import NameSpan, Span


@dataclass(frozen=True)
class Mention:
    """One surface form of a group, in one document."""

    source: str
    start: int
    end: int
    text: str
    value: str


@dataclass
class Group:
    """Mentions of one entity or moment across documents."""

    kind: str
    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    entity: str | None = None
    """For a name the finder did not take as Russian: person, place, organization or other."""
    russian: bool = True
    """False for a group of names the finder did not take as Russian."""

    @property
    def sources(self) -> list[str]:
        """The documents the group occurs in, in first-seen order."""
        return list(dict.fromkeys(m.source for m in self.mentions))

    def as_dict(self) -> dict[str, Any]:
        """The JSON form; a group that is not Russian adds ``entity`` and ``russian: false``."""
        out: dict[str, Any] = {"kind": self.kind, "key": self.key, "label": self.label}
        if not self.russian:
            out.update(entity=self.entity, russian=False)
        out["mentions"] = [asdict(m) for m in self.mentions]
        return out


WHOLE_NAME_KINDS = frozenset({"place", "organization"})
"""Kinds of names grouped by their key without generic words (tables/names/generic.toml)."""


def _generic_words() -> frozenset[str]:
    from translit.names.keys import name_key
    from translit.table_layer import files, read_toml

    words: set[str] = set()
    for path in files("names/generic.toml"):
        data, _ = read_toml(path)
        for values in data.get("words", {}).values():
            words.update(name_key(str(v), lexicon=False) for v in values)
    return frozenset(words)


_generic = Lazy(_generic_words)


def place_key(key: str) -> str:
    """The group key of a place or organization: its key without the words that say what it
    is ("kosmodrom baikonur" → "baikonur"); a key of such words alone stays whole.

    >>> place_key("kosmodrom baikonur"), place_key("bolshei teatr"), place_key("teatr")
    ('baikonur', 'bolshei', 'teatr')
    """
    words = key.split()
    generic = _generic.get()
    kept = [word for word in words if word not in generic]
    return " ".join(kept) if kept else key


def name_group_key(span: NameSpan) -> str:
    """The key that groups name mentions: for a person the key of the surname (the last word),
    for a place or organization :func:`place_key` (the same in every document, so Spark groups
    alike).

    >>> name_group_key({"kind": "name", "key": "bolshei teatr", "value": "Bolshoi",
    ...                 "entity": "organization"})
    'bolshei'
    """
    return group_key(str(span.get("key") or span["value"]), span.get("entity"))


def group_key(key: str, entity: str | None) -> str:
    """:func:`name_group_key` of a name's ``key`` and ``entity``."""
    if entity in WHOLE_NAME_KINDS:
        return place_key(key)
    words = key.split()
    return words[-1] if words else key


def moment_key(span: Span) -> str | None:
    """The day a date or time span names (local day for times), or None (also for values that
    are no calendar date: "now", a decade)."""
    if span["kind"] not in ("date", "time") or not span.get("value") \
            or span.get("rewrite") is False:
        return None
    value = str(span.get("local") or span["value"])
    return value[:10] if len(value) >= 10 and value[4] == "-" else value


def one_line(text: str) -> str:
    """``text`` with every run of white space as one space."""
    return " ".join(text.split())


def _label(group: Group, spans: list[Span]) -> str:
    if group.kind == "moment":
        return group.key
    longest = max(spans, key=lambda s: (len(str(s["value"]).split()),
                                        not str(s["value"]).isupper(), -s["start"]))
    return one_line(str(longest["value"]))


def align(documents: Sequence[Document], *, shared_only: bool = True,
          foreign: bool = True) -> list[Group]:
    """Groups of names and moments; with ``shared_only``, those in two documents or more;
    with ``foreign``, also the people, places and organizations that are not Russian
    (``russian=False``); without, only what the spans hold, as ``align_corpus`` on Spark gives."""
    from translit.articles.entities import find_candidates, label, resolve_keys
    from translit.names.exonyms import place_key as cldr_place

    candidates = resolve_keys(documents, [find_candidates(d) for d in documents]) if foreign \
        else [[] for _ in documents]
    russian_places: dict[str, str] = {}  # CLDR key → group key of a Russian place (Moskau)
    for document in documents:
        for span in document.spans:
            if span["kind"] == "name" and span.get("entity") == "place":
                known = cldr_place(one_line(span["text"])) or \
                    cldr_place(str(span.get("cyrillic") or ""))  # Казахстане: Казахстан
                if known is not None:
                    russian_places.setdefault(known, name_group_key(span))
    span_keys = {name_group_key(s) for d in documents for s in d.spans if s["kind"] == "name"}
    groups: dict[tuple[str, str], Group] = {}
    members: dict[tuple[str, str], list[Span]] = {}
    entities: dict[tuple[str, str], set[str]] = {}
    latin: set[tuple[str, str]] = set()  # groups the finder took as Russian in Latin text
    for document, found in zip(documents, candidates, strict=True):
        items: list[tuple[int, Span | Candidate]] = [(s["start"], s) for s in document.spans]
        items.extend((c.start, c) for c in found)
        items.sort(key=lambda item: item[0])
        for _, item in items:
            if isinstance(item, Candidate):
                joins = russian_places.get(item.key) or _listed_group(item, span_keys)
                # two Latin forms of one listed name join by its key (Zelensky, Selenskyj);
                # a CLDR place keeps its CLDR key
                key = ("name", joins) if joins is not None else (
                    "entity", item.key if ":" in item.key else _listed_key(item) or item.key)
                group = groups.setdefault(key, Group("name", item.key, "", russian=False))
                group.mentions.append(Mention(document.source, item.start, item.end,
                                              item.text, item.text))
                entities.setdefault(key, set()).add(item.kind)
                continue
            span = item
            if span["kind"] == "name":
                key = ("name", name_group_key(span))
            else:
                moment = moment_key(span)
                if moment is None:
                    continue
                key = ("moment", moment)
            group = groups.setdefault(key, Group(key[0], key[1], ""))
            group.mentions.append(Mention(document.source, span["start"], span["end"],
                                          span["text"], str(span["value"])))
            members.setdefault(key, []).append(span)
            if document.lang != "ru":
                latin.add(key)
    out = []
    for key, group in groups.items():
        if shared_only and len(group.sources) < 2:
            continue
        if key[0] == "entity":
            group.label = label(key[1], [m.text for m in group.mentions])
            group.entity = _entity(entities[key])
        else:
            group.label = _label(group, members[key])
            # Russian mentions of a name the Latin texts do not take as Russian (Томом Крузом,
            # Казахстане with Tom Cruise, Kazakhstan): not Russian, whichever document is first
            group.russian = key not in entities or key in latin
            if not group.russian:
                group.entity = _entity(entities[key] | {str(s.get("entity")) for s in
                                                        members[key]})
        out.append(group)
    return out


def _listed_group(candidate: Candidate, span_keys: set[str]) -> str | None:
    """The group of a name span that ``candidate`` is the lexicon's Latin form of (Tom Cruise
    of a Russian article's Томом Крузом), if a document has that span."""
    key = _listed_key(candidate)
    return key if key in span_keys else None


def _listed_key(candidate: Candidate) -> str | None:
    """The group key of the listed name of another nation that ``candidate`` is a Latin form
    of (Volodymyr Zelensky and Wolodymyr Selenskyj: Володимир Зеленський), or None."""
    from translit.names.keys import name_key
    from translit.names.lexicon import lexicon

    table = lexicon()
    entry = table.foreign_entry(candidate.text) or table.foreign_entry(candidate.key)
    return None if entry is None else group_key(name_key(entry.cyrillic), entry.kind)


def _entity(kinds: set[str]) -> str:
    for kind in ("place", "person", "organization"):
        if kind in kinds and (kind != "organization" or kinds == {"organization"}):
            return kind
    return "other"


def format_table(groups: Sequence[Group]) -> str:
    """A readable table: one block per group, one line per document with its surface forms."""
    lines: list[str] = []
    for group in groups:
        about = "" if group.russian else f"  ({group.entity}, not Russian)"
        lines.append(f"{group.kind:<6}  {one_line(group.label)}{about}")
        for source in group.sources:
            forms = [f'"{one_line(m.text)}" @{m.start}' for m in group.mentions
                     if m.source == source]
            lines.append(f"        {source}: " + ", ".join(forms))
    return "\n".join(lines) + ("\n" if lines else "")
