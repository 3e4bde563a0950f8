"""Signals for the stages after penilaian (tindak lanjut listens; penilaian never imports it).

``hasil_ditetapkan`` is sent, inside the transaction, when penilaian become final (``penilaian``: the
list finalised, ``by``: the user) and when a keberatan decision changes a final result
(``perubahan=True``).
"""

from django.dispatch import Signal

hasil_ditetapkan = Signal()
