"""``python -m isecg_kg``: the same as the ``isecg-kg`` command."""

from .cli import main

main()
