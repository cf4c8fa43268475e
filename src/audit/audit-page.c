/* audit-page.c — see audit-page.h. */
#include "audit-page.h"

void
gk_html_escape (GString *out, const char *text)
{
  if (!text)
    return;
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *esc = g_markup_escape_text (valid, -1);
  g_string_append (out, esc);
}

/* No network, no plug-ins, no frames: images only as data: URIs, style
 * and script only inline (the page is one file by design). */
static const char csp[] =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
  "base-uri 'none'; form-action 'none'";

static const char css[] =
  ":root{--fail:#c62828;--failbg:#fde4e4;--warn:#9a6700;--warnbg:#fff4cc;--ok:#2e7d32;--line:#c9ccd1;"
  "--muted:#5f6368;--sel:#1a73e8}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;font:14px/1.45 'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Micro Hei',"
  "'Microsoft YaHei',sans-serif;color:#202124;display:grid;grid-template-columns:minmax(0,1fr) minmax(440px,36vw)}\n"
  "main{padding:16px 24px;min-width:0}body.single{display:block}\n"
  "#viewer{position:sticky;top:0;height:100vh;overflow:auto;border-left:1px solid var(--line);"
  "background:#f8f9fa;padding:14px 16px}\n"
  "#viewer .hint{color:var(--muted)}\n"
  "h1{font-size:22px;margin:0 0 12px}h2{font-size:19px;margin:28px 0 6px;padding-top:10px;border-top:3px solid #202124}"
  "h3{font-size:16px;margin:18px 0 6px}\n"
  "table{border-collapse:collapse;margin:6px 0 14px;font-variant-numeric:tabular-nums}\n"
  "th,td{border:1px solid var(--line);padding:3px 7px;vertical-align:top}\n"
  "th{background:#f1f3f4;font-weight:600;text-align:left}\n"
  "table.tpl th.row{font-weight:normal;max-width:26em}\n"
  "table.tpl th.col{text-align:center;font-size:12px}\n"
  "caption{text-align:left;font-weight:600;padding:4px 0}\n"
  "td.v{text-align:right;cursor:pointer;min-width:3.2em}\n"
  "td.v:hover{outline:2px solid var(--sel);outline-offset:-2px}\n"
  "td.v.null{color:var(--warn);background:var(--warnbg);font-style:italic}\n"
  "td.absent{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f1f3f4 4px,#f1f3f4 8px)}\n"
  "td.v.fail{background:var(--failbg);color:var(--fail);font-weight:700;box-shadow:inset 0 0 0 2px var(--fail)}\n"
  "td.v.suspect{box-shadow:inset 0 0 0 2px var(--warn)}\n"
  "td.v.focus{background:#ffd54f;color:#000}\n"
  "td.v.sel{outline:3px solid var(--sel);outline-offset:-3px}\n"
  "table.sortable th{cursor:pointer;user-select:none}\n"
  "table.sortable th[data-dir=asc]::after{content:' ▲'}table.sortable th[data-dir=desc]::after{content:' ▼'}\n"
  "td.num{text-align:right}td.bad{color:var(--fail);font-weight:700}\n"
  "td.cross-fail{box-shadow:inset 0 0 0 2px var(--fail);color:var(--fail);font-weight:700}"
  "td.cross-pass{box-shadow:inset 0 0 0 2px var(--ok)}\n"
  "dl.meta{display:flex;flex-wrap:wrap;gap:2px 18px;margin:4px 0 10px}dl.meta div{display:flex;gap:6px}"
  "dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-all}\n"
  "table.tpl{display:block;overflow-x:auto;max-width:100%}\n"
  "ol.findings{padding-left:22px}\n"
  "li.finding{margin:8px 0;padding:8px 10px;border-left:4px solid var(--fail);background:#fff7f7;cursor:pointer}\n"
  "li.finding.dismissed{border-left-color:var(--muted);background:#f5f5f5}\n"
  "li.finding.confirmed{border-left-color:#6a1b9a}\n"
  ".msg{font-size:15px;font-weight:600}\n"
  ".formula{font-family:monospace;font-size:12px;color:#3c4043;margin:2px 0}\n"
  ".formula b{color:var(--fail)}\n"
  ".cid{font-family:monospace;font-size:12px;color:var(--muted);margin-right:6px}\n"
  ".badge{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;margin-right:4px;color:#fff;"
  "background:var(--muted)}\n"
  ".st-fail .badge,.badge.st-fail{background:var(--fail)}.badge.st-pass{background:var(--ok)}"
  ".badge.st-skipped{background:var(--warn)}.badge.suspect{background:var(--warn)}\n"
  "table.ops{font-size:12px;margin:4px 0}table.ops td{padding:1px 6px}\n"
  "a[data-cell]{color:var(--sel);cursor:pointer;text-decoration:underline}\n"
  ".review{margin-top:4px;font-size:13px}.review.dismissed{color:var(--muted)}.review.confirmed{color:#6a1b9a}\n"
  "pre.src{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid var(--line);padding:6px;"
  "font-size:13px;margin:4px 0}\n"
  "pre.src .ln{color:var(--muted);display:inline-block;min-width:3.5em}\n"
  "pre.src .cur{background:#fff59d}\n"
  "pre.src mark{background:#ffab91}\n"
  "img.crop{max-width:100%;border:1px solid var(--line);background:#fff;display:block;margin:4px 0;cursor:zoom-in}\n"
  "img.crop.zoom{max-width:none;cursor:zoom-out}.v-ev{overflow-x:auto}\n"
  ".ev[hidden]{display:none}\n"
  ".prov{font-size:12px;color:var(--muted)}\n"
  "ul.v-checks{padding-left:18px}ul.v-checks li{margin:6px 0}\n"
  ".v-key{font-family:monospace;font-size:12px;color:var(--muted)}\n"
  ".v-value{font-size:20px;font-weight:700;margin:4px 0}\n"
  "details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}\n"
  ".changed{background:var(--warnbg);font-weight:700}\n"
  ".note{color:var(--muted)}\n"
  "@media (max-width:1000px){body{display:block}#viewer{position:static;height:auto;border:0}}\n";

