"""``python -m netty``: the ``netty`` command (handy with ``python -X importtime -m netty``)."""

from netty.cli import main

main()
