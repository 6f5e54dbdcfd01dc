"""Touch widgets shared by the kiosk screens: big buttons, icon tiles, a consent box whose long
label wraps, banners. Sizes and colours come from resources/styles/kiosk.qss via objectName."""
from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QLabel, QPushButton, QSizePolicy, QStyle,
                               QStyleOptionButton, QVBoxLayout, QWidget)

from kiosk.paths import RESOURCES
from ui.appearance import APPEARANCE
from ui.theme import TOUCH_MIN_PX

ICON_DIR = RESOURCES / "icons"


def icon(name: str) -> QIcon:
    """The pictogram resources/icons/<name>.svg, or the generic one when a catalog names an icon
    this build does not have (a server catalog update may add categories)."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path if path.exists() else ICON_DIR / "other.svg"))


def icon_pixmap(name: str, px: int) -> QPixmap:
    """The pictogram at `px`; inverted in the high-contrast theme (the blue drawing would
    vanish on black)."""
    pixmap = icon(name).pixmap(QSize(px, px))
    if not APPEARANCE.contrast:
        return pixmap
    # Inverted, the blue strokes turn light amber and the white details inside them (a
    # ticket's "12") black, so the drawing keeps its detail on a black background.
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    image.invertPixels(QImage.InvertMode.InvertRgb)
    return QPixmap.fromImage(image)


def today_text() -> str:
    return QDate.currentDate().toString("dd/MM/yyyy")


def number_text(value: int) -> str:
    """A count with the language's grouping (4.000 in Vietnamese, 4,000 in English): LANG sets
    the default QLocale."""
    return QLocale().toString(value)


def label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    return widget


def button(text: str, name: str = "secondary") -> QPushButton:
    """A big touch button; `name` picks its QSS look: primary, secondary, choice, danger."""
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setMinimumHeight(TOUCH_MIN_PX)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Tile(QPushButton):
    """An icon above a wrapped caption. QPushButton draws no wrapped text, so the caption is a
    child label that lets clicks through to the button."""

    def __init__(self, icon_name: str, text: str, icon_px: int = 48,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.setMinimumSize(QSize(160, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 14, 12, 12)
        layout.setSpacing(8)
        self.picture = QLabel()
        self.picture.setPixmap(icon_pixmap(icon_name, icon_px))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.caption = QLabel(text)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for child in (self.picture, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        layout.setStretch(0, 1)
        layout.setStretch(1, 1)

    def text(self) -> str:  # the caption is the button's text for tests and accessibility
        return self.caption.text()


class WrapCheckBox(QCheckBox):
    """A QCheckBox whose label wraps over several lines (consent texts are long). text() is the
    exact label, so what is shown is what is recorded; the whole widget is the click target."""

    GAP = 16

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _indicator(self) -> QRect:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)

    def _text_rect(self, width: int) -> QRect:
        left = self._indicator().width() + self.GAP
        return QRect(left, 0, max(width - left, 1), 10_000)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        flags = int(Qt.TextFlag.TextWordWrap)
        text = self.fontMetrics().boundingRect(self._text_rect(width), flags, self.text())
        return max(text.height() + 8, self._indicator().height(), TOUCH_MIN_PX)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(600, self.heightForWidth(600))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(300, TOUCH_MIN_PX)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt name
        return self.rect().contains(pos)

    @staticmethod
    def _draw_tick(painter: QPainter, box: QRect) -> None:
        pen = QPen(QColor("#ffffff"), max(3, box.width() // 9))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        w, h, x, y = box.width(), box.height(), box.x(), box.y()
        painter.drawPolyline([QPointF(x + w * 0.25, y + h * 0.52), QPointF(x + w * 0.43, y + h * 0.70),
                              QPointF(x + w * 0.76, y + h * 0.32)])
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        indicator = self._indicator()
        option.rect = QRect(0, 4, indicator.width(), indicator.height())
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, painter,
                                   self)
        if self.isChecked():
            self._draw_tick(painter, option.rect)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self._text_rect(self.width())
        rect.setHeight(self.height())
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop),
                         self.text())
        if self.hasFocus():
            option.rect = self.rect().adjusted(0, 0, -1, -1)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter,
                                       self)


class Banner(QLabel):
    """A full-width message line (errors, the idle countdown); hidden when empty."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def thumbnail_label(image: QImage, size: int = 160) -> QLabel:
    picture = QLabel()
    picture.setObjectName("thumbnail")
    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
    picture.setFixedSize(size, size)
    picture.setPixmap(QPixmap.fromImage(image).scaled(
        size - 8, size - 8, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation))
    return picture

