"""Core: the one Vietnamese folding function for search, life events and the table filter (fold.js ports it).

Every text that enters the search index, and every query, passes through :func:`fold_tokens`.
The rules, in order (documented for editors in ``docs/search.md``):

1. Unicode compatibility decomposition (NFKD), so precomposed (NFC), decomposed (NFD, the
   "Unicode tổ hợp" keyboards) and full-width input all look the same; then lower case.
2. Every combining mark is dropped: tones (à á ả ã ạ) and vowel marks (ă â ê ô ơ ư).
3. ``đ`` → ``d`` (it has no decomposition), and ``ð`` → ``d`` (the look-alike Icelandic eth that
   some fonts and keyboards produce for Đ).
4. The text is split into words on everything that is not an ASCII letter or digit, except a dot
   between digits, so codes stay whole: ``1.001193``, ``1.001193.000.00.00``.
5. Spelling variants, per word:
   - a final ``y`` after a consonant becomes ``i`` (ký/kí, lý/lí, mỹ/mĩ, quy/qui), while the
     rhymes ``ay``, ``ây``, ``uy``, ``uây``… keep their ``y`` (tay, huy, nguyên);
   - a leading ``dd`` becomes ``d`` (Telex typed with the keyboard switched off: "ddang ky");
   - a leading ``f`` becomes ``ph`` (no Vietnamese word starts with f: "giay fep").

Folding merges homographs (bàn, bán, bạn, bản → ban); the index ranks with whole names, so
that costs little. The JavaScript port is ``site_theme/assets/search/fold.js``; both are tested
against ``tests/search/fold_cases.json``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[0-9]+(?:\.[0-9]+)+|[a-z0-9]+")
"""A word after folding: a dotted number (a code) or a run of ASCII letters and digits."""

_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


class _MarkTable(dict[int, int | None]):
    """``str.translate`` table: every combining mark (category M*) deleted, đ and ð → d.

    Filled as characters are met (a table of every code point took a second to build).
    """

    def __missing__(self, cp: int) -> int | None:
        value = None if unicodedata.category(chr(cp)).startswith("M") else cp
        self[cp] = value
        return value


_MARKS = _MarkTable({ord("đ"): ord("d"), ord("ð"): ord("d")})


def strip_marks(text: str) -> str:
    """Lower-case ``text`` and drop every tone and vowel mark; ``đ`` becomes ``d``.

    Keeps everything else (spaces, punctuation) as it is, character for character.
    """
    return unicodedata.normalize("NFKD", text).lower().translate(_MARKS)


def fold_word(word: str) -> str:
    """Apply the spelling-variant rules to one already stripped word."""
    if word.startswith("dd"):
        word = word[1:]
    if word.startswith("f"):
        word = "ph" + word[1:]
    if len(word) >= 2 and word.endswith("y") and (word[-2] in _CONSONANTS or word == "quy"):
        word = word[:-1] + "i"
    return word


@lru_cache(maxsize=65536)
def _fold_cached(text: str) -> tuple[str, ...]:
    return tuple(fold_word(word) for word in WORD.findall(strip_marks(text)))


def fold_tokens(text: str) -> list[str]:
    """Fold ``text`` into the list of search words, in order (see the module rules).

    Results are cached: catalogues repeat the same document names and phrases many times.
    """
    return list(_fold_cached(text))


def fold(text: str) -> str:
    """Fold ``text`` into one string of search words separated by single spaces."""
    return " ".join(fold_tokens(text))
