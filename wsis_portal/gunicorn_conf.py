"""gunicorn settings of the web container: `gunicorn -c python:wsis_portal.gunicorn_conf`.

The access log goes to stdout in the usual combined format, with secret URL tokens masked
by `wsis_portal.gunicorn_logging.MaskingLogger` (docs/deployment.md, "Logs").
"""

accesslog = "-"
logger_class = "wsis_portal.gunicorn_logging.MaskingLogger"
