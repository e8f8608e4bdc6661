"""QR codes for posters: segno's symbols, with segno's own mask choice computed on whole rows.

segno chooses the data mask the way ISO/IEC 18004 §7.8.3 says: apply each of the eight masks and
keep the one with the lowest penalty (N1 runs, N2 blocks, N3 finder-like patterns, N4 balance).
It does that module by module in Python, about 4.5 ms of the 5.6 ms a poster's QR code costs;
with one code per procedure page that was 9 s of CPU in a 2,000-procedure cold build. Here the
same penalties are computed on rows and columns held as integers and strings (bit operations and
``str.find`` in C), and the mask found is handed back to segno, which draws the symbol exactly as
it would have. ``tests/posters/test_qr.py`` checks mask and matrix against segno's own search on
hundreds of addresses of every length a page can have. Anything else (Micro QR, a value segno did
not leave as 0 or 1) goes to segno's own search.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import segno
from segno import encoder

ENCODER: Any = encoder
"""segno's encoder module: its functions (not public API, pinned with segno) have no type hints."""
Matrix = Sequence[bytearray]
MaskSearch = Callable[..., tuple[int, Matrix]]

N3_PATTERN = "1011101"
"""dark:light:dark:dark:dark:light:dark, the finder-like 1:1:3:1:1 pattern of penalty N3."""


@lru_cache(maxsize=256)
def qr_svg(url: str) -> str:
    """The QR code of ``url`` as SVG text (error correction M, 4-module quiet zone), sized by the template.

    Cached: the sheets of one page address share its code."""
    code = make(url)
    return str(code.svg_inline(scale=1, border=4, omitsize=True, lineclass=None))


def make(url: str) -> segno.QRCode:
    """``segno.make(url, error="m")``, the same symbol, with the mask search below."""
    with _SWAP, _mask_search(_fast_search):  # one swap at a time (the preview server has threads)
        return segno.make(url, error="m")


_SWAP = threading.Lock()


@contextlib.contextmanager
def _mask_search(search: MaskSearch) -> Iterator[None]:
    """Let segno's encoder call ``search`` instead of its own mask search, for the block only."""
    original = encoder.find_and_apply_best_mask
    encoder.find_and_apply_best_mask = search
    try:
        yield
    finally:
        encoder.find_and_apply_best_mask = original


SEGNO_SEARCH: MaskSearch = encoder.find_and_apply_best_mask
"""segno's own search (kept before any swap): it applies the mask this module chose."""


def _fast_search(
    matrix: Matrix, width: int, height: int, proposed_mask: int | None = None
) -> tuple[int, Matrix]:
    if proposed_mask is None and width == height and width >= 21:
        proposed_mask = best_mask(matrix, width)
    return SEGNO_SEARCH(matrix, width, height, proposed_mask)


def best_mask(matrix: Matrix, size: int) -> int | None:
    """The mask segno would choose for the unmasked QR ``matrix`` (None when it holds other values)."""
    if any(value > 1 for row in matrix for value in row):
        return None
    rows = [int(bytes(row).translate(_DIGITS), 2) for row in matrix]
    cols = [int(bytes(matrix[i][j] for i in range(size)).translate(_DIGITS), 2) for j in range(size)]
    best, best_score = None, None
    for number, (mask_rows, mask_cols) in enumerate(_masks(size)):
        score = penalty(
            [r ^ m for r, m in zip(rows, mask_rows, strict=True)],
            [c ^ m for c, m in zip(cols, mask_cols, strict=True)],
            size,
        )
        if best_score is None or score < best_score:  # the first of equal scores, as segno does
            best, best_score = number, score
    return best


_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@lru_cache(maxsize=64)
def _masks(size: int) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Per mask: the bits it flips in each row and in each column (only in the encoding region).

    The encoding region is what segno's search sees as unset in a matrix holding only the
    function patterns (its ``is_encoding_region``), built with segno's own functions.
    """
    function = ENCODER.make_matrix(size, size)
    ENCODER.add_finder_patterns(function, size, size)
    ENCODER.add_alignment_patterns(function, size, size)
    function[-8][8] = 0x1
    masks = []
    for pattern in ENCODER.get_data_mask_functions(False):
        flips = [
            [1 if function[i][j] > 0x1 and pattern(i, j) else 0 for j in range(size)] for i in range(size)
        ]
        rows = tuple(int("".join(map(str, row)), 2) for row in flips)
        cols = tuple(int("".join(str(flips[i][j]) for i in range(size)), 2) for j in range(size))
        masks.append((rows, cols))
    return tuple(masks)


def penalty(rows: list[int], cols: list[int], size: int) -> int:
    """N1 + N2 + N3 + N4 of a masked matrix given as row and column bits (first module = top bit).

    The same arithmetic as segno's ``mask_scores`` (ISO/IEC 18004:2015 §7.8.3.1, Table 11).
    """
    full = (1 << size) - 1
    n1 = sum(_n1(line, full) for line in (*rows, *cols))
    n2 = 0
    for above, row in itertools.pairwise(rows):
        same_below = ~(above ^ row) & full
        same_right = ~(row ^ (row >> 1)) & (full >> 1)
        n2 += (same_below & (same_below >> 1) & same_right).bit_count()
    lines = (format(x, f"0{size}b") for x in (*rows, *cols))
    n3 = sum(_n3(line, size) for line in lines if N3_PATTERN in line)
    dark = sum(row.bit_count() for row in rows)
    percent = float(dark) / (size**2)
    n4 = 10 * int(abs(percent * 100 - 50) / 5)
    return n1 + 3 * n2 + n3 + n4


def _n1(line: int, full: int) -> int:
    """``len - 2`` for each run of five or more modules of one colour in the line's bits.

    A run of L modules is L - 1 neighbours alike; a run of L ≥ 5 holds L - 4 windows of four alike
    neighbours, so L - 2 = windows + 2 for each run of windows.
    """
    alike = ~(line ^ (line >> 1)) & (full >> 1)
    windows = alike & (alike >> 1) & (alike >> 2) & (alike >> 3)
    if not windows:
        return 0
    return windows.bit_count() + 2 * (windows & ~(windows << 1)).bit_count()


def _n3(line: str, size: int) -> int:
    """40 for each finder-like pattern with four light modules (or the symbol's edge) on a side."""
    count = 0
    idx = line.find(N3_PATTERN)
    while idx != -1:
        offset = idx + 7
        if (
            idx in (0, size - 7)
            or "1" not in line[max(idx - 4, 0) : idx]
            or "1" not in line[offset : offset + 4]
        ):
            count += 40
        else:
            offset = idx + 4  # not counted: the next match may start inside this one
        idx = line.find(N3_PATTERN, offset)
    return count
