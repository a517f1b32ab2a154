// newsweave's web page: send reports to the API, show the brief it answers with.
//
// Safety rule: every piece of data reaches the page through textContent or a text node,
// never as markup, so a report containing <script> is shown as text. The page's content
// security policy (script-src 'self') is the second wall.
"use strict";

const INITIAL_REPORTS = 2;
const TITLE_WORDS = 12; // words of the lead sentence that title a brief without a headline
// Rows a section shows before a "Show all" button, keyed by the section classes, and the
// fewest rows worth folding: /healthz gives report/sections.py's figures. Until it answers
// (or if it cannot), nothing folds.
let sectionLimits = {};
let minFolded = Infinity;
const CAPTIONS = {
  summary: "The sentence (yellow) and the matching sentences of other reports (blue).",
  alone: "The sentence in its report (yellow); no other report says the same.",
  versions: "Each source's version: the first in yellow, the others in blue.",
};
const CLAIM_SECTIONS = [
  // [kind, heading, badge]: the order a reader wants, as in newsweave's HTML report.
  ["conflict", "Where sources conflict", "Conflict"],
  ["single_source", "Reported by one source only", "Single source"],
  ["agreement", "What sources agree on", "Confirmed"],
];
// As in report/sections.py, so that the page and the rendered brief say the same.
const UNDATED_HEADING = "Not on the timeline: dates in reports that give no date of their own";
const YEAR_INFERRED_NOTE = "year from the other reports";
const KIND_LABELS = {
  PERSON: "person", PLACE: "place", ORG: "organisation", PRODUCT: "craft or product",
};

const $ = (id) => document.getElementById(id);

// el("p", {className: "x"}, "text", child): an element with properties and children;
// strings become text nodes, never markup.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// ---- input ----------------------------------------------------------------------------

function addReport() {
  const n = $("reports").children.length + 1;
  const id = `report-${n}`;
  const box = el("fieldset", { className: "report" },
    el("legend", {}, `Report ${n}`),
    el("label", { htmlFor: `${id}-source` }, "Outlet (optional)"),
    el("input", { id: `${id}-source`, className: "source", type: "text",
                  placeholder: "e.g. BBC", autocomplete: "off" }),
    el("label", { htmlFor: `${id}-text` }, "Text"),
    el("textarea", { id: `${id}-text`, className: "text", rows: 6,
                     placeholder: "Paste the report's text or HTML" }));
  $("reports").append(box);
}

function pastedReports() {
  return Array.from(document.querySelectorAll("#reports .report"))
    .map((box) => ({
      source: box.querySelector(".source").value.trim(),
      text: box.querySelector(".text").value,
    }))
    .filter((report) => report.text.trim() !== "");
}

function looksLikeHtml(text) {
  return /^\s*</.test(text) && /<(html|body|p|article|div)[\s>]/i.test(text);
}

function jsonRequest(reports) {
  const articles = reports.map((report) => {
    const article = looksLikeHtml(report.text) ? { html: report.text } : { text: report.text };
    if (report.source) article.source = report.source;
    return article;
  });
  return { path: "/briefs", init: {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ articles }),
  } };
}

function filesRequest(files, reports) {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  reports.forEach((report, i) => {
    // Pasted reports travel with the files as one-line JSON records, outlet included.
    const record = looksLikeHtml(report.text) ? { html: report.text } : { text: report.text };
    if (report.source) record.source = report.source;
    const blob = new Blob([JSON.stringify(record)], { type: "application/json" });
    form.append("files", blob, `pasted-${i + 1}.jsonl`);
  });
  return { path: "/briefs/files", init: { method: "POST", body: form } };
}

function errorText(status, body) {
  if (body && typeof body.detail === "string") return body.detail;
  return `the server answered ${status}`;
}

async function submitBrief(event) {
  event.preventDefault();
  const reports = pastedReports();
  const files = Array.from($("files").files);
  if (reports.length === 0 && files.length === 0) {
    showError("Paste at least one report, or choose files to upload.");
    return;
  }
  const request = files.length ? filesRequest(files, reports) : jsonRequest(reports);
  await requestBrief(request.path, request.init);
}

