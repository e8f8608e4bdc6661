"""Stage 4, search: Vietnamese-folded lunr.py indexes, the finder page, and the synonyms file.

``fold`` (one folding function, ported byte for byte to ``site_theme/assets/search/fold.js``) →
``synonyms`` (content/synonyms.yaml) → ``records`` (what is indexed and shown per procedure) →
``index`` (procedure index for the header box and finder) and ``fulltext`` (steps, documents,
pages; loaded lazily by the finder) → ``write`` (post-build writer) and ``finder`` (page provider).
``cli`` runs it without MkDocs: ``python -m generator.search index|check``.
"""
