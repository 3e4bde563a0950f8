"""Rows of the distribution page rendered in Python: a unit of a few hundred pegawai has dozens of
teams, and the same markup through nested templates costs more than the queries behind it."""

from django import template
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

register = template.Library()


def _penyimpangan(ringkasan) -> str:
    if not ringkasan.pelanggaran:
        return ""
    items = []
    for p in ringkasan.pelanggaran:
        persen = round(p.jumlah * 100 / ringkasan.total) if ringkasan.total else 0
        perlu = ngettext(
            "sedikitnya %(n)d pegawai perlu berubah predikat agar sesuai pola.",
            "sedikitnya %(n)d pegawai perlu berubah predikat agar sesuai pola.",
            p.selisih_pegawai,
        ) % {"n": p.selisih_pegawai}
        dari = gettext("%(n)s dari %(total)s pegawai") % {"n": p.jumlah, "total": ringkasan.total}
        aturan = escape(p.aturan[:1].upper() + p.aturan[1:])
        items.append(f"<li>{aturan}: {escape(dari)} (≈ {persen} %); {escape(perlu)}</li>")
    judul = escape(gettext("Penyimpangan dari pola"))
    return (
        f'<div class="alert alert-warning py-2 px-3 mb-0"><strong>{judul}</strong>'
        f'<ul class="mb-0 ps-3">{"".join(items)}</ul></div>'
    )


def _justifikasi(daftar) -> str:
    if not daftar:
        kosong = escape(gettext("Belum ada justifikasi untuk periode ini."))
        return f'<p class="small text-body-secondary">{kosong}</p>'
    out = []
    for j in daftar:
        oleh = f" · {escape(str(j.dibuat_oleh))}" if j.dibuat_oleh else ""
        aturan = "".join(f"<li>{escape(p.get('aturan', ''))}</li>" for p in j.pelanggaran or [])
        aturan = f'<ul class="mb-0 ps-3">{aturan}</ul>' if aturan else ""
        waktu = escape(date_format(localtime(j.created_at), "j F Y H:i"))
        out.append(
            f'<blockquote class="small border-start ps-2 mb-2">{linebreaks(j.alasan, autoescape=True)}'
            f'<footer class="text-body-secondary">{waktu}{oleh} · {escape(gettext("capaian"))} '
            f"{escape(j.get_capaian_organisasi_display())}{aturan}</footer></blockquote>"
        )
    return "".join(out)


@register.simple_tag
def baris_tim(tim) -> str:
    """Two table rows per team (`selectors_distribusi.Tim`): the counts with the pattern's verdict, and
    the details (pattern, deviations, justifications) in a closed <details>. Every value is escaped."""
    t = {
        "belum": escape(gettext("belum")),
        "tanpa": escape(gettext("tanpa pola")),
        "ada": escape(gettext("ada justifikasi")),
        "sesuai": escape(gettext("Sesuai pola")),
        "rincian": escape(gettext("Rincian distribusi dan justifikasi")),
        "justifikasi": escape(gettext("Justifikasi distribusi")),
    }
    out = []
    for x in tim:
        r = x.ringkasan
        capaian = (
            escape(x.capaian.get_capaian_display())
            if x.capaian
            else '<span class="text-body-secondary">–</span>'
        )
        sel = "".join(f'<td class="text-end">{b.jumlah}</td>' for b in r.batang)
        belum = (
            f' <span class="small text-body-secondary fw-normal">(+{x.belum} {t["belum"]})</span>'
            if x.belum
            else ""
        )
        if not x.capaian:
            pola = f'<span class="badge text-bg-light">{t["tanpa"]}</span>'
        elif r.menyimpang:
            n = len(r.pelanggaran)
            label = ngettext("Menyimpang (%(n)d aturan)", "Menyimpang (%(n)d aturan)", n) % {"n": n}
            pola = f'<span class="badge text-bg-warning">{escape(label)}</span>'
            if x.justifikasi:
                pola += f' <span class="badge text-bg-info">{t["ada"]}</span>'
        elif r.total:
            pola = f'<span class="badge text-bg-success">{t["sesuai"]}</span>'
        else:
            pola = ""
        uraian = f'<p class="mb-2">{escape(r.pola)}</p>' if r.pola else ""
        out.append(
            f'<tr id="tim-{x.penilai_id}"><td><span class="fw-semibold">{escape(x.nama)}</span><br>'
            f'<span class="small text-body-secondary">{escape(x.jabatan)}</span></td><td>{capaian}</td>{sel}'
            f'<td class="text-end fw-semibold">{r.total}{belum}</td><td>{pola}</td></tr>'
            f'<tr class="border-top-0"><td colspan="9" class="pt-0"><details><summary class="small">'
            f'{t["rincian"]}</summary><div class="row g-3 py-2"><div class="col-lg-7 small">{uraian}'
            f'{_penyimpangan(r)}</div><div class="col-lg-5"><h3 class="h6">{t["justifikasi"]}</h3>'
            f"{_justifikasi(x.justifikasi)}</div></div></details></td></tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every interpolated value is escaped above
