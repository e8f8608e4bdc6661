"""Life events (sự kiện): the situations citizens think in, shared by the site and the search.

``taxonomy`` reads and checks the shipped ``events.yaml``; ``assign`` attaches procedures to
events by rules over lĩnh vực and name, plus each procedure's own ``events:`` additions and
removals.
"""
