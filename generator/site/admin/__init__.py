"""Stage 4 (site): the browser editor at ``/admin/`` (Sveltia CMS, vendored) and its generated config.

:mod:`.config` turns the content models into the CMS's ``config.yml``; :mod:`.write` is the
post-build writer that puts the editor page, the config and the vendored script under ``admin/``
when ``content/site.yaml`` has an ``editor`` section (docs/editing.md).
"""
