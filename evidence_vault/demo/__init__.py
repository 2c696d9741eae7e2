"""The demo vault a newcomer sees after `make run`, and the sample documents it is made of.

`samples` writes small but real PDF, DOCX and image files (the tests build their own
fixtures from it too); `loader` puts a demo organisation, its people, documents, claims
and links into a vault through the same pipeline an upload takes.
"""

from .loader import DEMO_EMAIL, DEMO_ORG_CODE, DemoLogin, load_demo

__all__ = ["DEMO_EMAIL", "DEMO_ORG_CODE", "DemoLogin", "load_demo"]