function optionsQuery() {
  const query = new URLSearchParams();
  const words = parseInt($("words").value, 10);
  if (Number.isInteger(words)) query.set("words", words);
  if ($("algorithm").value) query.set("algorithm", $("algorithm").value);
  return `?${query}`;
}

// What the service offers (from /healthz): the summarizers, its default first chosen, and
// how the brief's sections fold.
async function loadCapabilities() {
  const response = await fetch("/healthz").catch(() => null);
  if (!response || !response.ok) return;
  const health = await response.json();
  const options = Object.entries(health.algorithms).map(([name, about]) =>
    new Option(`${name}: ${about}`, name, false, name === health.default_algorithm));
  $("algorithm").replaceChildren(...options);
  sectionLimits = health.sections.limits;
  minFolded = health.sections.min_folded;
}

// Ask the API for a brief and show it, or show why there is none.
async function requestBrief(path, init) {
  setBusy(true);
  try {
    const response = await fetch(path + optionsQuery(), init);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      showError(`Could not make the brief: ${errorText(response.status, body)}`);
      return;
    }
    showError(null);
    renderBrief(body);
  } catch (err) {
    showError(`Could not reach the server: ${err.message}`);
  } finally {
    setBusy(false);
  }
}

// Stored stories, when the service has a store with any: offered in a list.
async function loadStories() {
  const response = await fetch("/stories?limit=100").catch(() => null);
  const stories = response && response.ok ? await response.json() : [];
  const options = stories.map((story) => {
    const n = `${story.size} report${story.size === 1 ? "" : "s"}`;
    const outlets = story.outlets.length ? ` · ${story.outlets.join(", ")}` : "";
    return new Option(`${story.title || story.id} · ${n}${outlets}`, story.id);
  });
  $("story").replaceChildren(...options);
  $("stored").hidden = options.length === 0;
}

function briefStoredStory() {
  const id = $("story").value;
  if (id) requestBrief(`/stories/${encodeURIComponent(id)}/brief`, { method: "GET" });
}

function setBusy(busy) {
  $("submit").disabled = busy;
  $("brief-story").disabled = busy;
  $("status").textContent = busy ? "Reading the reports…" : "";
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message || "";
}

// ---- the brief ------------------------------------------------------------------------

// One brief's lookups: articles by id, and a reader's name for each.
// An outlet with several reports in the story is named with each report's number, as the
// Markdown and HTML briefs name it (report/common.py, numbered_labels): "AP 1", "AP 3".
function indexStory(brief) {
  const articles = new Map(brief.story.articles.map((a) => [a.id, a]));
  const outletOf = (a) => a.source || a.id;
  const reportsBy = new Map();
  for (const a of brief.story.articles) {
    reportsBy.set(outletOf(a), (reportsBy.get(outletOf(a)) || 0) + 1);
  }
  const numbers = new Map(brief.story.articles.map((a, i) => [a.id, i + 1]));
  const label = (id) => {
    const a = articles.get(id);
    if (!a) return id;
    return reportsBy.get(outletOf(a)) > 1 ? `${outletOf(a)} ${numbers.get(id)}` : outletOf(a);
  };
  const outlets = (refs) => [...new Set(refs.map((r) => label(r.article_id)))];
  return { brief, articles, label, outlets };
}

function renderBrief(brief) {
  const story = indexStory(brief);
  const n = brief.story.articles.length;
  $("brief-title").textContent = briefTitle(story);
  $("brief-meta").textContent =
    `${brief.summary.length} sentences from ${n} report${n === 1 ? "" : "s"} · ` +
    `${brief.algorithm}, ${brief.budget.limit} ${brief.budget.unit}`;
  $("warnings").replaceChildren(...brief.warnings.map((w) => el("li", {}, w)));
  $("summary").replaceChildren(...brief.summary.map((item) => summaryItem(story, item)));
  $("analysis").replaceChildren(...analysisSections(story));
  $("sources").hidden = true;
  $("brief").hidden = false;
  $("brief").scrollIntoView({ block: "start" });
}

