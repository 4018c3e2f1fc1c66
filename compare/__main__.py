"""``python -m compare``: the factcompare command."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the scientific libraries load: no traceback for that
    print("factcompare: interrupted", file=sys.stderr)  # noqa: T201
    sys.exit(130)

main()
