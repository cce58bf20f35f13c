"""TSV as Excel and WPS put it on the clipboard: tabs, CRLF rows, quoted cells with newlines."""

from __future__ import annotations

_SPECIAL = ("\t", "\n", "\r", '"')


def quote_cell(text: str) -> str:
    """Quote a cell the way Excel does when it holds a tab, newline or quote."""
    if any(ch in text for ch in _SPECIAL):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_tsv(rows: list[list[str]]) -> str:
    """Rows of cells → clipboard text (CRLF line ends, trailing CRLF like Excel)."""
    return "".join("\t".join(quote_cell(c) for c in row) + "\r\n" for row in rows)


def parse_tsv(text: str) -> list[list[str]]:
    """Clipboard text → rows of cells; quoted cells may hold tabs, newlines and "" quotes."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # A quoted cell runs to the next quote not doubled.
            j = i + 1
            buf: list[str] = []
            closed = False
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        buf.append('"')
                        j += 2
                        continue
                    closed = True
                    j += 1
                    break
                buf.append(text[j])
                j += 1
            if closed and (j >= n or text[j] in "\t\r\n"):
                cell.extend(buf)
                i = j
                at_cell_start = False
                continue
            # Not a well-formed quoted cell: the quote is plain text.
            cell.append(ch)
            i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows
