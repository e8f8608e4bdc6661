"""Shared contracts below every output stage: page URLs, the page type, the build context, git dates.

The site, search and poster stages all use these modules and never import one another.
"""
