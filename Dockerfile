# The portal's image: web (gunicorn), Celery worker and beat all run from it (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_VAR_DIR=/app/var \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/data/media/public \
    DJANGO_PRIVATE_MEDIA_ROOT=/data/media/private

WORKDIR /app

# Fonts for the PDFs drawn on the server (prize certificates, booklets): DejaVu for Latin,
# Greek, Cyrillic and Arabic, Droid Sans Fallback for Chinese (wsis_portal/pdf.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-droid-fallback \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install .

COPY . .

# Static files are collected into the image and served by whitenoise. The key below exists
# only for this build step; the container refuses to start without a real DJANGO_SECRET_KEY.
RUN DJANGO_DEBUG=false DJANGO_SECRET_KEY=collectstatic-at-build-time-only \
    python manage.py collectstatic --noinput \
    && rm -rf /app/var

RUN useradd --create-home --uid 10001 wsis \
    && mkdir -p /app/var /data/media/public /data/media/private \
    && chown -R wsis:wsis /app/var /data/media
USER wsis

EXPOSE 8000
# Workers, threads, bind address and JSON access log: wsis_portal/gunicorn_conf.py.
CMD ["gunicorn", "wsis_portal.wsgi:application", "--config", "python:wsis_portal.gunicorn_conf"]
