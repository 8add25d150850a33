"""Services: plain Python between the faces (CLI, app) and the database."""
