"""Event names of the assessment's records, with the Chinese label the timeline shows."""

from __future__ import annotations

from django.db import models

from zwgk.assessment.models import AnnualFigure, AnnualReport
from zwgk.events.services import event_names


@event_names(AnnualFigure)
class AnnualFigureEvent(models.TextChoices):
    FIGURE_SAVED = "figure_saved", "保存填报数"


@event_names(AnnualReport)
class AnnualReportEvent(models.TextChoices):
    TEXT_SAVED = "text_saved", "保存报告正文"
    SUBMITTED = "submitted", "提交发布审核"
    PUBLISH = "publish", "发布年度报告"
    CORRECTION_SUBMITTED = "correction_submitted", "更正提交发布审核"
    CORRECTION_PUBLISHED = "correction_published", "发布更正"
