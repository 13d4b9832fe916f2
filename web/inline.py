"""Writes the single-file build: index.html with the JS glue and the wasm (base64) inlined.

python3 web/inline.py INDEX_HTML DECODED_JS DECODED_BG_WASM ICON_PNG OUT_HTML

The file opens from file:// by double-click: no fetch, no service worker, no manifest.
"""
import base64
import re
import sys

index, glue, wasm, icon, out = sys.argv[1:6]
html = open(index, encoding="utf-8").read()
js = open(glue, encoding="utf-8").read()
# The glue is an ES module; inline, its default export is just a function to call.
js = re.sub(r"^export \{[^}]*\};?[ \t]*$", "", js, flags=re.M)
js = re.sub(r"^export default [\w$]+;?[ \t]*$", "", js, flags=re.M)
js = re.sub(r"^export ", "", js, flags=re.M)
assert "__wbg_init" in js, "the wasm-bindgen glue has no __wbg_init"
b64 = base64.b64encode(open(wasm, "rb").read()).decode("ascii")
icon64 = base64.b64encode(open(icon, "rb").read()).decode("ascii")
app = f"""<script type="module">
{js}
if (!window.decodedNoWebGL && !window.decodedNoWasmSimd) {{
  const b64 = document.getElementById("decoded_wasm").textContent;
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  __wbg_init({{ module_or_path: bytes }}).catch(function (e) {{
    document.getElementById("decoded_error").textContent = "The app failed to load: " + e;
    document.documentElement.setAttribute("data-failed", "1");
  }});
}}
</script>
<script id="decoded_wasm" type="application/octet-stream">{b64}</script>"""
html, n = re.subn(r"<!--APP-->.*?<!--/APP-->", lambda _: app, html, flags=re.S)
assert n == 1, "index.html has no <!--APP--> block"
head = f'<link rel="icon" type="image/png" href="data:image/png;base64,{icon64}">'
html, n = re.subn(r"<!--MANIFEST-->.*?<!--/MANIFEST-->", lambda _: head, html, flags=re.S)
assert n == 1, "index.html has no <!--MANIFEST--> block"
open(out, "w", encoding="utf-8").write(html)
