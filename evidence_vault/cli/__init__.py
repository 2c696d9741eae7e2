"""The `evidence-vault` command: a thin shell over the domain, one module per area.

`admin` (setting up and looking after a vault), `organisations`, `accounts` (users),
`pipeline` (importing and reading documents), `search`, `audit` and `serve`. A command's
module is imported only when the command runs (`lazy`), so `--help` and a quick command
start in a fraction of a second: `COMMANDS` says where each command lives and carries the
first paragraph of its help for `--help`. Every command honours `--config` and the
EVIDENCE_VAULT_* environment, so scripts and tests can point it at a throwaway storage
folder. `docs/cli.md` is generated from the commands' own help (`scripts/cli_reference.py`).
"""

from __future__ import annotations

import click

from .lazy import LazyCommand, LazyGroup

AREAS = ["admin", "organisations", "accounts", "pipeline", "search", "audit", "serve"]
COMMANDS = {
    # admin
    "init": LazyCommand("admin:init",
                        "Membuat atau memperbarui basis data, dan membuat akun admin pertama bila belum ada."),
    "backup": LazyCommand("admin:backup_command", "Menulis arsip cadangan yang konsisten (basis data, berkas, "
                          "pengaturan tanpa rahasia) selagi aplikasi berjalan."),
    "restore": LazyCommand("admin:restore_command", "Memulihkan cadangan ke vault kosong (folder penyimpanan baru), "
                           "dengan memeriksa setiap berkas."),
    "demo": LazyCommand("admin:demo_command",
                        "Memuat organisasi demo dengan dokumen contoh, lalu mencetak akun masuknya."),
    "frameworks": LazyCommand("admin:frameworks",
                              "Kerangka penilaian: tanpa sub-perintah, daftar kerangka yang tersedia."),
    # organisations
    "org": LazyCommand("organisations:org", "Organisasi (instansi pemerintah) di vault ini."),
    # accounts
    "user": LazyCommand("accounts:user", "Akun pengguna."),
    "token": LazyCommand("accounts:token", "Token API pribadi: membuat, melihat, mencabut."),
    # pipeline
    "ingest": LazyCommand("pipeline:ingest_command",
                          "Mengimpor berkas dan folder dengan semua inti CPU, termasuk OCR."),
    "inspect": LazyCommand("pipeline:inspect_command",
                           "Membaca satu berkas tanpa menyimpannya; kode keluar 1 bila tidak terbaca."),
    "ocr": LazyCommand("pipeline:ocr_command", "Membaca halaman pindaian yang masih menunggu OCR (Tesseract belum "
                       "ada, OCR mati, worker berhenti)."),
    "worker": LazyCommand("pipeline:worker_command", "Menjalankan antrean latar belakang: membaca unggahan web dan "
                          "OCR pindaian (`serve` menjalankannya)."),
    "retag": LazyCommand("pipeline:retag", "Membaca ulang metadata hukum dan saran indikator semua dokumen; tautan "
                         "yang sudah diputuskan orang tetap."),
    "legal": LazyCommand("pipeline:legal", "Metadata hukum: membacanya ulang, dan umpan JDIHN."),
    # search
    "search": LazyCommand("search:search_command", "Pencarian teks lengkap berbahasa Indonesia (imbuhan, frasa, "
                          "sitasi seperti 'Perbup 12/2023')."),
    "reindex": LazyCommand("search:reindex_command", "Membangun ulang indeks pencarian dari basis data (pencarian "
                           "tetap berjalan selama itu)."),
    "check": LazyCommand("search:check_command", "Membandingkan indeks pencarian dan berkas tersimpan dengan basis "
                         "data (misalnya setelah crash)."),
    # audit
    "period": LazyCommand("audit:period", "Periode penilaian (kerangka mana, tahun berapa)."),
    "audit": LazyCommand("audit:audit_command", "Audit pra-penilaian: tingkat yang didukung per indikator, temuan, "
                         "dan perkiraan indeks."),
    # serve
    "serve": LazyCommand("serve:serve", "Menjalankan aplikasi web (waitress, atau gunicorn dengan --workers N; server "
                                        "yang layak produksi)."),
}


@click.group(cls=LazyGroup, lazy_commands=COMMANDS,
             help="Evidence Vault: data dukung SPBE / Pemerintah Digital yang tertata dan sah.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="EVIDENCE_VAULT_CONFIG",
              help="Berkas TOML berisi pengaturan yang menggantikan bawaan (lihat docs/configuration.md).")
@click.version_option(package_name="evidence-vault", message="%(prog)s %(version)s")
@click.pass_context
def main(context: click.Context, config_path: str | None) -> None:
    from .runtime import Runtime  # here, not above: `--help` and `--version` need no settings or database

    context.obj = Runtime(config_path)
    context.call_on_close(context.obj.close)
