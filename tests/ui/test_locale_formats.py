"""Dates and numbers are written the way the app's locale writes them (``QLocale()``, set at start)."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale

from factcheck.ui import models, stats_view
from factcheck.ui.review_panel import age_text, local_time
from factcheck.ui.stats_view import Bar, BarChartWidget

AT = "2025-11-03T14:02:00.000Z"


@pytest.fixture
def spanish_locale():
    before = QLocale()
    QLocale.setDefault(QLocale("es_ES"))
    yield
    QLocale.setDefault(before)


def test_times_and_dates_follow_the_default_locale():
    when = datetime.datetime(2025, 11, 3, 14, 2, tzinfo=datetime.timezone.utc)
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp())).toLocalTime()
    assert local_time(AT) == QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    assert models.short_date("2025-10-24T08:00:00Z") == QLocale().toString(QDate(2025, 10, 24),
                                                                            QLocale.FormatType.ShortFormat)
    assert local_time(None) == "" and local_time("not a time") == ""
    assert models.short_date("October 2025") == "October 2025"  # what the page said, when it is not a date


def test_spanish_writes_day_before_month_and_groups_thousands_with_points(spanish_locale, qapp):
    local = datetime.datetime(2025, 11, 3, 14, 2, tzinfo=datetime.timezone.utc).astimezone()
    assert local_time(AT) == f"{local.day}/{local.month}/{local:%y} {local.hour}:{local:%M}"
    assert models.short_date("2025-10-24") == "24/10/25"
    assert stats_view.number(12345) == "12.345" and stats_view.days_number(2.5) == "2,5"
    now = datetime.datetime(2025, 11, 3, tzinfo=datetime.timezone.utc)
    assert age_text((now - datetime.timedelta(days=12345)).isoformat(), now).startswith("12.345 ")
    chart = BarChartWidget("Claims by rating")
    chart.set_bars([Bar("True", 12345)])
    assert "12.345" in chart.accessibleDescription() and "12.345" in chart.tip_text(chart.bars()[0])
