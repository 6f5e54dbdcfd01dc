"""The kiosk's live camera. QtMultimedia is imported here only, and only when asked, so a machine
without a camera or a multimedia backend still runs every other screen."""
from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

log = logging.getLogger("caunoi.ui.camera")


def camera_available() -> bool:
    """True when the multimedia backend loads and lists at least one video input."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        log.info("QtMultimedia is not available; the photo step offers no camera")
        return False
    return bool(QMediaDevices.videoInputs())


class CameraView(QWidget):
    """A live preview with capture(); emits `captured(QImage)` or `failed()`.

    The camera runs only while the view is started: the photo step starts it when shown and stops
    it when hidden, so the device is not held (or its light on) on other screens.
    """

    captured = Signal(QImage)
    failed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import (QCamera, QImageCapture, QMediaCaptureSession,
                                          QMediaDevices)
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.video = QVideoWidget(self)
        self.video.setMinimumSize(480, 270)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video)
        self.camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self.image_capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.image_capture)
        self.session.setVideoOutput(self.video)
        # capture() without a file keeps the picture in memory only: nothing touches the disk.
        self.image_capture.imageCaptured.connect(self._on_captured)
        self.image_capture.errorOccurred.connect(self._on_capture_error)
        self.camera.errorOccurred.connect(self._on_camera_error)

    def start(self) -> None:
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()

    def ready(self) -> bool:
        return self.camera.isActive() and self.image_capture.isReadyForCapture()

    def capture(self) -> None:
        if self.image_capture.isReadyForCapture():
            self.image_capture.capture()
        else:
            self.failed.emit()

    def _on_captured(self, _id: int, image: QImage) -> None:
        self.captured.emit(image)

    def _on_capture_error(self, _id: int, _error: object, message: str) -> None:
        log.warning("image capture failed: %s", message)
        self.failed.emit()

    def _on_camera_error(self, _error: object, message: str) -> None:
        log.warning("camera error: %s", message)
        self.failed.emit()
