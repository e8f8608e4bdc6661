"""Stage 3, the public website: catalogue → facts → typed page contexts → HTML fragments.

``procedure`` and ``listing`` build the typed contexts from the facts layer (:mod:`generator.facts`),
``views`` holds the small shared views (links, office boxes, table rows), ``providers`` turn them into
:class:`~generator.core.pages.GeneratedPage` objects, and ``writers`` copy form files. The MkDocs
adapter that hands those pages to MkDocs is :mod:`generator.adapters.mkdocs_plugin`.
"""
