// selaras serve: the page. Plain JavaScript, no framework; it talks only to
// its own server (/api/...).
"use strict";

const T = {
  id: {
    tagline: "Pemeriksa unggahan media sosial", tabCheck: "Periksa", tabAudit: "Audit",
    platform: "Platform", account: "Akun", date: "Tanggal", none: "(tidak dipilih)",
    caption: "Keterangan unggahan", placeholder: "Tulis atau tempel keterangan unggahan di sini…",
    fixAll: "Terapkan semua perbaikan aman", copy: "Salin teks", dropHint: "Seret gambar ke sini, atau",
    chooseImages: "pilih gambar", findings: "Temuan", month: "Bulan", or: "atau", since: "Dari",
    until: "Sampai sebelum", showAudit: "Tampilkan audit", close: "Tutup",
    footer: "Semua pemeriksaan berjalan di komputer ini; tidak ada yang dikirim ke luar.",
    error: "galat", warning: "peringatan", info: "info", fix: "Perbaiki", why: "kenapa?",
    suggest: "Saran", line: "baris", file: "berkas", noFindings: "Tidak ada temuan. Siap diunggah.",
    empty: "Tulis keterangan untuk mulai memeriksa.", checking: "memeriksa…", copied: "Teks disalin.",
    copyFailed: "Tidak bisa menyalin; pilih teks lalu Ctrl+C.", applied: n => n + " perbaikan diterapkan.",
    nothingToFix: "Tidak ada perbaikan aman.", remove: "hapus", imageOk: "Tidak ada temuan pada gambar ini.",
    add: "Tambahkan", counts: (e, w, i) => `${e} galat, ${w} peringatan, ${i} info`,
    auditRunning: "Menyusun audit…", other: "English", otherLang: "en", notImage: "bukan gambar",
    chars: "karakter", hashtags: "tagar", unlimited: "tanpa batas"
  },
  en: {
    tagline: "Social-media post checker", tabCheck: "Check", tabAudit: "Audit",
    platform: "Platform", account: "Account", date: "Date", none: "(none)",
    caption: "Post caption", placeholder: "Write or paste the post's caption here…",
    fixAll: "Apply all safe fixes", copy: "Copy text", dropHint: "Drop images here, or",
    chooseImages: "choose images", findings: "Findings", month: "Month", or: "or", since: "From",
    until: "Until (exclusive)", showAudit: "Show audit", close: "Close",
    footer: "Every check runs on this computer; nothing is sent anywhere.",
    error: "error", warning: "warning", info: "info", fix: "Fix", why: "why?",
    suggest: "Suggestion", line: "line", file: "file", noFindings: "No findings. Ready to post.",
    empty: "Write a caption to start checking.", checking: "checking…", copied: "Text copied.",
    copyFailed: "Cannot copy; select the text and press Ctrl+C.", applied: n => n + " fixes applied.",
    nothingToFix: "No safe fixes.", remove: "remove", imageOk: "No findings on this image.",
    add: "Add", counts: (e, w, i) => `${e} errors, ${w} warnings, ${i} infos`,
    auditRunning: "Building the audit…", other: "Bahasa Indonesia", otherLang: "id", notImage: "not an image",
    chars: "characters", hashtags: "hashtags", unlimited: "no limit"
  }
};

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "id";
const t = T[lang];
const $ = id => document.getElementById(id);

const caption = $("caption"), backdrop = $("backdrop");
const state = { images: [], seq: 0, ctrl: null, timer: 0, last: null, draftName: "draft.md" };

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

function translate() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) {
    const v = t[e.dataset.t];
    if (typeof v === "string") e.textContent = v;
  }
  caption.placeholder = t.placeholder;
  const sw = $("lang-switch");
  sw.textContent = t.other;
  sw.href = "?lang=" + t.otherLang;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// safeName is the server's name for an uploaded image (serve.go).
function safeName(n) {
  return n.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+|[._]+$/g, "");
}

