"""The Textual app: three panes over the services. Only this package imports textual."""
