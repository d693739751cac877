"""The accounts feature's events.

``company_created`` is sent once by ``services.create_company``, inside the transaction that
creates the company (after its row is flushed, before the commit), with the ``Company`` as
sender. Receivers add the rows every company starts with (the applications feature: the
default rejection reasons) and must not commit. Accounts never import the receivers.
"""

from app.signals import signal

company_created = signal("company-created")
