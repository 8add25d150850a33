"""Modal dialogs: forms, confirmations, detail views."""
