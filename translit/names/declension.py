"""The declined forms of a name of several words, as a language's running text writes them.

German declines the adjective and the article inside a name (das Ochotskische Meer, im Ersten
Kanal, vor dem Russischen Museum, ein Denkmal für Peter den Großen): the tables list the
nominative (Ochotskisches Meer, Erster Kanal, Peter der Große), and these are the other forms
that must read back to the same name. The endings and articles are the ``[nouns]`` keys
``adjective_endings`` and ``articles`` of ``tables/languages/<code>.toml``.

>>> sorted(declined_forms("Ochotskisches Meer", "de"))[:3]
['Ochotskische Meer', 'Ochotskischem Meer', 'Ochotskischen Meer']
>>> declined_forms("Sea of Okhotsk", "en")
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product

from translit.schemes.languages import codes, language

MIN_STEM = 3
"""Letters an adjective keeps before its ending (Rot-er, not Al-es)."""


def declined_forms(spelling: str, lang: str, *, person: bool = False) -> list[str]:
    """The other declined forms of a name of several words in ``lang`` (none for one word, or
    in a language whose table lists no ``adjective_endings``). An adjective is a word before
    a capitalized noun, or after an article; in a ``person``'s name only the latter (Peter der
    Große; not the given name Alexander of Alexander Puschkin)."""
    facts = language(lang)
    endings, articles = facts.adjective_endings, facts.name_articles
    words = spelling.split()
    if len(words) < 2 or not endings:
        return []
    choices: list[list[str]] = []
    for index, word in enumerate(words):
        after_article = index > 0 and words[index - 1] in articles
        before_noun = not person and index < len(words) - 1 and words[index + 1][:1].isupper()
        stem = _stem(word, endings) if after_article or before_noun else None
        if word in articles:
            choices.append(list(articles))
        elif stem is not None:
            choices.append([stem + ending for ending in endings])
        else:
            choices.append([word])
    return [" ".join(form) for form in product(*choices) if list(form) != words]


def _stem(word: str, endings: tuple[str, ...]) -> str | None:
    """The capitalized adjective ``word`` without its ending (Ochotskisch of Ochotskisches),
    or None if it has none of ``endings``."""
    if not word[:1].isupper() or "-" in word:
        return None
    for ending in sorted(endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[:-len(ending)]
    return None


def with_declined(spellings: Iterable[str], scheme: str, *, person: bool = False) -> list[str]:
    """``spellings`` of a scheme, then the declined forms of those in the language of the same
    code (the ``de`` scheme's in German); the others as they are.

    >>> with_declined(["Roter Platz"], "de")[:3]
    ['Roter Platz', 'Rote Platz', 'Rotem Platz']
    """
    out = list(spellings)
    if scheme not in codes():
        return out
    for spelling in list(out):
        out.extend(form for form in declined_forms(spelling, scheme, person=person)
                   if form not in out)
    return out
