"""Stage 3, the public website: catalogue → typed page contexts → HTML fragments → MkDocs + Material.

``urls`` fixes every address, ``wording`` turns facts into Vietnamese text, ``procedure`` and
``listing`` build the typed contexts, ``providers`` turn them into :class:`GeneratedPage` objects,
and ``plugin`` is the thin MkDocs adapter that hands those pages to MkDocs as virtual files.
"""
