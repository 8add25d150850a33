"""Keeping netty in step with other address books: ``vdir`` (a folder of cards)."""
