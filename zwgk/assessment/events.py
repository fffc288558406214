"""Event names of the assessment's records, with the Chinese label the timeline shows."""

from __future__ import annotations

from django.db import models

from zwgk.assessment.models import AnnualFigure
from zwgk.events.services import event_names


@event_names(AnnualFigure)
class AnnualFigureEvent(models.TextChoices):
    FIGURE_SAVED = "figure_saved", "保存填报数"
