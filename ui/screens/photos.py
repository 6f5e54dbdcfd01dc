"""Step 3: up to three photos, from the kiosk camera or (volunteers only) from files.

Every picture goes through kiosk.photos.prepare_photo on a worker thread (decode, EXIF/GPS
strip, shrink, re-encode); only its result enters the state. Results that arrive after the
idle timeout replaced the state are dropped.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.photos import Photo, prepare_photo
from kiosk.reports import MAX_PHOTOS
from ui.screens.base import Host, Screen
from ui.screens.state import WizardState
from ui.widgets import button, label, thumbnail_label
from ui.workers import run_task

THUMB_PX = 320


def _prepared(raw: bytes) -> tuple[Photo, QImage]:
    photo = prepare_photo(raw)
    thumb = QImage.fromData(QByteArray(photo.data)).scaled(
        THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation)
    return photo, thumb


def _from_image(image: QImage) -> tuple[Photo, QImage]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 92)
    return _prepared(bytes(buffer.data()))


def _from_file(path: Path) -> tuple[Photo, QImage]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KioskError("photo_unreadable", path=path.name) from exc
    return _prepared(raw)


class PhotosScreen(Screen):
    name = "photos"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        from ui.camera import camera_available

        self.add_question(self.tr("Add photos (optional)"))
        self.layout_.addWidget(label(self.tr(
            "Up to 3 photos help the commune see the problem. You can skip this step."), "hint"))
        self.camera_view: QWidget | None = None
        self.camera_box = QVBoxLayout()
        self.layout_.addLayout(self.camera_box, 1)
        self.has_camera = camera_available()
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.shoot_button = None
        if self.has_camera:
            self.shoot_button = button(self.tr("Take photo"), "primary")
            self.shoot_button.clicked.connect(self._shoot)
            actions.addWidget(self.shoot_button)
        else:
            self.camera_box.addWidget(label(self.tr(
                "This kiosk has no camera, so photos cannot be taken here. "
                "You can skip this step."), "notice"))
        self.pick_button = None
        if host.mode == "volunteer":  # never in kiosk mode: no file dialogs at the kiosk
            self.pick_button = button(self.tr("Choose photos from this computer…"))
            self.pick_button.clicked.connect(self._pick)
            actions.addWidget(self.pick_button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)
        self.status = label("", "status")
        self.layout_.addWidget(self.status)
        self.thumb_row = QHBoxLayout()
        self.thumb_row.setSpacing(16)
        self.layout_.addLayout(self.thumb_row)
        self.next_button = button("", "primary")
        self.next_button.clicked.connect(host.next_step)
        self.add_footer(self.next_button)
        self.refresh()

    # --- the camera runs only while this screen is visible -------------------------------
    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        super().showEvent(event)
        if self.has_camera and self.camera_view is None:
            from ui.camera import CameraView

            view = CameraView()
            view.captured.connect(self._captured)
            view.failed.connect(lambda: self.host.show_error(self.tr(
                "The camera did not take the photo. Please try again, or skip this step.")))
            self.camera_box.addWidget(view)
            view.show()   # added to a visible screen: not shown by the layout until later
            self.camera_view = view
        if self.camera_view is not None:
            self.camera_view.start()

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        if self.camera_view is not None:
            self.camera_view.stop()
        super().hideEvent(event)

    # --- adding and removing -------------------------------------------------------------
    def _room(self) -> int:
        return MAX_PHOTOS - len(self.state.draft.photos) - self.state.photos_pending

    def _shoot(self) -> None:
        if self.camera_view is not None and self._room() > 0:
            self.camera_view.capture()

    def _captured(self, image: QImage) -> None:
        if self._room() > 0:
            _start(self.host, lambda: _from_image(image))

    def _pick(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose photos"), "", self.tr("Photos (*.jpg *.jpeg *.png)"))
        for name in names[:max(self._room(), 0)]:
            path = Path(name)
            _start(self.host, lambda path=path: _from_file(path))

    def remove(self, sha256: str) -> None:
        self.state.draft.photos = [p for p in self.state.draft.photos if p.sha256 != sha256]
        self.state.thumbs.pop(sha256, None)
        self.refresh()

    def refresh(self) -> None:
        while self.thumb_row.count():
            item = self.thumb_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for photo in self.state.draft.photos:
            self.thumb_row.addWidget(self._thumb(photo))
        self.thumb_row.addStretch(1)
        count = len(self.state.draft.photos)
        pending = self.state.photos_pending
        self.status.setText(self.tr("Preparing the photo…") if pending else
                            self.tr("{count} of {limit} photos").format(count=count,
                                                                       limit=MAX_PHOTOS))
        for widget in (self.shoot_button, self.pick_button):
            if widget is not None:
                widget.setEnabled(self._room() > 0)
        self.next_button.setText(self.tr("Next") if count else self.tr("Skip"))
        self.next_button.setEnabled(pending == 0)

    def _thumb(self, photo: Photo) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        image = self.state.thumbs.get(photo.sha256) or QImage.fromData(QByteArray(photo.data))
        layout.addWidget(thumbnail_label(image, 180))
        remove = button(self.tr("Remove"), "danger")
        remove.clicked.connect(lambda _=False, sha=photo.sha256: self.remove(sha))
        layout.addWidget(remove)
        return box


def add_photo_bytes(host: Host, raw: bytes) -> None:
    """Prepare encoded image bytes (JPEG/PNG) as a photo of the current form, off the GUI thread."""
    _start(host, lambda: _prepared(raw))


def _start(host: Host, job) -> None:  # noqa: ANN001 - a zero-argument callable
    """Prepare one photo off the GUI thread for the state that is current now."""
    state: WizardState = host.state
    state.photos_pending += 1
    _refresh(host)

    def done(result: tuple[Photo, QImage]) -> None:
        if host.state is not state:   # the idle timeout wiped the form meanwhile
            return
        state.photos_pending -= 1
        photo, thumb = result
        known = {p.sha256 for p in state.draft.photos}
        if photo.sha256 not in known and len(state.draft.photos) < MAX_PHOTOS:
            state.draft.photos.append(photo)
            state.thumbs[photo.sha256] = thumb
        _refresh(host)

    def failed(error: BaseException) -> None:
        if host.state is not state:
            return
        state.photos_pending -= 1
        _refresh(host)
        host.show_error(error if isinstance(error, KioskError) else
                        QCoreApplication.translate(
                            "PhotosScreen",
                            "This photo could not be processed. Please take it again."))

    run_task(job, done, failed)


def _refresh(host: Host) -> None:
    screen = host.screen(PhotosScreen.name)
    if isinstance(screen, PhotosScreen):
        screen.refresh()