static const char js[] =
  "(function(){'use strict';\n"
  "var viewer=document.getElementById('viewer');\n"
  "function clear(e){while(e.firstChild)e.removeChild(e.firstChild);}\n"
  "function add(p,tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;"
  "if(text!=null)e.textContent=text;p.appendChild(e);return e;}\n"
  "function select(cell){if(!viewer)return;\n"
  " document.querySelectorAll('td.v.sel').forEach(function(c){c.classList.remove('sel');});\n"
  " cell.classList.add('sel');var sec=cell.closest('section.report');clear(viewer);\n"
  " if(sec)add(viewer,'div','prov',sec.dataset.title||'');\n"
  " add(viewer,'h3','v-label',cell.dataset.label||cell.dataset.k);\n"
  " add(viewer,'div','v-key',cell.dataset.k);\n"
  " add(viewer,'div','v-value',cell.textContent);\n"
  " var box=add(viewer,'div','v-ev');var ev=cell.dataset.ev?document.getElementById(cell.dataset.ev):null;\n"
  " if(ev){for(var n=ev.firstChild;n;n=n.nextSibling)box.appendChild(n.cloneNode(true));}\n"
  " else add(box,'p','note','无出处记录（未在原文中读到此值）');\n"
  " var list=add(viewer,'ul','v-checks');\n"
  " var rows=sec?Array.prototype.slice.call(sec.querySelectorAll('tr.chk')):[];\n"
  " rows.sort(function(a,b){return (a.dataset.status!=='fail')-(b.dataset.status!=='fail');});\n"
  " rows.forEach(function(r){\n"
  "  if(r.dataset.keys.split(' ').indexOf(cell.dataset.k)<0)return;\n"
  "  var li=add(list,'li','st-'+r.dataset.status);add(li,'span','badge st-'+r.dataset.status,r.dataset.status);\n"
  "  add(li,'span','cid',r.dataset.check);var m=r.querySelector('.msg');add(li,'div','msg',m?m.textContent:'');\n"
  "  var f=r.querySelector('.formula');if(f)li.appendChild(f.cloneNode(true));\n"
  "  var rv=r.querySelector('.review');if(rv)li.appendChild(rv.cloneNode(true));});\n"
  " if(!list.firstChild)add(list,'li','note','此值不参与任何校验');}\n"
  "function focusFinding(f){document.querySelectorAll('td.v.focus').forEach(function(c){c.classList.remove('focus');});\n"
  " var first=null;(f.dataset.cells||'').split(' ').forEach(function(id){var c=id&&document.getElementById(id);\n"
  "  if(c){c.classList.add('focus');if(!first)first=c;}});if(first)select(first);}\n"
  "function sortBy(th){var table=th.closest('table');var idx=Array.prototype.indexOf.call(th.parentNode.children,th);\n"
  " var asc=th.dataset.dir!=='asc';th.parentNode.querySelectorAll('th').forEach(function(h){delete h.dataset.dir;});\n"
  " th.dataset.dir=asc?'asc':'desc';var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);\n"
  " var num=th.dataset.type==='num';\n"
  " function key(r){var c=r.cells[idx];if(!c)return '';return c.dataset.sort!=null?c.dataset.sort:c.textContent;}\n"
  " rows.sort(function(a,b){var x=key(a),y=key(b),d;\n"
  "  if(num){x=parseFloat(x);y=parseFloat(y);x=isNaN(x)?-Infinity:x;y=isNaN(y)?-Infinity:y;d=x<y?-1:x>y?1:0;}\n"
  "  else d=x.localeCompare(y,'zh');return asc?d:-d;});\n"
  " rows.forEach(function(r){body.appendChild(r);});}\n"
  "document.addEventListener('click',function(e){var t=e.target;\n"
  " var a=t.closest('a[data-cell]');if(a){e.preventDefault();var c=document.getElementById(a.dataset.cell);\n"
  "  if(c){c.scrollIntoView({block:'center'});select(c);}return;}\n"
  " var th=t.closest('table.sortable thead th');if(th){sortBy(th);return;}\n"
  " if(t.matches('#viewer img.crop')){t.classList.toggle('zoom');return;}\n"
  " var v=t.closest('td.v');if(v){select(v);return;}\n"
  " var f=t.closest('li.finding');if(f)focusFinding(f);});\n"
  "document.addEventListener('keydown',function(e){if(e.key!=='Enter'&&e.key!==' ')return;\n"
  " var v=e.target.closest&&e.target.closest('td.v');if(v){e.preventDefault();select(v);}});\n"
  "})();\n";

