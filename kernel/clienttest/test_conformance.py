"""The official Jupyter kernel conformance suite (Debian's python3-jupyter-kernel-test)
run against ratelab, with Go samples for every feature the suite covers.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_conformance.py

Every test of the suite runs; test_pager pages a Go name's documentation with
IPython's `name?` (a line no Go code can end with).
"""

import jupyter_kernel_test

from kernelenv import KernelEnv


class RatelabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "ratelab"
    language_name = "go"
    file_extension = ".go"

    @classmethod
    def setUpClass(cls):
        cls.env = KernelEnv().enter()
        try:
            super().setUpClass()
        except BaseException:
            cls.env.exit()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            cls.env.exit()

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'
    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "oops")'

    # Matches are the member names after the dot, replacing the typed prefix.
    completion_samples = [
        {"text": "import \"strings\"\nstrings.HasPre", "matches": {"HasPrefix"}},
        {"text": "import \"strings\"\nstrings.TrimSpac", "matches": {"TrimSpace"}},
    ]
    complete_code_samples = ["x := 1", 'fmt.Println("done")', "func f() int { return 1 }"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "x := []int{\n1,"]
    invalid_code_samples = ["x := )", "}"]

    code_generate_error = "undefinedName + 1"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "6 * 7", "result": "42"},
        {"code": '"go" + "lang"', "result": '"golang"'},
    ]
    code_display_data = [
        {"code": 'import "display"\ndisplay.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'import "display"\ndisplay.Markdown("*rate*")', "mime": "text/markdown"},
    ]

    # Matches "1 + 2" only, among the samples above.
    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = 'import "strings"\nstrings.ToUpper'

    code_clear_output = 'import "display"\ndisplay.Clear(false)'

    code_page_something = 'import "strings"\nstrings.ToUpper?'
