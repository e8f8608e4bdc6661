"""Loading, flow-split heuristics: a comma inside unquoted text of ``[a, b]`` that split one item."""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode, SequenceNode

from generator.issues import Severity
from generator.load.positions import PathKey

Found = tuple[Node, str, PathKey, str, Severity]
"""(node, code, path, message, severity) of one suspected split."""

CUT_PARENTHESIS = (
    "Dấu phẩy trong danh sách [ … ] đã tách một mục làm hai (dấu ngoặc đơn bị cắt). "
    'Hãy đặt cả mục trong dấu ngoặc kép, ví dụ ["Giấy tờ (bản chính, bản sao)"].'
)


def flow_split_issues(node: SequenceNode, path: PathKey) -> list[Found]:
    """Catch a comma inside unquoted text of ``[a, b]`` that silently split one item in two.

    A cut parenthesis is certain (an error); a sentence-case list with an item starting in
    lower case is likely (a warning: quote the item, or capitalise it if it really is separate).
    """
    plain = [(i, item) for i, item in enumerate(node.value) if isinstance(item, ScalarNode)]
    found: list[Found] = []
    open_items = False
    for i, item in plain:
        text = str(item.value)
        balance = text.count("(") - text.count(")")
        if not item.style and open_items and balance < 0:
            found.append((item, "yaml-flow-comma", (*path, i), CUT_PARENTHESIS, Severity.ERROR))
        open_items = not item.style and balance > 0
    first = str(plain[0][1].value) if plain else ""
    if not first[:1].isupper():
        return found
    for i, item in plain[1:]:
        text = str(item.value)
        if not item.style and text[:1].islower():
            message = (
                f"Mục «{text}» bắt đầu bằng chữ thường: có thể dấu phẩy đã tách một câu. Nếu là một "
                "mục, đặt cả mục trong dấu ngoặc kép; nếu là mục riêng, viết hoa chữ đầu."
            )
            found.append((item, "yaml-flow-case", (*path, i), message, Severity.WARNING))
    return found
