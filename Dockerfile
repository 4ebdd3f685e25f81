# One image for every process of the CMS; the Procfile names the commands of each:
# web (this image's CMD), worker (with a stable WORKER_ID per worker), scheduler, janitor, sweeper
# and release (migrate, once per deploy before the new web processes start).
#   docker build -t paritaet-cms .
#   docker run --env-file prod.env -p 8000:8000 paritaet-cms
#   docker run --env-file prod.env --no-healthcheck -e WORKER_ID=worker-1 paritaet-cms \
#     sh -c 'python manage.py requeue_lost_tasks --worker-id $WORKER_ID && exec python manage.py db_worker --worker-id $WORKER_ID'
#   docker run --env-file prod.env --no-healthcheck paritaet-cms python manage.py run_scheduler
#   docker run --env-file prod.env --no-healthcheck paritaet-cms python manage.py remove_orphan_documents --interval 3600
#   docker run --env-file prod.env --no-healthcheck paritaet-cms python manage.py migrate --noinput
# (The HEALTHCHECK asks the web server; the other processes serve no HTTP, hence --no-healthcheck.)
# TRUSTED_PROXIES (preset below: loopback and the private networks, where a load balancer or
# ingress in front of the container lives) names the proxies whose X-Forwarded-For is believed
# (accounts/throttling.py): the password throttling and the search limit count the visitor's
# address, and a client reaching the port from a public address cannot choose it.
# prod.env holds at least SECRET_KEY, ALLOWED_HOSTS and SITE_BASE_URL (without them the
# production settings refuse to start) and DATABASE_URL; README "Production settings" lists all.
# The processes keep no state of their own: PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and S3
# (AWS_STORAGE_BUCKET_NAME) hold everything, so any number of web and worker containers can run.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    TASKS_BACKEND=database \
    LOG_FORMAT=json \
    PORT=8000 \
    TRUSTED_PROXIES=127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7

# PostgreSQL's client tools for `manage.py backup` / `restore` (pg_dump, pg_restore).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files are collected into the image (served by WhiteNoise); the production settings
# need a key, a host name and the site's address to load, which this step never uses.
RUN SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-xyz ALLOWED_HOSTS=build \
    SITE_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput -v0 \
    && useradd --system --uid 1000 cms \
    && mkdir -p /app/media /app/private-media \
    && chown -R cms /app/media /app/private-media
# Without S3, images and documents are files here: mount volumes on these two folders (a new
# volume takes over the folder's owner, so the app can write to it).
VOLUME ["/app/media", "/app/private-media"]
USER cms

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s CMD python -m ops.probe
CMD ["sh", "-c", "exec gunicorn cms.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3}"]
