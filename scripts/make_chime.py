#!/usr/bin/env python3
"""Writes resources/sounds/chime.wav: the display board's two-tone "ding-dong" played before a
call. Pure standard library (math + wave), deterministic; the sound is ours (same licence as the
project). Run from anywhere: python scripts/make_chime.py [OUT.wav]
"""
from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050          # Hz, mono, 16-bit: plenty for a bell, and espeak-ng's own rate
SECONDS = 0.8
# (start s, fundamental Hz): a falling major third, G5 then E♭5, like a door chime
TONES = ((0.0, 784.0), (0.32, 622.25))
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))   # (multiple, weight): bell-like overtones
DECAY = 6.0            # 1/s, exponential
ATTACK = 0.006         # s, linear fade-in against clicks
RELEASE = 0.05         # s, fade to zero at the very end
PEAK = 0.6             # of full scale

OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"


def samples() -> list[int]:
    n = int(RATE * SECONDS)
    norm = sum(w for _, w in PARTIALS)
    out = []
    for i in range(n):
        t = i / RATE
        value = 0.0
        for start, freq in TONES:
            dt = t - start
            if dt < 0:
                continue
            envelope = min(1.0, dt / ATTACK) * math.exp(-DECAY * dt)
            value += envelope * sum(w * math.sin(2 * math.pi * freq * m * dt)
                                    for m, w in PARTIALS) / norm
        value *= min(1.0, (SECONDS - t) / RELEASE)
        out.append(round(max(-1.0, min(1.0, value * PEAK)) * 32767))
    return out


def write(path: Path = OUT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = samples()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(struct.pack(f"<{len(data)}h", *data))
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
