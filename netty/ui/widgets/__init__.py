"""Widgets: the panes and their parts."""