async function loadInfo() {
  try {
    const r = await fetch("/api/info");
    const info = await r.json();
    for (const p of info.platforms) $("platform").append(el("option", { value: p.name }, p.name));
    for (const a of info.accounts) $("account").append(el("option", { value: a.slug }, a.name ? `${a.slug} — ${a.name}` : a.slug));
    if (info.platforms.some(p => p.name === "instagram")) $("platform").value = "instagram";
    if (info.audit) $("tab-audit").hidden = false;
    $("version").textContent = "selaras " + info.version + (info.kit ? " · " + info.kit : "");
  } catch (e) { /* the page still checks without the lists */ }
}

function requestBody() {
  const fields = { text: caption.value, platform: $("platform").value, account: $("account").value, date: $("date").value, lang };
  if (/^\ufeff?\+\+\+/.test(caption.value)) {
    // A whole draft pasted with its front matter: that front matter says it.
    fields.platform = fields.account = fields.date = "";
  }
  if (state.images.length === 0) {
    return { body: JSON.stringify(fields), headers: { "Content-Type": "application/json" } };
  }
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const im of state.images) fd.append("images", im.file, im.name);
  return { body: fd, headers: {} };
}

function schedule(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, delay === undefined ? 300 : delay);
}

async function check() {
  if (caption.value.trim() === "" && state.images.length === 0) {
    if (state.ctrl) state.ctrl.abort();
    state.last = null;
    render(null, "");
    $("status").textContent = "";
    return;
  }
  if (state.ctrl) state.ctrl.abort();
  const ctrl = new AbortController();
  state.ctrl = ctrl;
  const seq = ++state.seq;
  const text = caption.value;
  $("status").textContent = t.checking;
  try {
    const { body, headers } = requestBody();
    const r = await fetch("/api/check?detail=1", { method: "POST", body, headers, signal: ctrl.signal });
    const data = await r.json();
    if (seq !== state.seq) return;
    if (!r.ok) {
      showError(lang === "en" ? data.error_en : data.error);
      return;
    }
    state.last = data.detail;
    $("status").textContent = "";
    document.body.dataset.checked = String(seq);
    if (caption.value === text) render(data.detail, text);
  } catch (e) {
    if (e.name !== "AbortError" && seq === state.seq) showError(String(e));
  }
}

function showError(msg) {
  $("status").textContent = "";
  const list = $("findings");
  list.replaceChildren(el("li", { class: "error-box" }, msg));
}

function isDraft(f) { return f.file === state.draftName; }

// paintMarks draws the highlights behind the caption: <mark data-rule>
// over each finding's span, in the same text layout as the text box.
function paintMarks(findings, text) {
  const spans = findings.filter(f => isDraft(f) && f.start >= 0 && f.end > f.start && f.end <= text.length)
    .map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end);
  const out = [];
  let at = 0;
  for (const { f, i } of spans) {
    if (f.start < at) continue; // overlapping: the list still shows it
    out.push(document.createTextNode(text.slice(at, f.start)));
    out.push(el("mark", { "data-rule": f.rule, "data-severity": f.severity, "data-i": i }, text.slice(f.start, f.end)));
    at = f.end;
  }
  out.push(document.createTextNode(text.slice(at) + "\n"));
  backdrop.replaceChildren(...out);
  syncBackdrop();
}

function syncBackdrop() {
  backdrop.style.width = caption.clientWidth + "px";
  backdrop.style.height = caption.clientHeight + "px";
  backdrop.scrollTop = caption.scrollTop;
}

function sevWord(s) { return t[s] || s; }

