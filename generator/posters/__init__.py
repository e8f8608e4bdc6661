"""Stage 5, posters: printable notice-board sheets (niêm yết) from the same facts as the site.

plan (typed contexts + version ids) → render (context as JSON data → Typst template → PDF, in parallel
worker processes; a procedure at many offices from one shared body and a per-office stamp,
:mod:`generator.posters.shared`) → cache (content hash, manifest) → publish ``posters/<office>/…pdf`` and one
combined ``tat-ca.pdf`` per office. See :mod:`generator.posters.write` for the entry points.
"""