void
gk_audit_page_begin (GString *out, const char *title, gboolean with_viewer)
{
  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>",
                          csp);
  gk_html_escape (out, title);
  g_string_append_printf (out, "</title>\n<style>\n%s</style></head>\n<body%s>\n", css,
                          with_viewer ? "" : " class=\"single\"");
}

void
gk_audit_page_end (GString *out)
{
  g_string_append_printf (out, "<script>\n%s</script>\n</body></html>\n", js);
}

void
gk_audit_json_number (GString *out, const json_t *value)
{
  if (json_is_integer (value))
    g_string_append_printf (out, "%" JSON_INTEGER_FORMAT, json_integer_value (value));
  else if (json_is_real (value))
    g_string_append_printf (out, "%.15g", json_real_value (value));
}

void
gk_audit_flatten (json_t *data, const char *prefix, GHashTable *values, GPtrArray *order)
{
  const char *k;
  json_t *v;
  json_object_foreach (data, k, v)
    {
      g_autofree char *key = prefix ? g_strconcat (prefix, ".", k, NULL) : g_strdup (k);
      if (json_is_object (v))
        gk_audit_flatten (v, key, values, order);
      else if (json_is_array (v))
        {
          size_t i;
          json_t *e;
          json_array_foreach (v, i, e)
            for (int f = 0; f < 2 && json_is_object (e); f++)
              {
                const char *field = f ? "percent" : "count";
                json_t *x = json_object_get (e, field);
                if (!x)
                  continue;
                char *fk = g_strdup_printf ("%s.%zu.%s", key, i + 1, field);
                g_hash_table_insert (values, fk, x);
                g_ptr_array_add (order, fk);
              }
        }
      else if (json_is_number (v) || json_is_null (v))
        {
          char *owned = g_steal_pointer (&key);
          g_hash_table_insert (values, owned, v);
          g_ptr_array_add (order, owned);
        }
    }
}
