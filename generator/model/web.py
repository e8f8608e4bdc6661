"""Web addresses in content: http(s) only, plain characters, and a base URL that is nothing more.

Content is untrusted input (STYLE §28): an address is printed into pages, QR codes and posters, so
it must be a plain ``http``/``https`` address with no spaces, quotes, markup or control characters.
A base URL (the site's one public address) is scheme + host + optional path: no user name, query
or fragment, since every page address and printed QR code is derived from it.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

_SAFE = r"A-Za-z0-9\-._~!$&()*+,;=:@%/?#\[\]"
"""RFC 3986 characters allowed in an address (quotes, backslash, angle brackets and braces are not)."""
_URL_CHARS = re.compile(rf"^[{_SAFE}]+$")
_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
_PATH = re.compile(r"^(?:/(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2})*)*$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")

URL_PATTERN = rf"^https?://[{_SAFE}]+$"
"""What the JSON Schema tells editors' tools (the validator below checks the rest)."""
BASE_URL_PATTERN = r"^https?://[a-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9\-._~%/]*)?$"
TEMPLATE_PATTERN = rf"^https?://[{_SAFE}]*\{{code\}}[{_SAFE}]*$"

URL_FIX = (
    "Địa chỉ web phải bắt đầu bằng https:// (hoặc http://), không có dấu cách, dấu ngoặc kép, "
    "dấu < > hay ký tự lạ; chép lại địa chỉ từ thanh địa chỉ của trình duyệt."
)


def _refuse(problem: str) -> PydanticCustomError:
    return PydanticCustomError("url-invalid", "{problem} {fix}", {"problem": problem, "fix": URL_FIX})


def _check_parts(value: str) -> tuple[str, str, str, str, str]:
    """Split an address, refusing anything but a plain http(s) address with a host."""
    if not value.startswith(("http://", "https://")):
        raise _refuse("Chỉ chấp nhận địa chỉ bắt đầu bằng http:// hoặc https://.")
    if not _URL_CHARS.match(value) or _PERCENT.search(value):
        raise _refuse(
            "Địa chỉ có ký tự không được phép (dấu cách, dấu ngoặc kép, < >, \\, { } hoặc chữ có dấu)."
        )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise _refuse("Địa chỉ sai dạng (tên máy hoặc cổng).") from exc
    if "@" in parts.netloc:
        raise _refuse("Địa chỉ không được chứa tên người dùng hay mật khẩu (phần trước «@»).")
    host = parts.hostname or ""
    if not _HOST.match(host) or (port is not None and not 0 < port < 65536):
        raise _refuse("Tên máy chủ không hợp lệ (chỉ chữ thường không dấu, chữ số, dấu chấm và gạch nối).")
    return parts.scheme, parts.netloc, parts.path, parts.query, parts.fragment


def check_url(value: str) -> str:
    """An absolute http(s) address with plain characters (raises a located ``url-invalid`` error)."""
    _check_parts(value)
    return value


def check_base_url(value: str) -> str:
    """The site's base URL: scheme + host + optional path; no user name, query or fragment."""
    _, _, path, query, fragment = _check_parts(value)
    if query or fragment or "?" in value or "#" in value:
        raise _refuse("Địa chỉ gốc của trang không được có phần «?…» hay «#…» (mã QR sẽ mở sai trang).")
    if not _PATH.match(path):
        raise _refuse("Phần đường dẫn của địa chỉ gốc chỉ gồm chữ không dấu, chữ số, «-», «_», «.» và «/».")
    return value


def check_portal_template(value: str) -> str:
    """A portal link template: a plain http(s) address with ``{code}`` exactly once."""
    if (
        value.count("{code}") != 1
        or value.replace("{code}", "").count("{")
        or "}" in value.replace("{code}", "")
    ):
        raise _refuse(
            "Mẫu liên kết phải có đúng một chỗ {code} (mã thủ tục) và không có dấu ngoặc nhọn khác."
        )
    check_url(value.replace("{code}", "1.000000"))
    return value


Url = Annotated[
    str, Strict(), AfterValidator(check_url), WithJsonSchema({"type": "string", "pattern": URL_PATTERN})
]
"""An absolute http(s) address."""

BaseUrl = Annotated[
    str,
    Strict(),
    AfterValidator(check_base_url),
    WithJsonSchema({"type": "string", "pattern": BASE_URL_PATTERN}),
]
"""The one public address of the site: scheme, host, optional path."""

PortalTemplate = Annotated[
    str,
    Strict(),
    AfterValidator(check_portal_template),
    WithJsonSchema({"type": "string", "pattern": TEMPLATE_PATTERN}),
]
"""The national portal's link for a procedure, with ``{code}`` where the code goes."""


EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$"


def check_email(value: str) -> str:
    """One plain e-mail address (printed after ``mailto:``): no second address, no ``?subject=``."""
    if not re.match(EMAIL_PATTERN, value):
        raise PydanticCustomError(
            "url-invalid",
            "Địa chỉ thư điện tử phải là một địa chỉ duy nhất dạng ten@co-quan.gov.vn (chữ không dấu, "
            "không dấu cách, dấu phẩy, dấu «?» hay dấu ngoặc).",
        )
    return value


Email = Annotated[
    str, Strict(), AfterValidator(check_email), WithJsonSchema({"type": "string", "pattern": EMAIL_PATTERN})
]
"""One e-mail address."""
