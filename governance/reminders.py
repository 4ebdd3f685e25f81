"""The review reminder: each responsible editor gets one German mail listing their due items.

Sent at most once per editor and day: the day's ``ReviewReminder`` row is written in the same
transaction that sends, under a unique constraint, so a second run (or a second scheduler) the
same day sends nothing.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import ReviewReminder
from .review import due_items

logger = logging.getLogger(__name__)


def send_review_reminders(today=None):
    """Sends the day's reminders; returns the number of mails sent."""
    today = today or timezone.localdate()
    by_owner = defaultdict(list)
    for item in due_items(today=today):
        if item.owner is not None and item.owner.is_active and item.owner.email:
            by_owner[item.owner].append(item)
    already = set(
        ReviewReminder.objects.filter(sent_on=today).values_list("recipient_id", flat=True)
    )
    sent = 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for owner, items in by_owner.items():
        if owner.pk in already:
            continue
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(recipient=owner, sent_on=today, item_count=len(items))
                context = {"owner": owner, "items": items, "base_url": base_url, "today": today}
                with translation.override("de"):
                    subject = render_to_string("governance/reminder_subject.txt", context).strip()
                    body = render_to_string("governance/reminder.txt", context)
                send_mail(subject, body, None, [owner.email])
        except IntegrityError:
            continue  # another process sent it a moment ago
        sent += 1
    return sent