// The title the Markdown and HTML briefs give (report/common.py, brief_title): the story's,
// else the headline of the report the summary leads with, else any report's, else the first
// words of the lead sentence; the page showed only "Brief".
function briefTitle(story) {
  const { brief, articles } = story;
  const lead = brief.summary.length ? brief.summary[0].sentence : null;
  const headline = lead && articles.get(lead.article_id)?.title;
  const any = brief.story.articles.find((a) => a.title)?.title;
  const given = brief.story.title || headline || any;
  if (given || !lead) return given || "";
  const words = lead.text.split(/\s+/).filter(Boolean);
  return words.length <= TITLE_WORDS ? words.join(" ")
    : `${words.slice(0, TITLE_WORDS).join(" ").replace(/[,;:]+$/, "")} \u2026`;
}

function summaryItem(story, item) {
  const own = { article_id: item.sentence.article_id, index: item.sentence.index };
  const [first, ...others] = story.outlets([own, ...item.support]);
  const button = el("button", { type: "button", className: "sentence" }, item.sentence.text);
  button.addEventListener("click", () => selectRefs(story, button, own, item.support));
  return el("li", {}, button,
    el("span", { className: "attribution" },
      el("strong", {}, first),
      others.length ? ` · also ${others.join(", ")}` : ""));
}

// Show ``main`` and ``others`` (sentence refs) highlighted in their articles, side by side.
function selectRefs(story, trigger, main, others, caption) {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  trigger.classList.add("selected");
  const byArticle = new Map();
  for (const [ref, role] of [[main, "primary"], ...others.map((r) => [r, "support"])]) {
    if (!byArticle.has(ref.article_id)) byArticle.set(ref.article_id, []);
    byArticle.get(ref.article_id).push({ ref, role });
  }
  const columns = [...byArticle].map(([id, marks]) => sourceColumn(story, id, marks));
  $("source-columns").replaceChildren(...columns);
  $("sources-caption").textContent =
    others.length ? caption || CAPTIONS.summary : CAPTIONS.alone;
  $("sources").hidden = false;
  $("sources").scrollIntoView({ block: "start" });
  for (const column of columns) scrollToMark(column);
}

function sourceColumn(story, articleId, marks) {
  const article = story.articles.get(articleId);
  const head = el("header", {},
    el("h3", {}, story.label(articleId)),
    article.title ? el("p", { className: "meta" }, article.title) : null,
    article.published ? el("p", { className: "meta" }, article.published) : null);
  const body = el("div", { className: "article-text", tabIndex: 0 },
    ...highlighted(article, marks));
  return el("article", { className: "source-column" }, head, body);
}

// The article's text as text nodes, with <mark>s at the sentences' exact offsets.
function highlighted(article, marks) {
  const spans = marks
    .map(({ ref, role }) => ({ sentence: article.sentences[ref.index], role }))
    .filter(({ sentence }) => sentence)
    .sort((a, b) => a.sentence.start - b.sentence.start);
  const nodes = [];
  let at = 0;
  for (const { sentence, role } of spans) {
    if (sentence.start < at) continue;
    nodes.push(document.createTextNode(article.text.slice(at, sentence.start)));
    nodes.push(el("mark", { className: role }, article.text.slice(sentence.start, sentence.end)));
    at = sentence.end;
  }
  nodes.push(document.createTextNode(article.text.slice(at)));
  return nodes;
}

function scrollToMark(column) {
  const body = column.querySelector(".article-text");
  const mark = body.querySelector("mark");
  if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3);
}

// ---- analysis sections, generic over the model's JSON --------------------------------

function analysisSections(story) {
  const { brief } = story;
  const sections = [];
  if (brief.entities.length) sections.push(entitiesSection(story));
  sections.push(...timelineSections(story));
  for (const [kind, heading, badge] of CLAIM_SECTIONS) {
    const claims = brief.claims.filter((c) => c.kind === kind);
    if (claims.length) sections.push(claimsSection(story, kind, heading, badge, claims));
  }
  if (brief.quotes.length) sections.push(quotesSection(story));
  return sections;
}

function section(key, heading, ...children) {
  return el("section", { className: `analysis ${key}` }, el("h2", {}, heading), ...children);
}

// A row's lead, text and outlets; clicking it highlights ``refs`` in the sources.
function refRow(story, lead, text, refs, detail, badge) {
  const button = el("button", { type: "button", className: "row-text" }, text);
  if (refs.length) {
    button.addEventListener("click",
      () => selectRefs(story, button, refs[0], refs.slice(1), CAPTIONS.versions));
  } else {
    button.disabled = true;
  }
  return el("li", {},
    badge ? el("span", { className: "badge" }, badge) : null,
    el("strong", { className: "lead" }, lead), " ", button,
    el("span", { className: "attribution" }, story.outlets(refs).join(", ")),
    detail ? el("span", { className: "detail" }, detail) : null);
}

