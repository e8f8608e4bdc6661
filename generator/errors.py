"""The small exception hierarchy; only the CLI and the MkDocs adapter catch these."""

from __future__ import annotations

from generator.issues import Issue


class GeneratorError(Exception):
    """Base class of every error the generator raises on purpose."""


class ContentError(GeneratorError):
    """The content has errors; carries the issues that say where and why."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(f"{len(issues)} lỗi trong nội dung")


class RenderError(GeneratorError):
    """A page could not be rendered (a template or theme problem, not content)."""


class PosterError(GeneratorError):
    """A poster could not be rendered or written."""