function render(detail, text) {
  const list = $("findings");
  const counters = $("counters"), chips = $("chips");
  if (!detail) {
    backdrop.replaceChildren(document.createTextNode(text));
    list.replaceChildren(el("li", { class: "empty" }, t.empty));
    counters.replaceChildren();
    chips.replaceChildren();
    $("summary").textContent = "";
    renderImages(null);
    $("fix-all").disabled = true;
    return;
  }
  const fs = detail.findings;
  paintMarks(fs, text);
  $("summary").textContent = "(" + t.counts(detail.summary.errors, detail.summary.warnings, detail.summary.infos) + ")";
  if (fs.length === 0) list.replaceChildren(el("li", { class: "empty" }, t.noFindings));
  else list.replaceChildren(...fs.map((f, i) => findingItem(f, i)));
  counters.replaceChildren(...detail.counters.map(c => {
    const label = c.what === "chars" ? t.chars : t.hashtags;
    const over = c.max > 0 && c.n > c.max;
    return el("span", { class: "counter" + (over ? " over" : ""), "data-what": c.what },
      `${label}: ${c.n}${c.max > 0 ? " / " + c.max : ""}${c.what === "chars" && c.unit !== t.chars ? " (" + c.unit + ")" : ""}`);
  }));
  const missing = fs.filter(f => isDraft(f) && (f.rule === "hashtag-missing" || f.rule === "mention-missing") && f.match);
  chips.replaceChildren(...missing.map(f => el("button", {
    type: "button", class: "chip", title: t.add + " " + f.match, "data-tag": f.match,
    onclick: () => applyFix(f.fix || { start: caption.value.length, end: caption.value.length, text: " " + f.match })
  }, "+ " + f.match)));
  $("fix-all").disabled = !fs.some(f => f.fix && f.fix.safe);
  renderImages(detail);
}

function findingItem(f, i) {
  const where = isDraft(f) ? (f.start >= 0 ? `${t.line} ${captionPos(f.start)}` : "") : f.file;
  const tools = el("div", { class: "tools" });
  if (f.fix && f.fix.safe && isDraft(f)) {
    tools.append(el("button", { type: "button", class: "apply", onclick: () => applyFix(f.fix) },
      t.fix + (f.fix.text ? " → " + f.fix.text.trim() : "")));
  }
  tools.append(el("a", { href: "#", class: "why", onclick: e => { e.preventDefault(); explain(f.rule); } }, t.why));
  const sugg = f.suggestions.length ? el("div", { class: "sugg" }, t.suggest + ": ",
    ...f.suggestions.flatMap((s, k) => [k ? ", " : "", el("code", {}, s)])) : null;
  return el("li", {
    class: "finding", "data-rule": f.rule, "data-severity": f.severity, "data-i": i,
    onmouseenter: () => focusMark(i, true), onmouseleave: () => focusMark(i, false)
  },
  el("div", { class: "head" }, el("span", { class: "sev" }, sevWord(f.severity)),
    el("span", { class: "title", onclick: () => select(f) }, f.title || f.rule),
    el("span", { class: "where" }, where)),
  el("div", { class: "msg" }, f.message),
  sugg, tools);
}

// captionPos is "line:column" of a place in the caption as the writer
// sees it (the report's lines count the front matter the server adds).
function captionPos(at) {
  const before = caption.value.slice(0, at);
  const nl = before.lastIndexOf("\n");
  return `${before.split("\n").length}:${[...before.slice(nl + 1)].length + 1}`;
}

function focusMark(i, on) {
  const m = backdrop.querySelector(`mark[data-i="${i}"]`);
  if (m) m.classList.toggle("focus", on);
}

function select(f) {
  if (!isDraft(f) || f.start < 0) return;
  caption.focus();
  caption.setSelectionRange(f.start, f.end);
}

function applyFix(fx) {
  const v = caption.value;
  if (fx.start < 0 || fx.end > v.length || fx.start > fx.end) return;
  caption.value = v.slice(0, fx.start) + fx.text + v.slice(fx.end);
  const caret = fx.start + fx.text.length;
  caption.setSelectionRange(caret, caret);
  schedule(0);
}

async function fixAll() {
  const { body, headers } = requestBody();
  try {
    const r = await fetch("/api/fix", { method: "POST", body, headers });
    const data = await r.json();
    if (!r.ok) { showError(lang === "en" ? data.error_en : data.error); return; }
    caption.value = data.text;
    $("status").textContent = data.applied.length ? t.applied(data.applied.length) : t.nothingToFix;
    schedule(0);
  } catch (e) { showError(String(e)); }
}

async function copyText() {
  try {
    await navigator.clipboard.writeText(caption.value);
    $("status").textContent = t.copied;
  } catch (e) {
    caption.select();
    $("status").textContent = document.execCommand && document.execCommand("copy") ? t.copied : t.copyFailed;
  }
}

