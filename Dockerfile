# The API and the app in one image. Not built on the development machines (no Docker engine there).
FROM python:3.11-slim

# Node.js runs each rule's own examples through the real analyser when bundles are imported.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 companion
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=companion:companion . .
USER companion

ENV APP_ENV=production \
    PYTHONUNBUFFERED=1 \
    INSTANCE_PATH=/app/instance \
    PORT=8000
# SECRET_KEY and DATABASE_URL come from the environment at run time; the image holds no secret.
EXPOSE 8000
CMD ["sh", "-c", "flask --app api db upgrade && flask --app api bundles import && exec gunicorn --bind 0.0.0.0:${PORT} --workers 2 --access-logfile - --error-logfile - wsgi:app"]
