"""PDF/UA-1 repairs to WeasyPrint's tagged output, made with pikepdf after WeasyPrint writes it.

WeasyPrint 70 tags the page's content, but the content of page margin boxes ("Page N of M",
the running DRAFT mark) comes out as marked-content sequences with an MCID whose structure
element is in the ParentTree and nowhere in the structure tree. Such content is neither real
content nor an artifact, which fails ISO 14289-1 (PDF/UA-1) 7.1, and a screen reader may read
the footer in the middle of the text. Upstream: https://github.com/Kozea/WeasyPrint/issues/1836
(open: marking margin content as artifacts is "not possible easily in WeasyPrint").

`mark_furniture_as_artifacts` turns each such sequence into an `/Artifact` sequence of type
Pagination, drops the orphan elements from the ParentTree, and wraps any painting that WeasyPrint
left outside every marked-content sequence in an artifact too (7.1-3: "content shall be marked
as Artifact or tagged as real content"). Tagged content is left exactly as WeasyPrint made it.

`add_header_scopes` gives every table header cell (TH) the Scope attribute that ISO 14289-1 7.5
and the Matterhorn Protocol (15-003) ask for: `/A << /O /Table /Scope /Column >>`, or `/Row` for
a row header. WeasyPrint 70 links cells to headers with /ID and /Headers but writes no Scope
(upstream: https://github.com/Kozea/WeasyPrint/issues/2508, open), and checkers such as PAC
report every header cell without it. A header is a row header when a data cell of its own row
names it in /Headers (WeasyPrint puts there the headers marked `scope="row"` in the HTML); without
/Headers to go by, a TH outside THead that shares its row with data cells is one too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pikepdf

# Operators that put marks on the page (ISO 32000-1, tables 59, 60, 87, 92): text showing, path
# painting (not `n`, which only ends a clipping path), XObjects, shadings and inline images.
PAINTING = frozenset({"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "INLINE IMAGE"})
PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)


def number_tree(node: Any) -> dict[int, Any]:
    """The entries of a PDF number tree (the ParentTree), by key."""
    entries: dict[int, Any] = {}
    if "/Nums" in node:
        pairs = node.Nums
        for index in range(0, len(pairs) - 1, 2):
            entries[int(pairs[index])] = pairs[index + 1]
    for kid in node.get("/Kids", []):
        entries.update(number_tree(kid))
    return entries


def reachable_elements(tree_root: Any) -> set[tuple[int, int]]:
    """The object ids of every structure element reachable from the StructTreeRoot's /K."""
    seen: set[tuple[int, int]] = set()
    pending = [tree_root.get("/K")]
    while pending:
        node = pending.pop()
        if isinstance(node, pikepdf.Array):
            pending.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            pending.append(node.get("/K"))
    return seen


def _mcid(operands: Any) -> int | None:
    if len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
        return int(operands[1].MCID)
    return None


def _repair_stream(instructions: list[Any], orphans: set[int]) -> tuple[list[Any], bool]:
    """The page's instructions with orphan sequences made artifacts and loose painting wrapped."""
    repaired: list[Any] = []
    changed = False
    depth = 0  # marked-content nesting
    in_text = False  # inside BT ... ET, where a sequence that starts must also end
    wrapping = False  # inside an /Artifact sequence this repair opened around loose painting
    for instruction in instructions:
        operands, operator = instruction.operands, str(instruction.operator)
        starts_sequence = operator in ("BDC", "BMC")
        if wrapping and (starts_sequence or operator in ("Q", "BT", "ET") or depth > 0):
            repaired.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            wrapping = False
        if starts_sequence:
            depth += 1
            mcid = _mcid(operands)
            if mcid is not None and mcid in orphans:
                instruction = pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact, PAGINATION], pikepdf.Operator("BDC"))
                changed = True
        elif operator == "EMC":
            depth -= 1
        elif operator == "BT":
            in_text = True
        elif operator == "ET":
            in_text = False
        elif operator in PAINTING and depth == 0 and not wrapping:
            repaired.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            wrapping = changed = True
        repaired.append(instruction)
        if wrapping and not in_text and operator in PAINTING:
            # close right after the painting, so no q/Q or BT/ET pair straddles the sequence
            repaired.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            wrapping = False
    if wrapping:
        repaired.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
    return repaired, changed


