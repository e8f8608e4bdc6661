"""Stage 2a, validate one file: turn loaded data into a frozen model, or into located issues.

Pydantic's errors are mapped to stable codes and Vietnamese messages, each placed at the line and
column of the offending value (or key) in the YAML file.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from generator.issues import Issue
from generator.load import LoadedFile, PathKey, format_path

M = TypeVar("M", bound=BaseModel)

_TYPE_HINTS: dict[str, tuple[str, str]] = {
    "string_type": ("wrong-type", "cần là văn bản"),
    "int_type": ("wrong-type", "cần là số nguyên (không có dấu chấm hay chữ), ví dụ 50000"),
    "int_parsing": ("wrong-type", "cần là số nguyên, ví dụ 50000"),
    "int_from_float": ("wrong-type", "cần là số nguyên, không có phần thập phân"),
    "float_type": ("wrong-type", "cần là một số, ví dụ 3 hoặc 0.5"),
    "float_parsing": ("wrong-type", "cần là một số, ví dụ 3 hoặc 0.5"),
    "bool_type": ("wrong-type", "cần là true (có) hoặc false (không)"),
    "bool_parsing": ("wrong-type", "cần là true (có) hoặc false (không)"),
    "list_type": ("wrong-type", "cần là một danh sách, mỗi mục trên một dòng bắt đầu bằng «- »"),
    "tuple_type": ("wrong-type", "cần là một danh sách, mỗi mục trên một dòng bắt đầu bằng «- »"),
    "model_type": ("wrong-type", "cần là một nhóm các dòng «khóa: giá trị» thụt vào bên dưới"),
    "dict_type": ("wrong-type", "cần là một nhóm các dòng «khóa: giá trị» thụt vào bên dưới"),
    "model_attributes_type": ("wrong-type", "cần là một nhóm các dòng «khóa: giá trị» thụt vào bên dưới"),
}

_PATTERN_HINTS: dict[str, str] = {
    r"^[0-9]\.[0-9]{6}$": 'mã thủ tục có dạng một chữ số, dấu chấm, sáu chữ số, trong ngoặc kép: "1.001193"',
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": ("chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ ho-tich"),
    r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$": 'giờ có dạng HH:MM trong ngoặc kép, ví dụ "15:00"',
}


def _shown(value: Any) -> str:
    if isinstance(value, bool) or value is None:  # as the editor wrote it in YAML, not Python's True
        return {True: "true", False: "false", None: "null (để trống)"}[value]
    text = repr(value) if not isinstance(value, str) else f"«{value}»"
    return text if len(text) <= 60 else text[:57] + "…"


def _unwrap(annotation: Any) -> Any:
    """Find the model class inside Optional[...] / tuple[..., ...] / Annotated[...]."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                break
        elif origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        else:
            break
    return annotation


def _lookup(model: type[BaseModel], name: str) -> FieldInfo | None:
    for attr, info in model.model_fields.items():
        if (info.alias or attr) == name:
            return info
    return None


def field_info(model: type[BaseModel], loc: PathKey) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """Return the model that owns the last key of ``loc`` and that key's field info."""
    owner: Any = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
            return None, None
        info = _lookup(owner, part)
        if info is None:
            return owner, None
        if part is loc[-1]:
            return owner, info
        owner = _unwrap(info.annotation)
    return (owner if isinstance(owner, type) else None), info


