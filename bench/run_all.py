"""Run every benchmark; each prints its figures as ratios against a floor from the same run."""
from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import print as print_bench  # noqa: E402
from bench import hub, lookup, queue, startup, submit  # noqa: E402
from bench import sync as sync_bench  # noqa: E402


def main() -> int:
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}")
    startup.main()
    submit.main()
    queue.main()
    hub.main()
    print_bench.main()
    sync_bench.main()
    lookup.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
