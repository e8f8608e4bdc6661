"""The facts layer: one typed, frozen fact and one Vietnamese phrase for every fee, time, office and date.

It sits below every output stage. The web pages (``generator.site``), the posters
(``generator.posters``), the search records (``generator.search``) and the change report
(``generator.review``) take their words and values from here and never re-derive a phrase, so the
paper notice board, the web page, the search result and the reviewer's report cannot disagree.

Modules: :mod:`.numbers` (numbers, money, percentages), :mod:`.times` (processing times and
stages), :mod:`.fees` (fees, exemptions, windows), :mod:`.channels` (time and fees per channel),
:mod:`.offices` (office boxes and feedback blocks), :mod:`.documents` (dossier rows, legal texts),
:mod:`.procedure` (everything about one procedure), :mod:`.collation` (the one sort key) and
:mod:`.text` (splitting published text into paragraphs and lists).
"""
