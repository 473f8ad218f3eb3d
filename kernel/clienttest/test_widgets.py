"""The widget protocol over comms, through Debian's jupyter_client acting as the widget
front end the classic notebook has here (jupyter-js-widgets 2.1.4): it opens the
version comm and answers it, then drives widgets the way that front end does. The
states the kernel sends are checked against the ones Debian's ipywidgets 6.0.0 (the
Python kernel side of that protocol) builds for the same widgets.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_widgets.py
"""

import json
import uuid

import pytest
from jupyter_client.manager import start_new_kernel

from kernelenv import KernelEnv

TIMEOUT = 30


@pytest.fixture(scope="module")
def kc():
    with KernelEnv():
        km, kc = start_new_kernel(kernel_name="ratelab", startup_timeout=30)
        try:
            yield kc
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def iopub_until_idle(kc, parent_id):
    """The iopub messages that are children of parent_id, up to its idle status."""
    msgs = []
    while True:
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") != parent_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return msgs
        if m["msg_type"] != "status":
            msgs.append(m)


def run(kc, code):
    msg_id = kc.execute(code)
    msgs = iopub_until_idle(kc, msg_id)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok", reply["content"]
    return msgs


def comm_send(kc, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return iopub_until_idle(kc, msg["header"]["msg_id"])


def ipywidgets_state(widget):
    """What ipywidgets 6.0.0 sends for widget, less the layout and style models it
    links (optional in jupyter-js-widgets 2.1: ratelab sends none)."""
    st = json.loads(json.dumps(widget.get_state()))  # as it travels: tuples become lists
    st.pop("layout", None)
    st.pop("style", None)
    return st


def test_widgets_static_without_a_widget_front_end(kc):
    # No front end has answered the version check: a console, nbclient.
    msgs = run(kc, 'import "display"\ndisplay.Show(display.NewSlider("non-response", 0, 0.9, 0.05, 0.5))')
    data = [m["content"]["data"] for m in msgs if m["msg_type"] == "display_data"]
    assert len(data) == 1 and 'type="range"' in data[0]["text/html"], msgs
    assert data[0]["text/plain"] == 'Slider("non-response", 0.5 in [0, 0.9])'
    assert not [m for m in msgs if m["msg_type"].startswith("comm_")], "comm messages sent to a front end without widgets"


def test_widget_protocol(kc):
    import ipywidgets

    # The front end's version check (jupyter-js-widgets' validateVersion).
    version_id = uuid.uuid4().hex
    msgs = comm_send(kc, "comm_open", {"comm_id": version_id, "target_name": "jupyter.widget.version", "data": {}})
    assert [(m["msg_type"], m["content"]["data"]) for m in msgs] == [("comm_msg", {"version": ipywidgets.__frontend_version__})]
    comm_send(kc, "comm_msg", {"comm_id": version_id, "data": {"validated": True, "frontend_version": "2.1.4"}})

    msgs = run(kc, """import "fmt"
out := display.New()
nr := display.NewSlider("non-response", 0, 0.9, 0.05, 0.5)
size := display.NewIntSlider("poll size", 100, 10000, 100, 1000)
platform := display.NewDropdown("platform", []string{"Windows", "Mac", "Linux"}, "Mac")
show := display.NewToggleButtons("show", []string{"rate", "count"}, "rate")
low := display.NewCheckbox("mark low exposure", true)
nr.OnChange(func(v float64) { out.Update(fmt.Sprintf("non-response %.2f", v)) })
platform.OnChange(func(p string) { fmt.Println("platform", p) })
low.OnChange(func(bool) { panic("boom") })
display.Show(display.NewVBox(display.NewHBox(nr, size), platform, show, low))
out.Show("non-response 0.50")
""")
    opens = {m["content"]["comm_id"]: m["content"] for m in msgs if m["msg_type"] == "comm_open"}
    assert {c["target_name"] for c in opens.values()} == {"jupyter.widget"}
    by_model = {c["data"]["_model_name"]: (cid, c["data"]) for cid, c in opens.items()}
    reference = {
        "FloatSliderModel": ipywidgets.FloatSlider(value=0.5, min=0, max=0.9, step=0.05, description="non-response", continuous_update=False),
        "IntSliderModel": ipywidgets.IntSlider(value=1000, min=100, max=10000, step=100, description="poll size", continuous_update=False),
        "DropdownModel": ipywidgets.Dropdown(options=["Windows", "Mac", "Linux"], value="Mac", description="platform"),
        "ToggleButtonsModel": ipywidgets.ToggleButtons(options=["rate", "count"], value="rate", description="show"),
        "CheckboxModel": ipywidgets.Checkbox(value=True, description="mark low exposure"),
    }
    for model, w in reference.items():
        assert model in by_model, f"no comm_open for {model}: {list(by_model)}"
        assert by_model[model][1] == ipywidgets_state(w), model
    # Children open before the boxes that refer to them.
    order = [m["content"]["data"]["_model_name"] for m in msgs if m["msg_type"] == "comm_open"]
    assert order.index("HBoxModel") > order.index("IntSliderModel") and order[-1] == "VBoxModel", order
    vbox_id, vbox = by_model["VBoxModel"]
    hbox_id, _ = by_model["HBoxModel"]
    assert vbox["children"][0] == "IPY_MODEL_" + hbox_id
    # The outermost box is displayed: the "display" method and the view's MIME type.
    displays = [m["content"]["comm_id"] for m in msgs if m["msg_type"] == "comm_msg" and m["content"]["data"] == {"method": "display"}]
    assert displays == [vbox_id]
    views = [m["content"]["data"] for m in msgs if m["msg_type"] == "display_data" and "application/vnd.jupyter.widget-view+json" in m["content"]["data"]]
    assert views == [{"application/vnd.jupyter.widget-view+json": {"model_id": vbox_id}}]
    out_id = [m["content"]["transient"]["display_id"] for m in msgs if m["msg_type"] == "display_data" and "text/plain" in m["content"]["data"]][0]

    # comm_info lists the widgets (a reloaded page restores them from it).
    kc.shell_channel.send(kc.session.msg("comm_info_request", {"target_name": "jupyter.widget"}))
    info = kc.get_shell_msg(timeout=TIMEOUT)["content"]["comms"]
    assert set(opens) <= set(info) and all(v == {"target_name": "jupyter.widget"} for v in info.values())

    # The user moves the slider: OnChange runs in the session and updates the output in place.
    slider_id = by_model["FloatSliderModel"][0]
    msgs = comm_send(kc, "comm_msg", {"comm_id": slider_id, "data": {"method": "backbone", "sync_data": {"value": 0.35}}})
    updates = [m["content"] for m in msgs if m["msg_type"] == "update_display_data"]
    assert [(u["transient"]["display_id"], u["data"]["text/plain"]) for u in updates] == [(out_id, '"non-response 0.35"')]
    msgs = run(kc, "nr.Value()")
    assert [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result"] == ["0.35"]

    # A choice prints from its OnChange: the text goes to the widget's cell.
    msgs = comm_send(kc, "comm_msg", {"comm_id": by_model["DropdownModel"][0], "data": {"method": "backbone", "sync_data": {"value": "Linux"}}})
    assert [m["content"]["text"] for m in msgs if m["msg_type"] == "stream"] == ["platform Linux\n"]

    # A panic in OnChange is the user's error, shown where the widget is.
    msgs = comm_send(kc, "comm_msg", {"comm_id": by_model["CheckboxModel"][0], "data": {"method": "backbone", "sync_data": {"value": False}}})
    errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
    assert len(errors) == 1 and "panic: boom" in errors[0]["evalue"], msgs

    # A reloaded page asks for the state.
    msgs = comm_send(kc, "comm_msg", {"comm_id": slider_id, "data": {"method": "request_state"}})
    assert msgs[0]["content"]["data"]["method"] == "update" and msgs[0]["content"]["data"]["state"]["value"] == 0.35

    # Go changes a value: the front end is told, OnChange runs.
    msgs = run(kc, "nr.SetValue(0.8)")
    assert {"method": "update", "state": {"value": 0.8}} in [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg"]
    assert any(m["msg_type"] == "update_display_data" for m in msgs)

    # An unknown target is refused by closing the comm; a closed widget leaves comm_info.
    msgs = comm_send(kc, "comm_open", {"comm_id": "x1", "target_name": "nope", "data": {}})
    assert [(m["msg_type"], m["content"]["comm_id"]) for m in msgs] == [("comm_close", "x1")]
    comm_send(kc, "comm_close", {"comm_id": slider_id, "data": {}})
    kc.shell_channel.send(kc.session.msg("comm_info_request", {}))
    assert slider_id not in kc.get_shell_msg(timeout=TIMEOUT)["content"]["comms"]