async function explain(rule) {
  try {
    const r = await fetch(`/api/explain/${encodeURIComponent(rule)}?lang=${lang}`);
    const data = await r.json();
    $("explain-text").textContent = r.ok ? data.text : (lang === "en" ? data.error_en : data.error);
    $("explain").showModal();
  } catch (e) { showError(String(e)); }
}

function addFiles(files) {
  for (const file of files) {
    const name = safeName(file.name) || "image";
    const old = state.images.findIndex(im => im.name === name);
    if (old >= 0) { URL.revokeObjectURL(state.images[old].url); state.images.splice(old, 1); }
    state.images.push({ file, name, url: URL.createObjectURL(file) });
  }
  renderImages(state.last);
  schedule(0);
}

function renderImages(detail) {
  const box = $("images");
  box.replaceChildren(...state.images.map((im, k) => {
    const ev = detail && detail.images.find(x => x.path === im.name);
    const fs = detail ? detail.findings.filter(f => f.file === im.name) : [];
    const img = el("img", { src: ev && ev.evidence ? ev.evidence : im.url, alt: im.name, "data-evidence": ev && ev.evidence ? "1" : null });
    const items = fs.map(f => el("li", { "data-rule": f.rule, "data-severity": f.severity },
      el("strong", {}, f.title || f.rule), ": ", f.message, " ",
      el("a", { href: "#", onclick: e => { e.preventDefault(); explain(f.rule); } }, t.why)));
    return el("div", { class: "image-card", "data-name": im.name },
      el("div", { class: "name" }, im.name, el("button", {
        type: "button", class: "remove", onclick: () => {
          URL.revokeObjectURL(im.url); state.images.splice(k, 1); renderImages(state.last); schedule(0);
        }
      }, t.remove)),
      img,
      detail ? (items.length ? el("ul", {}, items) : el("p", { class: "empty" }, t.imageOk)) : null);
  }));
}

function setupDrop() {
  const drop = $("drop");
  for (const ev of ["dragenter", "dragover"]) document.addEventListener(ev, e => { e.preventDefault(); drop.classList.add("over"); });
  for (const ev of ["dragleave", "drop"]) document.addEventListener(ev, e => { e.preventDefault(); if (ev === "drop" || e.target === drop) drop.classList.remove("over"); });
  document.addEventListener("drop", e => {
    const files = [...(e.dataTransfer ? e.dataTransfer.files : [])].filter(f => f.type.startsWith("image/") || /\.(jpe?g|png|gif|webp)$/i.test(f.name));
    if (files.length) addFiles(files);
  });
  $("files").addEventListener("change", e => { addFiles([...e.target.files]); e.target.value = ""; });
}

function setupTabs() {
  const tabs = { check: $("tab-check"), audit: $("tab-audit") };
  const show = which => {
    for (const [k, b] of Object.entries(tabs)) {
      b.setAttribute("aria-selected", String(k === which));
      $("view-" + k).hidden = k !== which;
    }
  };
  tabs.check.addEventListener("click", () => show("check"));
  tabs.audit.addEventListener("click", () => show("audit"));
  const d = new Date();
  d.setDate(1); d.setMonth(d.getMonth() - 1);
  $("audit-month").value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  $("audit-form").addEventListener("submit", e => {
    e.preventDefault();
    const q = new URLSearchParams({ lang, frame: "1" });
    if ($("audit-since").value || $("audit-until").value) {
      q.set("since", $("audit-since").value); q.set("until", $("audit-until").value);
    } else q.set("month", $("audit-month").value);
    $("audit-status").textContent = t.auditRunning;
    $("audit-frame").src = "/api/audit?" + q;
  });
  $("audit-frame").addEventListener("load", () => { $("audit-status").textContent = ""; });
}

translate();
$("date").value = today();
caption.addEventListener("input", () => { paintMarks([], caption.value); schedule(); });
caption.addEventListener("scroll", syncBackdrop);
for (const id of ["platform", "account", "date"]) $(id).addEventListener("change", () => schedule(0));
$("fix-all").addEventListener("click", fixAll);
$("copy").addEventListener("click", copyText);
if (window.ResizeObserver) new ResizeObserver(syncBackdrop).observe(caption);
setupDrop();
setupTabs();
render(null, "");
loadInfo().then(() => schedule(0));
