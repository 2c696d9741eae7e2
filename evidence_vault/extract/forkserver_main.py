"""Imported by the forkserver only, as its first preload: puts the stand-in `__main__` in place (see `children`)."""

from .children import install_stand_in

install_stand_in()
