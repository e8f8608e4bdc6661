"""Stage 3–4 (site): open data — the catalogue as JSON and CSV, the schemas, the changes, and their page.

Every value is a fact from :mod:`generator.facts` (the same words the page and the poster print);
the files are written under ``data/`` after the build (:mod:`.write`), the page that explains them
is ``du-lieu-mo/`` (:mod:`.page`), and the CSV columns are documented once, in :mod:`.columns`.
"""
