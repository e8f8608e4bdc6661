"""``python -m generator.search``: see :mod:`generator.search.cli`."""

from generator.search.cli import main

raise SystemExit(main())
