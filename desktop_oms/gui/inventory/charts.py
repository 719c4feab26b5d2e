"""The inventory page's charts (QtCharts): a titled card holding one bar chart.

Charts are drawn plain for a glance across the room: one colour, no legend, no animation,
value labels on the bars, the axes' lines hidden; a chart without data says so instead
of drawing empty axes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop_oms.gui import theme

#: Bars on the chart: the accent, with the value labels in ink.
BAR = "#3B82F6"
GRID = "#EEF1F4"
#: Category names longer than this many pixels are elided.
LABEL_WIDTH = 112


def nice_max(value: float) -> float:
    """An axis maximum a bit above ``value`` that reads well (1, 2, 2.5, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    top = value * 1.15
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if top <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


class ChartCard(QFrame):
    """A card with a title, a caption and one bar chart (vertical or horizontal bars)."""

    def __init__(
        self, title: str, *, horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.horizontal = horizontal
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        self.title.setProperty("section", True)
        self.caption = QLabel("", self)
        self.caption.setProperty("faint", True)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 4, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setStyleSheet("background: transparent; border: 0;")
        self.view.setMinimumHeight(150)
        self.view.setAccessibleName(title)
        self.empty = QLabel("", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("muted", True)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.categories: list[str] = []
        self.values: list[float] = []

    def set_bars(
        self,
        categories: Sequence[str],
        values: Sequence[float],
        *,
        labels: str = "@value",
        precision: int = 6,
        empty: str | None = None,
    ) -> None:
        """Draw one bar per category (``labels``: the bar label format, QtCharts style,
        with ``precision`` significant digits). Long names are elided to fit."""
        self.categories, self.values = list(categories), [float(v) for v in values]
        series = self._series(values, labels, precision, empty)
        if series is None:
            return
        small = self._small()
        metrics = QFontMetrics(small)
        names = QBarCategoryAxis()
        names.append(
            [metrics.elidedText(c, Qt.TextElideMode.ElideRight, LABEL_WIDTH) for c in categories]
        )
        names.setLabelsFont(small)
        names.setLabelsColor(QColor(theme.MUTED))
        names.setGridLineVisible(False)
        names.setTruncateLabels(False)  # QtCharts elides them with room to spare
        names.setLinePen(QPen(QColor(GRID)))
        self._attach(series, names)

    def set_indexed(
        self,
        values: Sequence[float],
        first: int,
        last: int,
        *,
        tick: int = 2,
        empty: str | None = None,
    ) -> None:
        """Draw ``values[first..last]`` as bars numbered by their index (hours of a day),
        with a number under every ``tick``-th bar."""
        self.categories = [str(i) for i in range(first, last + 1)]
        self.values = [float(values[i]) for i in range(first, last + 1)]
        series = self._series(values if any(self.values) else [], "@value", 6, empty)
        if series is None:
            return
        numbers = QValueAxis()
        numbers.setRange(first - 0.5, last + 0.5)
        numbers.setTickType(QValueAxis.TickType.TicksDynamic)
        numbers.setTickAnchor(0)
        numbers.setTickInterval(tick)
        numbers.setLabelFormat("%d")
        numbers.setLabelsFont(self._small())
        numbers.setLabelsColor(QColor(theme.MUTED))
        numbers.setGridLineVisible(False)
        numbers.setLinePen(QPen(QColor(GRID)))
        self._attach(series, numbers)

    # --- parts ---------------------------------------------------------------------------

    @staticmethod
    def _small() -> QFont:
        small = QFont(theme.app_font())
        small.setPixelSize(12)
        return small

    def _series(
        self,
        values: Sequence[float],
        labels: str,
        precision: int,
        empty: str | None,
    ) -> QBarSeries | QHorizontalBarSeries | None:
        """A fresh chart with one bar series of ``values`` (None: nothing to draw, the
        ``empty`` text shows)."""
        if not values or not any(values):
            self.empty.setText(self.tr("Nothing yet") if empty is None else empty)
            self.stack.setCurrentWidget(self.empty)
            return None
        self.stack.setCurrentWidget(self.view)
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        strong = self._small()
        strong.setWeight(QFont.Weight.DemiBold)
        bars = QBarSet("")
        bars.setColor(QColor(BAR))
        bars.setBorderColor(QColor(BAR))
        bars.setLabelColor(QColor(theme.INK))
        bars.setLabelFont(strong)
        bars.append([float(v) for v in values])
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.62)
        series.setLabelsVisible(True)
        series.setLabelsFormat(labels)
        series.setLabelsPrecision(precision)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        return series

    def _attach(self, series: QBarSeries | QHorizontalBarSeries, names: QAbstractAxis) -> None:
        """Put the category axis and a plain value axis on the chart."""
        chart = self.chart
        amounts = QValueAxis()
        amounts.setRange(0, nice_max(max(self.values)))
        amounts.setLabelsVisible(False)
        amounts.setGridLinePen(QPen(QColor(GRID)))
        amounts.setLineVisible(False)
        amounts.setTickCount(3)
        if self.horizontal:
            chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(amounts)