def _table_attributes(element: Any) -> Any:
    """The element's attribute object owned by /Table, made if it has none."""
    attributes = element.get("/A")
    candidates = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes] if attributes is not None else []
    for candidate in candidates:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == pikepdf.Name.Table:
            return candidate
    table = pikepdf.Dictionary(O=pikepdf.Name.Table)
    if attributes is None:
        element.A = table
    elif isinstance(attributes, pikepdf.Array):
        attributes.append(table)
    else:
        element.A = pikepdf.Array([attributes, table])
    return table


def _cells(element: Any) -> list[Any]:
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") in (pikepdf.Name.TH, pikepdf.Name.TD)]


def _rows(element: Any, in_head: bool, seen: set[tuple[int, int]]) -> Iterator[tuple[Any, bool]]:
    """Every TR below `element`, with whether it is inside a THead."""
    if element.objgen in seen and element.objgen != (0, 0):
        return
    seen.add(element.objgen)
    kind = element.get("/S")
    if kind == pikepdf.Name.TR:
        yield element, in_head
    kids = element.get("/K")
    for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from _rows(kid, in_head or kind == pikepdf.Name.THead, seen)


def add_header_scopes(pdf: pikepdf.Pdf) -> bool:
    """Give each TH without a Scope one (see the module doc); whether any was added."""
    tree_root = pdf.Root.get("/StructTreeRoot")
    if tree_root is None or "/K" not in tree_root:
        return False
    top = tree_root.K
    changed = False
    seen: set[tuple[int, int]] = set()
    for kid in list(top) if isinstance(top, pikepdf.Array) else [top]:
        if not isinstance(kid, pikepdf.Dictionary):
            continue
        for row, in_head in _rows(kid, False, seen):
            cells = _cells(row)
            data = [cell for cell in cells if cell.get("/S") == pikepdf.Name.TD]
            named: set[bytes] = set()
            for cell in data:
                headers = _table_attributes_get(cell, "/Headers")
                if isinstance(headers, pikepdf.Array):
                    named.update(bytes(header) for header in headers if isinstance(header, pikepdf.String))
            for cell in cells:
                if cell.get("/S") != pikepdf.Name.TH:
                    continue
                table = _table_attributes(cell)
                if "/Scope" in table:
                    continue
                identifier = cell.get("/ID")
                if isinstance(identifier, pikepdf.String) and any(_table_attributes_get(c, "/Headers") is not None for c in data):
                    row_header = bytes(identifier) in named
                else:
                    row_header = not in_head and bool(data)
                table.Scope = pikepdf.Name.Row if row_header else pikepdf.Name.Column
                changed = True
    return changed


def _table_attributes_get(element: Any, key: str) -> Any:
    attributes = element.get("/A")
    for candidate in list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes] if attributes is not None else []:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == pikepdf.Name.Table and key in candidate:
            return candidate.get(key)
    return None


def mark_furniture_as_artifacts(data: bytes) -> bytes:
    """The PDF with untagged marked content and loose painting marked as artifacts, and its table
    header cells given a Scope (see the module doc)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree_root = pdf.Root.get("/StructTreeRoot")
        if tree_root is None or "/ParentTree" not in tree_root:
            return data
        reachable = reachable_elements(tree_root)
        parents = number_tree(tree_root.ParentTree)
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            elements = parents.get(int(key)) if key is not None else None
            orphans: set[int] = set()
            if isinstance(elements, pikepdf.Array):
                for mcid, element in enumerate(elements):
                    if not isinstance(element, pikepdf.Dictionary) or element.objgen not in reachable:
                        orphans.add(mcid)
                        elements[mcid] = None
                while len(elements) and not isinstance(elements[len(elements) - 1], pikepdf.Dictionary):
                    del elements[len(elements) - 1]
            instructions, changed = _repair_stream(list(pikepdf.parse_content_stream(page)), orphans)
            if changed:
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        add_header_scopes(pdf)
        out = io.BytesIO()
        # deterministic_id: the same input gives the same bytes, so an unchanged handout is not rewritten
        pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
