from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def baris_hasil_kerja(rhk_list, jenis_skp: str):
    """Read-only rows of the HASIL KERJA table from `halaman.baris_rhk` (what a penilai, atasan or
    admin sees). Rendered in Python with every value escaped, like the pegawai list: the penilai
    opens these pages one after another at the January rush. The owner's editable rows, with their
    forms, are `_rhk_rows.html`."""
    jpt = jenis_skp == "jpt"
    kosong = "—"
    manual_url = reverse("perencanaan:manual", args=[0])[: -len("0/manual/")]  # <prefix><pk>/manual/
    t_manual, t_susun = escape(gettext("manual")), escape(gettext("susun manual"))
    t_belum = escape(gettext("Belum ada indikator."))
    out = []
    for nomor, r in enumerate(rhk_list, start=1):
        n = len(r.indikator)
        rs = f' rowspan="{n}"' if n > 1 else ""
        kepala = f"<td{rs}>{nomor}</td>"
        if not jpt:
            kepala += f'<td{rs} class="small">{escape(r.asal or kosong)}</td>'
        penugasan = (
            f'<div class="small text-body-secondary">{escape(r.penugasan_dari)}</div>'
            if r.penugasan_dari
            else ""
        )
        kepala += f"<td{rs}>{escape(r.uraian)}{penugasan}</td>"
        if not r.indikator:
            out.append(f'<tr>{kepala}<td colspan="3" class="text-danger small">{t_belum}</td></tr>')
            continue
        for i, iki in enumerate(r.indikator):
            sel = kepala if i == 0 else ""
            if not jpt:
                sel += f"<td>{escape(iki.aspek or kosong)}</td>"
            manual = ""
            if jpt:
                css = "" if iki.ada_manual else " text-danger"
                manual = (
                    f' <a class="small text-nowrap{css}" href="{manual_url}{iki.pk}/manual/">'
                    f'<i class="bi bi-journal-text"></i> {t_manual if iki.ada_manual else t_susun}</a>'
                )
            sel += f"<td>{escape(iki.uraian)}{manual}</td><td>{escape(iki.target)}</td>"
            if jpt:
                sel += f"<td>{escape(iki.perspektif or kosong)}</td>"
            out.append(f"<tr>{sel}</tr>")
    if not out:
        out.append(f'<tr><td colspan="6">{kosong}</td></tr>')
    return mark_safe("\n".join(out))  # noqa: S308 - every interpolated value is escaped above


@register.simple_tag(takes_context=True)
def baris_inbox(context, rows, menunggu: bool):
    """The penilai inbox from `selectors.inbox_penilai` rows: SKP awaiting approval with the
    approve/return form, or the other SKP as table rows. Rendered in Python, values escaped."""
    from kinerja.organisasi.models import nama_dengan_gelar

    from ..workflow import StatusSkp

    base = reverse("perencanaan:skp-saya")  # an SKP is <base><pk>/, its actions <base><pk>/aksi/
    out = []
    if not menunggu:
        status = {s.value: escape(str(s.label)) for s in StatusSkp}
        for r in rows:
            nama = escape(nama_dengan_gelar(r.gelar_depan, r.nama, r.gelar_belakang))
            out.append(
                f'<tr><td><a href="{base}{r.pk}/">{nama}</a></td><td>{r.tahun} v{r.versi}</td>'
                f"<td>{status.get(r.status, escape(r.status))}</td></tr>"
            )
        return mark_safe("\n".join(out))  # noqa: S308 - every interpolated value is escaped above
    t = {
        k: escape(gettext(v))
        for k, v in {
            "diajukan": "diajukan",
            "terlambat": "terlambat",
            "catatan": "Catatan (wajib bila dikembalikan)",
            "label": "Catatan",
            "setujui": "Setujui",
            "kembalikan": "Kembalikan",
        }.items()
    }
    csrf = escape(str(context.get("csrf_token", "")))
    request = context.get("request")
    nxt = escape(request.get_full_path() if request is not None else "")  # back to the inbox afterwards
    for r in rows:
        nama = escape(nama_dengan_gelar(r.gelar_depan, r.nama, r.gelar_belakang))
        waktu = (
            escape(date_format(timezone.localtime(r.diajukan_pada), "j M Y H:i")) if r.diajukan_pada else ""
        )
        telat = f' · <span class="text-danger">{t["terlambat"]}</span>' if r.terlambat else ""
        out.append(
            '<div class="list-group-item"><div class="d-flex flex-wrap justify-content-between gap-2 '
            f'align-items-start"><div><a href="{base}{r.pk}/" class="fw-semibold">{nama}</a>'
            f'<div class="small text-body-secondary">{escape(r.jabatan or "—")} · SKP {r.tahun} v{r.versi}'
            f" · {t['diajukan']} {waktu}{telat}</div></div>"
            f'<form method="post" action="{base}{r.pk}/aksi/" '
            'class="d-flex flex-wrap gap-2 align-items-start">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
            f'<input type="hidden" name="next" value="{nxt}">'
            f'<textarea name="catatan" rows="1" class="form-control form-control-sm" '
            f'placeholder="{t["catatan"]}" aria-label="{t["label"]}"></textarea>'
            f'<button class="btn btn-sm btn-success" name="aksi" value="setujui">{t["setujui"]}</button>'
            f'<button class="btn btn-sm btn-outline-danger" name="aksi" value="kembalikan">{t["kembalikan"]}'
            "</button></form></div></div>"
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every interpolated value is escaped above