function entitiesSection(story) {
  const rows = story.brief.entities.map((entity) => {
    const variants = entity.variants.filter((v) => v !== entity.name);
    const reports = [...new Set(entity.mentions.map((m) => story.label(m.article_id)))];
    return el("tr", {},
      el("th", { scope: "row" }, entity.name),
      el("td", {}, KIND_LABELS[entity.kind] || String(entity.kind).toLowerCase()),
      el("td", {}, variants.length ? variants.join(", ") : "—"),
      el("td", {}, reports.join(", ")));
  });
  const head = el("tr", {}, ...["Name", "Kind", "Also written", "Named by"]
    .map((h) => el("th", { scope: "col" }, h)));
  return section("entities", "People, places and organisations",
    el("div", { className: "table-wrap" },
      el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))),
    showAllButton(rows, sectionLimits.entities));
}

// Rows past ``limit`` hidden behind a button that shows them; null when none is.
function showAllButton(rows, limit) {
  if (limit === undefined) return null;
  const more = rows.slice(limit);
  if (more.length < minFolded) return null;
  for (const row of more) row.hidden = true;
  const button = el("button", { type: "button", className: "secondary show-all" },
    `Show all ${rows.length}`);
  button.addEventListener("click", () => {
    for (const row of more) row.hidden = false;
    button.remove();
  });
  return button;
}

// A section of list rows, the first sectionLimits[key] shown.
function listSection(key, heading, tag, items) {
  return section(key, heading, el(tag, { className: "rows" }, ...items),
    showAllButton(items, sectionLimits[key]));
}

function when(event) {
  if (event.granularity === "year") return event.when.slice(0, 4);
  if (event.granularity === "month") return event.when.slice(0, 7);
  return event.when;
}

// The dated events, then those whose report gives no date to resolve them against.
function timelineSections(story) {
  const dated = story.brief.timeline.filter((event) => event.when);
  const undated = story.brief.timeline.filter((event) => !event.when);
  const found = [];
  if (dated.length) {
    found.push(listSection("timeline", "Timeline", "ol", dated.map((event) =>
      refRow(story, when(event), event.text, event.sentences, `“${event.expression}”` +
        (event.year_inferred ? `, ${YEAR_INFERRED_NOTE}` : "")))));
  }
  if (undated.length) {
    found.push(listSection("undated", UNDATED_HEADING, "ul", undated.map((event) =>
      refRow(story, `“${event.expression}”`, event.text, event.sentences))));
  }
  return found;
}

function claimsSection(story, kind, heading, badge, claims) {
  const items = claims.map((claim) => {
    const refs = claim.statements.map((s) => s.ref);
    const versions = claim.statements.map((s) =>
      el("li", {}, el("strong", {}, story.label(s.ref.article_id)), ": ",
        s.value ? el("span", { className: "value" }, s.value) : null,
        s.value ? " — " : "", s.text));
    const row = refRow(story, claim.topic, "show in sources", refs, claim.note, badge);
    row.querySelector("button.row-text").classList.add("link");
    row.append(el("ul", { className: "versions" }, ...versions));
    return row;
  });
  return listSection(kind.replace("_", "-"), heading, "ul", items);
}

function quotesSection(story) {
  const items = story.brief.quotes.map((quote) =>
    refRow(story, quote.speaker || "unnamed speaker", `“${quote.text}”`, [quote.ref]));
  return listSection("quotes", "Quotes", "ul", items);
}

// ---- start ----------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  for (let i = 0; i < INITIAL_REPORTS; i++) addReport();
  $("add-report").addEventListener("click", addReport);
  $("brief-form").addEventListener("submit", submitBrief);
  $("brief-story").addEventListener("click", briefStoredStory);
  loadStories();
  loadCapabilities();
  $("back").addEventListener("click", () => {
    const selected = document.querySelector(".selected");
    if (selected) selected.scrollIntoView({ block: "center" });
    if (selected) selected.focus();
  });
});
