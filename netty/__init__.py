"""netty: a keyboard-driven personal CRM that puts giving first."""

__version__ = "0.1.0"
