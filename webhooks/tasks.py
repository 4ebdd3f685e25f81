"""The delivery task, queued when the change commits (see ``signal_handlers``).

With the default immediate backend it runs inline right after the commit; with
``TASKS_BACKEND=database`` the ``db_worker`` runs it. Retries are not queued as tasks: the
sweep (``manage.py sweep_webhooks``) sends them when due, and also sends deliveries whose
task was lost.
"""

from django_tasks import task

from .sending import send_if_due


@task()
def send_webhook_task(delivery_id):
    # Idempotent: a delivery already sent (e.g. by the sweep) or not yet due is left alone.
    send_if_due(delivery_id)
