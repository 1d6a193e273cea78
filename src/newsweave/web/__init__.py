"""`newsweave serve`: a local web app and JSON API over the same library functions as the CLI.

Importing this package is cheap and needs no web framework: `serve_command` builds the
argument parser without FastAPI; `app.create_app` loads FastAPI, uvicorn and Jinja2.
"""
