"""The posters' QR codes are segno's own symbols: the row-wise mask search picks segno's mask.

segno's module-by-module search (``encoder.find_and_apply_best_mask``) is the oracle: for every
address the two must choose the same mask and produce the same matrix, so a printed code never
depends on which search ran. Addresses of every length a page can have are tried (QR versions 2
to about 20), with the characters page addresses use and with any text at all.
"""

from __future__ import annotations

import random
import string

import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from segno import encoder

from generator.posters import qr

ADDRESS_CHARS = string.ascii_lowercase + string.digits + "-/._~%"


def segno_own(url: str) -> segno.QRCode:
    """The symbol with segno's own search, whatever this module did to the encoder."""
    with qr._mask_search(qr.SEGNO_SEARCH):
        return segno.make(url, error="m")


def addresses(count: int, seed: int) -> list[str]:
    """Page addresses of random length (10–600 characters after the host)."""
    rng = random.Random(seed)
    host = "https://congkhai.example.gov.vn/"
    return [host + "".join(rng.choices(ADDRESS_CHARS, k=rng.randint(10, 600))) for _ in range(count)]


def test_same_mask_and_matrix_as_segno_on_page_addresses() -> None:
    urls = addresses(250, seed=20261204)
    versions = set()
    for url in urls:
        ours, theirs = qr.make(url), segno_own(url)
        versions.add(theirs.version)
        assert (ours.mask, ours.matrix) == (theirs.mask, theirs.matrix), url
    assert min(versions) <= 4 and max(versions) >= 18  # short and long addresses were both tried


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_same_symbol_as_segno_on_any_text(text: str) -> None:
    ours, theirs = qr.make(text), segno_own(text)
    assert (ours.version, ours.mask, ours.matrix) == (theirs.version, theirs.mask, theirs.matrix)


def test_many_masks_are_chosen() -> None:
    """The search is not stuck on one answer: over many addresses most of the eight masks win."""
    chosen = {qr.make(url).mask for url in addresses(300, seed=7)}
    assert len(chosen) >= 6, chosen


def test_penalty_equals_segno_on_each_masked_matrix() -> None:
    """Not only the winner: every mask's score is segno's score of that masked matrix."""
    for url in addresses(25, seed=3):
        unmasked = _unmasked(url)
        size = len(unmasked)
        rows = [int(bytes(row).translate(qr._DIGITS), 2) for row in unmasked]
        cols = [int(bytes(unmasked[i][j] for i in range(size)).translate(qr._DIGITS), 2) for j in range(size)]
        for number, (mask_rows, mask_cols) in enumerate(qr._masks(size)):
            masked = [bytearray(row) for row in unmasked]
            qr.SEGNO_SEARCH(masked, size, size, number)  # segno applies mask ``number`` in place
            ours = qr.penalty(
                [r ^ m for r, m in zip(rows, mask_rows, strict=True)],
                [c ^ m for c, m in zip(cols, mask_cols, strict=True)],
                size,
            )
            assert ours == encoder.evaluate_mask(masked, size, size), (url, number)


def _unmasked(url: str) -> list[bytearray]:
    """The matrix segno hands to its mask search for ``url`` (captured from the encoder)."""
    seen: list[list[bytearray]] = []

    def capture(matrix: list[bytearray], width: int, height: int, proposed: int | None = None) -> object:
        seen.append([bytearray(row) for row in matrix])
        return qr.SEGNO_SEARCH(matrix, width, height, proposed)

    with qr._mask_search(capture):
        segno.make(url, error="m")
    return seen[0]


def test_the_encoder_is_restored() -> None:
    qr.make("https://congkhai.example.gov.vn/thu-tuc/dang-ky-khai-sinh/")
    assert encoder.find_and_apply_best_mask is qr.SEGNO_SEARCH


def test_svg_is_the_segno_svg() -> None:
    url = "https://congkhai.example.gov.vn/thu-tuc/dang-ky-ket-hon/"
    expected = segno_own(url).svg_inline(scale=1, border=4, omitsize=True, lineclass=None)
    assert qr.qr_svg(url) == expected


def test_threads_leave_the_encoder_as_it_was() -> None:
    """The preview server renders from several threads: swaps never interleave."""
    from concurrent.futures import ThreadPoolExecutor

    urls = addresses(40, seed=11)
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(qr.make, urls))
    assert encoder.find_and_apply_best_mask is qr.SEGNO_SEARCH
    assert [c.mask for c in codes] == [segno_own(u).mask for u in urls]
