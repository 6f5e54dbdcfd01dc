"""kiosk.photos: every image is made here with Pillow (or by hand, for the bombs); no fixtures."""
from __future__ import annotations

import hashlib
import io
import random
import struct
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from kiosk import photos
from kiosk.errors import KioskError
from kiosk.photos import MAX_INPUT_BYTES, MAX_SIDE, Photo, prepare_photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _encode(img: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def _noise(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """Incompressible pixels, so scan data fills the file (for the truncation tests)."""
    rnd = random.Random(seed)
    return Image.frombytes("RGB", size, rnd.randbytes(size[0] * size[1] * 3))


def _halves(size: tuple[int, int], first: str, second: str) -> Image.Image:
    """Left half `first`, right half `second`."""
    img = Image.new("RGB", size, second)
    img.paste(first, (0, 0, size[0] // 2, size[1]))
    return img


def _gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber, personal enough
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 42.0)  # Hà Nội
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 12.0)
    return exif


def _reopen(photo: Photo) -> Image.Image:
    img = Image.open(io.BytesIO(photo.data))
    img.load()
    return img


def _error(raw: bytes) -> KioskError:
    with pytest.raises(KioskError) as info:
        prepare_photo(raw)
    return info.value


# --- what comes out -------------------------------------------------------------------------


def test_jpeg_with_gps_exif_comes_out_with_no_metadata() -> None:
    raw = _encode(
        _noise((640, 480)),
        "JPEG",
        exif=_gps_exif(),
        comment=b"Nguyen Van A, 0912345678",
        xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>secret</x:xmpmeta>",
    )
    # The input really carries what we mean to strip.
    src = Image.open(io.BytesIO(raw))
    assert src.getexif().get_ifd(GPS_IFD)[2] == (21.0, 1.0, 42.0)
    assert b"SERIAL-123456" in raw and b"secret" in raw and b"0912345678" in raw

    photo = prepare_photo(raw)

    out = _reopen(photo)
    assert photo.mime == "image/jpeg" and out.format == "JPEG"
    assert len(out.getexif()) == 0
    assert out.getexif().get_ifd(GPS_IFD) == {}
    for key in ("exif", "xmp", "comment", "icc_profile"):
        assert key not in out.info
    for needle in (b"Exif\x00\x00", b"SERIAL-123456", b"PhoneMaker", b"secret", b"0912345678"):
        assert needle not in photo.data
    assert (photo.width, photo.height) == out.size == (640, 480)


def test_png_text_and_exif_chunks_are_dropped() -> None:
    from PIL.PngImagePlugin import PngInfo

    meta = PngInfo()
    meta.add_text("Author", "Nguyen Van A")
    raw = _encode(Image.new("RGBA", (64, 48), (10, 20, 30, 128)), "PNG", pnginfo=meta,
                  exif=_gps_exif())
    assert b"Nguyen Van A" in raw and b"PhoneMaker" in raw

    photo = prepare_photo(raw)

    out = _reopen(photo)
    assert photo.mime == "image/png" and out.format == "PNG"
    assert set(out.info) <= {"dpi"}
    assert b"Nguyen Van A" not in photo.data and b"PhoneMaker" not in photo.data
    assert b"eXIf" not in photo.data and b"iCCP" not in photo.data


@pytest.mark.parametrize(("size", "expected"), [((4000, 3000), (1600, 1200)),
                                                ((3000, 4000), (1200, 1600))])
def test_large_photo_is_scaled_to_max_side(size: tuple[int, int],
                                           expected: tuple[int, int]) -> None:
    photo = prepare_photo(_encode(_halves(size, "red", "blue"), "JPEG", quality=90))
    assert (photo.width, photo.height) == expected
    assert _reopen(photo).size == expected
    assert max(expected) == MAX_SIDE


def test_small_photo_is_not_enlarged() -> None:
    photo = prepare_photo(_encode(Image.new("RGB", (300, 200), "green"), "JPEG"))
    assert (photo.width, photo.height) == (300, 200)


def test_exif_orientation_6_is_applied_to_the_pixels() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # "rotate 90° clockwise to display"
    raw = _encode(_halves((400, 200), "red", "blue"), "JPEG", exif=exif)

    photo = prepare_photo(raw)

    out = _reopen(photo).convert("RGB")
    assert (photo.width, photo.height) == out.size == (200, 400)
    assert ORIENTATION not in out.getexif()
    # Turning clockwise puts the stored left (red) half on top.
    top, bottom = out.getpixel((100, 50)), out.getpixel((100, 350))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_png_without_transparency_becomes_jpeg() -> None:
    photo = prepare_photo(_encode(_halves((320, 240), "white", "black"), "PNG"))
    assert photo.mime == "image/jpeg"
    assert _reopen(photo).size == (320, 240)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_png_with_transparency_stays_png_with_alpha(mode: str) -> None:
    if mode == "P":
        img = Image.new("P", (120, 80), 0)
        raw = _encode(img, "PNG", transparency=0)
    else:
        raw = _encode(Image.new(mode, (120, 80)), "PNG")

    photo = prepare_photo(raw)

    out = _reopen(photo)
    assert photo.mime == "image/png" and out.mode == "RGBA"
    assert out.getpixel((0, 0))[3] == 0


@pytest.mark.parametrize("mode", ["1", "L", "P", "I;16", "CMYK"])
def test_other_modes_are_accepted(mode: str) -> None:
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    photo = prepare_photo(_encode(Image.new(mode, (50, 40)), fmt))
    assert photo.mime == "image/jpeg" and (photo.width, photo.height) == (50, 40)


def test_sixteen_bit_grey_is_scaled_not_clipped() -> None:
    photo = prepare_photo(_encode(Image.new("I;16", (8, 8), 30000), "PNG"))
    red, _, _ = _reopen(photo).convert("RGB").getpixel((4, 4))
    assert 110 <= red <= 124  # 30000 / 256 ≈ 117, not 255


def test_sha256_is_of_the_output_and_encoding_is_deterministic() -> None:
    raw = _encode(_noise((900, 700), seed=3), "JPEG", exif=_gps_exif())
    first, second = prepare_photo(raw), prepare_photo(raw)
    assert first.sha256 == hashlib.sha256(first.data).hexdigest()
    assert first == second
    png = _encode(Image.new("RGBA", (90, 70), (1, 2, 3, 4)), "PNG")
    assert prepare_photo(png).sha256 == prepare_photo(png).sha256


# --- what is refused --------------------------------------------------------------------------


def test_gif_is_refused_by_content(tmp_path: Path) -> None:
    gif = _encode(Image.new("P", (32, 32)), "GIF")
    assert _error(gif).code == "photo_format"
    # A GIF "named" .jpg: only the bytes reach prepare_photo, and they are still a GIF.
    disguised = tmp_path / "anh_hien_truong.jpg"
    disguised.write_bytes(gif)
    assert _error(disguised.read_bytes()).code == "photo_format"


@pytest.mark.parametrize("fmt", ["BMP", "WEBP", "TIFF"])
def test_other_decodable_formats_are_refused(fmt: str) -> None:
    assert _error(_encode(Image.new("RGB", (16, 16)), fmt)).code == "photo_format"


def test_random_and_empty_bytes_are_refused() -> None:
    noise = random.Random(7).randbytes(4096)
    assert not noise.startswith((b"\xff\xd8\xff", b"\x89PNG"))
    assert _error(noise).code == "photo_format"
    assert _error(b"").code == "photo_format"
    assert _error(b"\xff\xd8").code == "photo_format"  # shorter than the magic


def test_right_magic_wrong_body_is_corrupt() -> None:
    assert _error(b"\xff\xd8\xff" + b"\x00" * 500).code == "photo_corrupt"
    assert _error(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50).code == "photo_corrupt"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_file_is_corrupt(fmt: str) -> None:
    raw = _encode(_noise((400, 300), seed=1), fmt)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert _error(raw[: len(raw) // 2]).code == "photo_corrupt"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_oversized_input_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("Image.open must not be reached")

    monkeypatch.setattr(photos.Image, "open", no_decoding)
    err = _error(b"\xff\xd8\xff" + b"\x00" * (30 * 1024 * 1024))
    assert err.code == "photo_too_large" and err.params == {"limit_mb": 15}
    assert _error(b"\xff\xd8\xff" + b"\x00" * MAX_INPUT_BYTES).code == "photo_too_large"


def test_input_at_the_byte_cap_is_not_refused_for_size() -> None:
    raw = _encode(Image.new("RGB", (10, 10)), "JPEG")
    padded = raw + b"\x00" * (MAX_INPUT_BYTES - len(raw))  # junk after EOI is ignored
    assert len(padded) == MAX_INPUT_BYTES
    assert prepare_photo(padded).width == 10


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb(width: int, height: int) -> bytes:
    """A genuine, fully valid all-black 1-bit PNG, streamed so the test never holds its pixels."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


# 7000² is above our 40 Mpx cap but under Pillow's own warning (≈89 Mpx); 12000² trips Pillow's
# warning; 20000² is past Pillow's hard error. All three must end as the same code.
@pytest.mark.parametrize("side", [7000, 12000, 20000])
def test_decompression_bomb_is_refused_from_the_header(side: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _png_bomb(side, side)
    assert len(bomb) < 1024 * 1024  # a small file...
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            assert Image.open(io.BytesIO(bomb)).size == (side, side)  # ...declaring huge pixels
        except Image.DecompressionBombError:
            assert side * side > 2 * Image.MAX_IMAGE_PIXELS

    def no_loading(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels must not be decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_loading)
    filters_before = list(warnings.filters)
    limit_before = Image.MAX_IMAGE_PIXELS

    err = _error(bomb)

    assert err.code == "photo_too_big_pixels" and err.params == {"limit_mpx": 40}
    assert warnings.filters == filters_before  # the "error" filter was local
    assert Image.MAX_IMAGE_PIXELS == limit_before


def test_pillows_own_bomb_warning_is_an_error_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were our cap raised past Pillow's, Pillow's warning must still stop the decode, even with
    warnings ignored globally."""
    def no_loading(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels must not be decoded")

    monkeypatch.setattr(photos, "MAX_PIXELS", 10**9)
    monkeypatch.setattr(ImageFile.ImageFile, "load", no_loading)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _error(_png_bomb(12000, 12000)).code == "photo_too_big_pixels"
