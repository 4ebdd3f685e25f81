# One image for every process of the CMS (see Procfile): web, worker, scheduler, release.
#   docker build -t paritaet-cms .
#   docker run --env-file prod.env paritaet-cms                                   # web
#   docker run --env-file prod.env paritaet-cms python manage.py db_worker        # worker
#   docker run --env-file prod.env paritaet-cms python manage.py sweep_webhooks --interval 30
#   docker run --env-file prod.env paritaet-cms python manage.py migrate --noinput  # release
# The processes keep no state of their own: PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and S3
# (AWS_STORAGE_BUCKET_NAME) hold everything, so any number of web and worker containers can run.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    TASKS_BACKEND=database \
    LOG_FORMAT=json \
    PORT=8000

# PostgreSQL's client tools for `manage.py backup` / `restore` (pg_dump, pg_restore).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files are collected into the image (served by WhiteNoise); the production settings
# need a key and a host name to load, which this step never uses.
RUN SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-xyz ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput -v0 \
    && useradd --system --uid 1000 cms
USER cms

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/health/live/', timeout=2)"
CMD ["sh", "-c", "exec gunicorn cms.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --forwarded-allow-ips '*'"]
