"""Print-to-last-byte: from print_and_log (rasterise + ESC/POS) to the last byte a loopback
printer on 127.0.0.1 receives, against the time a real 80 mm printer needs to print that raster
at a nominal 250 mm/s (8 dots/mm). Below 1 the app keeps ahead of the paper."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 15
NOMINAL_MM_S = 250.0


def run() -> dict[str, float]:
    from kiosk import catalog
    from kiosk.db import Store
    from kiosk.printing import print_and_log
    from kiosk.printing.documents import report_document
    from kiosk.printing.raster import DOTS_PER_MM, rasterise_pdf
    from kiosk.reports import ReportDraft, file_report
    from tests.printer_loopback import LoopbackPrinter

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "data")
        catalog.seed(store.conn())
        filed = file_report(store, ReportDraft("ha-tang", "Đèn đường hỏng trước trường học",
                                               hamlet_id="ap-hoa-binh"))
        document = report_document(store, filed.code)
        height = rasterise_pdf(document.pdf).height        # also warms PDFium
        raster_times: list[float] = []
        for _ in range(RUNS):
            start = time.perf_counter()
            rasterise_pdf(document.pdf)
            raster_times.append(time.perf_counter() - start)
        printer = LoopbackPrinter()
        try:
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                outcome = print_and_log(store, document, printer.url)
                assert outcome.state == "printed", outcome
                job = printer.wait_job()
                assert job.last_at is not None
                times.append(job.last_at - start)
        finally:
            printer.close()
            store.close()
    nominal = height / DOTS_PER_MM / NOMINAL_MM_S
    sent = statistics.median(times)
    return {"raster_dots": float(height), "nominal_s": nominal, "last_byte_s": sent,
            "rasterise_s": statistics.median(raster_times), "ratio": sent / nominal}


def main() -> None:
    r = run()
    print(f"print: receipt {int(r['raster_dots'])} dots tall = {r['nominal_s'] * 1000:.0f} ms "
          f"at {NOMINAL_MM_S:.0f} mm/s; print → last byte {r['last_byte_s'] * 1000:.1f} ms "
          f"(rasterise {r['rasterise_s'] * 1000:.1f} ms); ratio {r['ratio']:.3f}")


if __name__ == "__main__":
    main()
