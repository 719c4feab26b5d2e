"""The central OMS server: FastAPI app, schema and migrations, services, auth and the feed."""
