"""Công Khai: YAML facts about administrative procedures → website, search index and posters.

The pipeline: load (YAML with positions) → validate (frozen models + cross-record checks) →
render (pages via Jinja2, handed to MkDocs) → index (folded lunr.py search) → posters
(Typst PDFs, cached by content hash).
"""

__version__ = "0.1.0"
