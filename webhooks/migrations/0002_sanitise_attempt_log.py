"""The delivery log used to keep the first 1,000 bytes of a receiver's error answer and the
full text of a connection error (addresses included). What is logged now is a short reason
(``webhooks.sending``); this rewrites the entries already written the same way."""

from django.db import migrations


def sanitise(apps, schema_editor):
    WebhookAttempt = apps.get_model("webhooks", "WebhookAttempt")
    for made in WebhookAttempt.objects.exclude(error="").only("status_code", "error").iterator():
        if made.status_code is not None:
            made.error = f"HTTP {made.status_code}"
        else:
            made.error = made.error.split(":", 1)[0][:100]
        made.save(update_fields=["error"])


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0001_initial")]

    operations = [migrations.RunPython(sanitise, migrations.RunPython.noop, elidable=True)]
