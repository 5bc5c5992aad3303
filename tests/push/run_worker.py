"""Run `flask push worker` in a process of its own on a test database (for the crash tests).

Usage: python -m tests.push.run_worker CONFIG_JSON [--until-idle]
"""

from __future__ import annotations

import json
import sys

from api import create_app


def main() -> None:
    app = create_app(json.loads(sys.argv[1]))
    result = app.test_cli_runner().invoke(args=["push", "worker", *sys.argv[2:]])
    sys.stderr.write(result.output)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    sys.exit(result.exit_code)


if __name__ == "__main__":
    main()
