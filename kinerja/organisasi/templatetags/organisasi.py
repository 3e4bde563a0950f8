from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from kinerja.aturan import tulis_nip

from ..models import StatusKepegawaian, nama_dengan_gelar

register = template.Library()


@register.simple_tag
def pegawai_rows(rows, kolom_status=True):
    """Table rows of the pegawai list from `selectors.pegawai_list` tuples.

    Rendered in Python with every value escaped, rather than in a template loop: the list is the
    busiest page at the January rush, and this keeps a page of 50 rows well under a millisecond.
    """
    base = reverse("organisasi:pegawai-list")  # a profile is <list>/<pk>/
    labels = {value: escape(str(label)) for value, label in StatusKepegawaian.choices}  # active language
    out = []
    for r in rows:
        css = ' class="text-body-tertiary"' if not r.aktif else ""
        nama = escape(nama_dengan_gelar(r.gelar_depan, r.nama, r.gelar_belakang))
        status = f"<td>{labels.get(r.status, escape(r.status))}</td>" if kolom_status else ""
        out.append(
            f'<tr{css}><td><a href="{base}{r.id}/">{nama}</a></td>'
            f'<td class="font-monospace small">{escape(tulis_nip(r.nip))}</td>{status}'
            f"<td>{escape(r.jabatan__nama or '—')}</td><td>{escape(r.unit_kerja__nama)}</td></tr>"
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every interpolated value is escaped above
