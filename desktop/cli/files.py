"""Headless commands that read or write foreign files: PDF, xlsx, report text, fonts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import export_target, insert_all, open_from_args, selected_ids


def cmd_fonts(args: argparse.Namespace) -> int:
    """`fonts`: which font file serves which role."""
    from desktop.exchange.fonts import describe

    for line in describe():
        print(line)
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """`export-pdf`: one report, or a 合订本 for --unit/--year."""
    from desktop.exchange.pdf.batch import write_batch_pdf
    from desktop.exchange.pdf.document import write_report_pdf
    from desktop.model.forms import load_form
    from desktop.model.vocabulary import binder_title
    from desktop.store import repo
    from desktop.store.revisions import latest_fingerprint

    store = open_from_args(args)
    out = export_target(store, args)
    ids = selected_ids(store, args)
    projects = repo.load_projects(store, ids)
    fingerprints: dict[int | None, str] = {}
    for p in projects:
        fp = latest_fingerprint(store, p.id) if p.id is not None else None
        if fp:
            fingerprints[p.id] = fp
    if args.project_id is not None:
        write_report_pdf(
            projects[0],
            load_form(projects[0].form),
            out,
            fingerprint=fingerprints.get(projects[0].id),
            sealed=not args.no_seal,
        )
    else:
        write_batch_pdf(
            projects,
            out,
            title=binder_title(args.unit or "", args.year or "", (p.form for p in projects)),
            fingerprints=fingerprints,
            sealed=not args.no_seal,
        )
    print(f"已导出 {out}")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    """`export-xlsx`: the 自评表 of one project, or a 汇总 workbook."""
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.store import repo
    from desktop.store.audit import findings_with_siblings

    store = open_from_args(args)
    out = export_target(store, args)
    projects = repo.load_projects(store, selected_ids(store, args))
    findings = findings_with_siblings(store, projects)
    write_workbook(projects, out, findings, audit=not args.no_audit)
    print(f"已导出 {args.out}")
    return 0


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    """`import-xlsx`."""
    from desktop.exchange.xlsx.importer import read_workbook

    projects = read_workbook(Path(args.file))
    return insert_all(open_from_args(args, write=True), projects, args.replace)


def cmd_import_text(args: argparse.Namespace) -> int:
    """`import-text` / `import-docx`: report text into projects, with the import report."""
    from desktop.exchange.text.files import import_file

    result = import_file(Path(args.file), unit=args.unit, year=args.year)
    for line in result.report:
        sys.stderr.write(line + "\n")
    return insert_all(open_from_args(args, write=True), result.projects, replace=args.replace)
