"""Resident photos, safe by construction.

`prepare_photo()` is the only way a photo enters the store. It takes untrusted bytes (a kiosk
camera, a volunteer's phone, a USB stick) and returns a freshly encoded image, or raises
`KioskError` with one of: photo_too_large, photo_format, photo_too_big_pixels, photo_corrupt.

Order matters, cheapest and safest check first:
1. byte cap, before any parsing;
2. magic bytes: only JPEG and PNG are ever handed to a decoder (a GIF renamed .jpg is refused by
   content; the file name is never looked at);
3. header only: the declared width*height against MAX_PIXELS, before pixels are decoded, so a
   small file that inflates to gigabytes (a decompression bomb) never does;
4. full decode (`load()`), so a truncated file fails here instead of later as a grey half-image
   (ImageFile.LOAD_TRUNCATED_IMAGES is left False on purpose).

Output format (kept simple): JPEG (RGB, quality 85, optimized) for everything, except a PNG with
transparency, which stays PNG (RGBA) because JPEG cannot carry alpha. Other PNGs become JPEG:
report photos are photographs, and one format keeps sizes predictable.

Privacy: the output is re-encoded from pixels with an empty `info`, so no EXIF (GPS, camera
serial, time), XMP, comments, text chunks or ICC profile survive. EXIF orientation is applied to
the pixels first, so dropping the tag does not turn photos sideways. Dropping the ICC profile can
shift colours slightly on wide-gamut phone photos; acceptable for evidence photos.

Encoding is deterministic (no timestamps are written), so the same input gives the same bytes and
the same SHA-256, which is how media is addressed in the store and on the wire.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from kiosk.errors import KioskError

MAX_INPUT_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
JPEG_QUALITY = 85

_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Photo:
    sha256: str  # hex digest of `data`
    mime: str  # "image/jpeg" or "image/png"
    data: bytes
    width: int
    height: int


def prepare_photo(raw: bytes) -> Photo:
    """Validate, decode, orient, shrink and re-encode `raw`; see the module docstring."""
    if len(raw) > MAX_INPUT_BYTES:
        raise KioskError("photo_too_large", limit_mb=MAX_INPUT_BYTES // (1024 * 1024))
    fmt = sniff_format(raw)
    img = _decode(raw, fmt)
    img = _upright(img)
    keep_png = fmt == "PNG" and _has_alpha(img)
    if img.mode.startswith("I"):
        # 16-bit greyscale PNG: scale to 8 bits, a plain convert() would clip it to white.
        img = img.convert("I").point(lambda v: v / 256, "L")
    # Convert before scaling: LANCZOS needs RGB(A) (palette/bilevel would fall back to NEAREST).
    img = img.convert("RGBA" if keep_png else "RGB")
    img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    img.info = {}  # nothing from the input file is written back (PNG save falls back to info)
    buf = io.BytesIO()
    if keep_png:
        img.save(buf, "PNG")
        mime = "image/png"
    else:
        img.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = "image/jpeg"
    data = buf.getvalue()
    return Photo(hashlib.sha256(data).hexdigest(), mime, data, img.width, img.height)


def sniff_format(raw: bytes) -> str:
    """The Pillow format name for `raw` judged by its first bytes, or KioskError photo_format."""
    if raw.startswith(_JPEG_MAGIC):
        return "JPEG"
    if raw.startswith(_PNG_MAGIC):
        return "PNG"
    raise KioskError("photo_format")


def _too_big() -> KioskError:
    return KioskError("photo_too_big_pixels", limit_mpx=MAX_PIXELS // 1_000_000)


def _decode(raw: bytes, fmt: str) -> Image.Image:
    # Pillow's own bomb guard warns (and errors above 2x its limit); make the warning an error here
    # only, leaving global filters and Image.MAX_IMAGE_PIXELS alone. Our MAX_PIXELS is lower than
    # Pillow's limit anyway, so the header check below is what normally trips.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(raw), formats=[fmt])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_big() from exc
        except Exception as exc:  # any parser failure on untrusted bytes is "corrupt"
            raise KioskError("photo_corrupt") from exc
        width, height = img.size
        if width < 1 or height < 1:
            raise KioskError("photo_corrupt")
        if width * height > MAX_PIXELS:
            raise _too_big()
        try:
            if fmt == "JPEG":
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the result still covers
                # MAX_SIDE: far less memory for a 40 Mpx photo, same final quality.
                img.draft("RGB", (MAX_SIDE, MAX_SIDE))
            img.load()  # decodes everything: a truncated file raises here
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_big() from exc
        except Exception as exc:
            raise KioskError("photo_corrupt") from exc
    return img


def _upright(img: Image.Image) -> Image.Image:
    """Apply the EXIF orientation to the pixels."""
    try:
        return ImageOps.exif_transpose(img)
    except Exception:
        # Broken EXIF must not cost the resident their photo: keep the pixels as stored.
        return img


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in img.info
