"""Shared contracts below every output stage: page URLs, the page type, the build context, git dates.

Also the one Vietnamese folding function (``fold``, ported to ``site_theme/assets/search/fold.js``)
and the life events (``events``), which the site's home page and the search both read.

The site, search and poster stages all use these modules and never import one another.
"""
