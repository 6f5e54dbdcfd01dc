"""Start to first painted home screen, and resident set size, against a bare PySide6 window
measured in the same run (interleaved runs, medians)."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).resolve().parent / "paint_probe.py"
RUNS = 7


def _once(kind: str, data_dir: str) -> tuple[float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run([sys.executable, str(PROBE), kind, data_dir], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    values = dict(line.split() for line in out.splitlines() if line[:4] in ("PAIN", "RSS "))
    return float(values["PAINT"]) - start, int(values["RSS"])


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data_dir:
        _once("kiosk", data_dir)          # first run seeds the store and warms the page cache
        _once("bare", data_dir)
        bare, kiosk = [], []
        for _ in range(RUNS):
            bare.append(_once("bare", data_dir))
            kiosk.append(_once("kiosk", data_dir))
    bare_t = statistics.median(t for t, _ in bare)
    kiosk_t = statistics.median(t for t, _ in kiosk)
    bare_rss = statistics.median(r for _, r in bare)
    kiosk_rss = statistics.median(r for _, r in kiosk)
    result = {"bare_start_ms": bare_t * 1000, "kiosk_start_ms": kiosk_t * 1000,
              "start_ratio": kiosk_t / bare_t, "bare_rss_mib": bare_rss / 1024,
              "kiosk_rss_mib": kiosk_rss / 1024, "rss_ratio": kiosk_rss / bare_rss}
    print(f"start to first paint: kiosk {result['kiosk_start_ms']:.0f} ms, bare window "
          f"{result['bare_start_ms']:.0f} ms, ratio {result['start_ratio']:.2f}× (target ≤ 1.3×)")
    print(f"resident set size: kiosk {result['kiosk_rss_mib']:.0f} MiB, bare window "
          f"{result['bare_rss_mib']:.0f} MiB, ratio {result['rss_ratio']:.2f}× (target ≤ 1.5×)")
    return result


if __name__ == "__main__":
    main()
