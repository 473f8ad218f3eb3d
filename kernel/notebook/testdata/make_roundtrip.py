"""Writes roundtrip.ipynb with Debian's nbformat (5.5.0): the reference for the Go
writer's round trip. Run: cd kernel/notebook/testdata && /usr/bin/python3 make_roundtrip.py
"""
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

nb = new_notebook()
nb.metadata = {
    "kernelspec": {"name": "ratelab", "display_name": "Go (ratelab)", "language": "go"},
    "language_info": {"name": "go", "version": "go1.26.8"},
    "custom": {"ratio": 1.0, "tiny": 1e-7, "big": 12345678901234567890, "neg": -0.5,
               "flag": True, "none": None, "html": "<b>&</b>"},
}
nb.cells = [
    new_markdown_cell(
        "# Title é ✓\n\nLine with a\u2028line separator and <tags> & ampersands.\r\nCRLF line\n",
        id="md-1",
        attachments={"pic.png": {"image/png": "iVBORw0KGgo=", "text/plain": "a\nb"}}),
    new_code_cell(
        "x := 1\nfmt.Println(x)\n", id="code-1", execution_count=1,
        metadata={"tags": ["keep"], "collapsed": False,
                  "execution": {"iopub.status.busy": "2026-01-01T00:00:00Z"}},
        outputs=[
            new_output("stream", name="stdout", text="1\n2\n"),
            new_output("stream", name="stderr", text="warn\tno newline"),
            new_output("display_data", data={
                "text/plain": "<DataFrame>\nrow",
                "text/html": "<table>\n<tr><td>1</td></tr>\n</table>",
                "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
                "image/svg+xml": "<svg>\n<rect/>\n</svg>\n",
                "application/json": {"a": [1, 2.5, "x\ny"]},
                "application/vnd.custom+json": {"k": "v"},
            }, metadata={"image/png": {"width": 640, "height": 480}}),
            new_output("execute_result", data={"text/plain": "42"}, execution_count=1),
            new_output("error", ename="panic", evalue="boom \u001b[31mred\u001b[0m",
                       traceback=["line 1", "\u001b[0;31m--->\u001b[0m 2"]),
        ]),
    new_code_cell("", id="empty", execution_count=None),
    new_raw_cell("raw \\ backslash \"quoted\"", id="raw-1", metadata={"format": "text/plain"}),
]
nb["x_unknown_top"] = {"kept": [1, 2]}
nb.cells[1]["x_unknown_cell"] = "kept too"
nb.cells[1].outputs[0]["x_unknown_output"] = 3
nbformat.write(nb, "roundtrip.ipynb")
