"""An independent PDF/UA-1 audit of a handout with pikepdf (no tests here; used by test_pdf_ua.py).

It does not share code with plainsum.document_formats.pdfua, so a mistake in the repair is not repeated in
the check. What it looks for (ISO 14289-1 and the Matterhorn Protocol's failure conditions):
- 7.1: every painting operator inside a marked-content sequence; every sequence with an MCID
  referenced from the ParentTree by an element that is reachable from the structure tree root;
  every other sequence an /Artifact;
- 7.1: the tree's shape: one Document root; headings (one H1, no skipped level); lists as
  L > LI > (Lbl, LBody); tables as Table > (Caption, THead, TBody, TFoot) > TR > (TH, TD), with
  header cells, each TH with a Scope (/Row, /Column or /Both) in an attribute object owned by
  /Table (7.5; Matterhorn 15-003); Figures with /Alt; Links that own their link annotation (7.18.5) and annotations
  with /Contents;
- 7.2: /Lang in the catalog; 7.1: the title in the metadata, shown as the window title.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pikepdf

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "INLINE IMAGE"}
HEADINGS = {f"/H{level}": level for level in range(1, 7)}


def _numbers(node: Any) -> dict[int, Any]:
    found: dict[int, Any] = {}
    if "/Nums" in node:
        for index in range(0, len(node.Nums) - 1, 2):
            found[int(node.Nums[index])] = node.Nums[index + 1]
    for kid in node.get("/Kids", []):
        found.update(_numbers(kid))
    return found


def _kids(element: Any) -> list[Any]:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _elements(element: Any) -> list[Any]:
    return [kid for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


class Audit:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.tags: list[str] = []  # every structure type, in reading order
        self.headings: list[int] = []
        self.alt_texts: list[str] = []
        self.links = 0
        self.header_scopes: list[tuple[str, str]] = []  # each TH: ("head" or "body", its Scope or "")
        self.pages_text_sequences: list[int] = []

    def problem(self, text: str) -> None:
        self.problems.append(f"{self.path}: {text}")


def audit(path: Path) -> Audit:
    result = Audit(path)
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if "/Lang" not in root:
            result.problem("no /Lang in the catalog")
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            result.problem("not marked (/MarkInfo /Marked true)")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            result.problem("the title is not shown as the window title")
        with pdf.open_metadata() as xmp:
            if not xmp.get("dc:title"):
                result.problem("no dc:title in the XMP metadata")
            if xmp.get("pdfuaid:part") != "1":
                result.problem("no pdfuaid:part 1 in the XMP metadata")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            result.problem("no structure tree")
            return result
        reachable: dict[tuple[int, int], Any] = {}
        top = list(tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K])
        if len(top) != 1 or str(top[0].get("/S")) != "/Document":
            result.problem(f"the tree root holds {[str(t.get('/S')) for t in top]}, not one /Document")
        _walk_tree(top, reachable, result)
        parents = _numbers(tree.ParentTree)
        annotations_owned: set[tuple[int, int]] = set()
        for element in reachable.values():
            for kid in _kids(element):
                if isinstance(kid, pikepdf.Dictionary) and str(kid.get("/Type")) == "/OBJR":
                    annotations_owned.add(kid.Obj.objgen)
        for number, page in enumerate(pdf.pages, 1):
            key = page.obj.get("/StructParents")
            elements = parents.get(int(key)) if key is not None else None
            _audit_page(page, number, elements, reachable, result)
            for annotation in page.obj.get("/Annots", []):
                if str(annotation.get("/Subtype")) == "/Link":
                    if annotation.objgen not in annotations_owned:
                        result.problem(f"page {number}: a link annotation that no /Link element owns")
                    if not str(annotation.get("/Contents", "")).strip():
                        result.problem(f"page {number}: a link annotation without /Contents")
    headings = result.headings
    if headings.count(1) != 1:
        result.problem(f"{headings.count(1)} H1 headings, not one")
    for before, after in itertools.pairwise(headings):
        if after > before + 1:
            result.problem(f"heading level skips from H{before} to H{after}")
    return result


def _scope(element: Any) -> str:
    """The Scope of a table cell, from its attribute objects owned by /Table; "" when it has none."""
    attributes = element.get("/A")
    owned = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes] if attributes is not None else []
    for candidate in owned:
        if isinstance(candidate, pikepdf.Dictionary) and str(candidate.get("/O")) == "/Table" and "/Scope" in candidate:
            return str(candidate.Scope)
    return ""


def _walk_tree(elements: list[Any], reachable: dict[tuple[int, int], Any], result: Audit, in_head: bool = False) -> None:
    for element in elements:
        if element.objgen in reachable:
            result.problem("a structure element appears twice in the tree")
            continue
        reachable[element.objgen] = element
        kind = str(element.S)
        result.tags.append(kind)
        children = [str(kid.S) for kid in _elements(element)]
        if kind in HEADINGS:
            result.headings.append(HEADINGS[kind])
        elif kind == "/L":
            if not children or any(child != "/LI" for child in children):
                result.problem(f"a list holds {children}, not only LI")
        elif kind == "/LI":
            if not set(children) <= {"/Lbl", "/LBody"} or "/LBody" not in children:
                result.problem(f"a list item holds {children}, not Lbl and LBody")
        elif kind == "/Table":
            if not children or not set(children) <= {"/Caption", "/THead", "/TBody", "/TFoot", "/TR"}:
                result.problem(f"a table holds {children}")
            if "/TH" not in _descendant_types(element):
                result.problem("a table without header cells")
        elif kind in ("/THead", "/TBody", "/TFoot"):
            if any(child != "/TR" for child in children):
                result.problem(f"a table section holds {children}, not only TR")
        elif kind == "/TR":
            if not children or any(child not in ("/TH", "/TD") for child in children):
                result.problem(f"a table row holds {children}")
        elif kind == "/TH":
            scope = _scope(element)
            result.header_scopes.append(("head" if in_head else "body", scope))
            if scope not in ("/Row", "/Column", "/Both"):
                result.problem(f"a header cell (TH) without a Scope of /Row, /Column or /Both (it has {scope or 'none'})")
        elif kind == "/Figure":
            alt = str(element.get("/Alt", "")).strip()
            if not alt:
                result.problem("a Figure without /Alt")
            result.alt_texts.append(alt)
        elif kind == "/Link":
            result.links += 1
            if not any(isinstance(kid, pikepdf.Dictionary) and str(kid.get("/Type")) == "/OBJR" for kid in _kids(element)):
                result.problem("a Link element without its annotation (OBJR)")
        _walk_tree(_elements(element), reachable, result, in_head or kind == "/THead")


def _descendant_types(element: Any) -> set[str]:
    found: set[str] = set()
    for kid in _elements(element):
        found.add(str(kid.S))
        found |= _descendant_types(kid)
    return found


def _audit_page(page: Any, number: int, elements: Any, reachable: dict[tuple[int, int], Any], result: Audit) -> None:
    stack: list[str] = []  # open sequences: "artifact", "tagged" or "orphan"
    tagged = 0
    for instruction in pikepdf.parse_content_stream(page):
        operator = str(instruction.operator)
        operands = instruction.operands
        if operator in ("BDC", "BMC"):
            tag = str(operands[0])
            properties = operands[1] if len(operands) > 1 else None
            mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties else None
            if tag == "/Artifact" or (stack and stack[-1] == "artifact"):
                stack.append("artifact")
            elif mcid is None:
                stack.append("tagged" if stack and stack[-1] == "tagged" else "orphan")
                if stack[-1] == "orphan":
                    result.problem(f"page {number}: a {tag} sequence with no MCID that is not an artifact")
            else:
                element = elements[mcid] if isinstance(elements, pikepdf.Array) and mcid < len(elements) else None
                if not isinstance(element, pikepdf.Dictionary) or element.objgen not in reachable:
                    result.problem(f"page {number}: MCID {mcid} ({tag}) is not in the structure tree and not an artifact")
                    stack.append("orphan")
                else:
                    stack.append("tagged")
                    tagged += 1
        elif operator == "EMC":
            if not stack:
                result.problem(f"page {number}: EMC without a sequence")
            else:
                stack.pop()
        elif operator in PAINTING and not stack:
            result.problem(f"page {number}: {operator} paints outside any marked content")
    if stack:
        result.problem(f"page {number}: {len(stack)} marked-content sequences left open")
    result.pages_text_sequences.append(tagged)