def _keys_of(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


_RANGE_KINDS = frozenset(
    {"greater_than", "greater_than_equal", "less_than", "less_than_equal", "string_too_long", "too_long"}
)


def _unknown_key(owner: type[BaseModel] | None, key: str) -> tuple[str, str]:
    valid = _keys_of(owner)
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    hint = f" Có phải ý bạn là «{close[0]}»?" if close else ""
    if " " in key:
        hint += " Nếu đây là phần sau dấu phẩy của một câu, hãy đặt cả câu trong dấu ngoặc kép."
    return "unknown-key", f"Khóa «{key}» không có trong mẫu.{hint} Các khóa hợp lệ ở đây: {', '.join(valid)}."


def _wrong_type(kind: str, label: str, value: object, raw: str | None) -> tuple[str, str]:
    code, expected = _TYPE_HINTS[kind]
    message = f"Giá trị{label} {expected}, nhưng đang là {_shown(value)}."
    if kind == "string_type" and raw is not None:
        message = (
            f"Giá trị{label} cần là văn bản, nhưng YAML đọc {raw} thành số {value!r}. "
            f'Hãy đặt trong dấu ngoặc kép: "{raw}".'
        )
    elif kind in ("bool_type", "bool_parsing") and isinstance(value, str):
        message += " Trong YAML dùng true/false, không dùng yes/no hay có/không."
    return code, message


def _choices(expected: str) -> str:
    """Pydantic's list of allowed values («'A4' or 'A3'», «15 or 21») in Vietnamese («… hoặc …»)."""
    head, sep, last = expected.rpartition(" or ")
    return f"{head} hoặc {last}" if sep else expected


def _constraint(kind: str, label: str, error: ErrorDetails) -> tuple[str, str]:
    shown, ctx = _shown(error.get("input")), error.get("ctx", {})
    if kind == "literal_error":
        return (
            "invalid-choice",
            f"Giá trị {shown}{label} không hợp lệ; chọn một trong: {_choices(str(ctx.get('expected', '')))}.",
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        hint = _PATTERN_HINTS.get(pattern, f"cần khớp mẫu {pattern}")
        return "invalid-format", f"Giá trị {shown}{label} sai dạng: {hint}."
    if kind == "string_too_short":
        return "empty-value", f"Giá trị{label} không được để trống; hãy điền hoặc xoá cả dòng."
    if kind == "too_short":
        return "empty-list", f"Danh sách{label} cần ít nhất một mục."
    if kind in _RANGE_KINDS:
        return "out-of-range", f"Giá trị {shown}{label} ngoài giới hạn cho phép ({error['msg']})."
    if kind == "invalid-date":
        return "invalid-date", f"Giá trị {shown}{label}: {error['msg']}"
    if kind == "url-invalid":
        return "url-invalid", f"Địa chỉ {shown}{label} không dùng được: {error['msg']}"
    if kind == "finite_number":
        return "out-of-range", f"Giá trị {shown}{label} phải là một số hữu hạn (không phải inf hay nan)."
    return "invalid-value", f"Giá trị {shown}{label} không hợp lệ ({error['msg']})."


def _describe_error(error: ErrorDetails, model: type[BaseModel], loaded: LoadedFile) -> tuple[str, str]:
    kind, loc = error["type"], tuple(error["loc"])
    owner, info = field_info(model, loc)
    label = f" ({info.title})" if info is not None and info.title else ""
    if kind == "missing":
        help_text = f" {info.description}" if info is not None and info.description else ""
        return "missing-key", f"Thiếu khóa bắt buộc «{loc[-1]}»{label}.{help_text}"
    if kind == "extra_forbidden":
        return _unknown_key(owner, str(loc[-1]))
    if kind in _TYPE_HINTS:
        return _wrong_type(kind, label, error.get("input"), loaded.plain_numbers.get(loc))
    return _constraint(kind, label, error)


def validate_model(loaded: LoadedFile, model: type[M]) -> tuple[M | None, list[Issue]]:
    """Validate a loaded file against ``model``; return the model or the located issues."""
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        issues = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            code, message = _describe_error(error, model, loaded)
            on_key = code in ("unknown-key",)
            line, column = (
                loaded.locate(loc, key=on_key) if code != "missing-key" else loaded.locate(loc[:-1])
            )
            issues.append(Issue(loaded.display, line, column, code, format_path(loc), message))
        return None, issues
