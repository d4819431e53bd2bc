// The review page: upload the workshop files, correct themes, actions and
// contributors, write the report. Every edit changes the diagnostic held
// here and PUTs it whole to the workspace (the API is in the README).
'use strict';

const NOT_AN_ISSUE = '__not_an_issue';
const STATUSES = ['not started', 'in progress', 'done', 'blocked', 'dropped'];
const state = { id: null, diag: null, saving: Promise.resolve() };

// ---- small helpers -------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function say(message) { document.getElementById('status').textContent = message; }

async function api(method, path, body, type) {
  const headers = type ? { 'Content-Type': type } : {};
  const response = await fetch('/api' + path, { method, body, headers, credentials: 'same-origin' });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    const reason = data && data.error ? data.error : response.status + ' ' + response.statusText;
    const error = new Error(reason);
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

const diag = () => state.diag;
const noteById = id => diag().notes.find(n => n.id === id);
const themeById = id => diag().themes.find(t => t.id === id);
const isNotAnIssue = n => n.not_an_issue === true;

function slug(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'theme';
}

function uniqueThemeId(label) {
  const taken = new Set(diag().themes.map(t => t.id));
  const base = 'm-' + slug(label);
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(base + '-' + k)) return base + '-' + k;
}

// ---- saving --------------------------------------------------------------

// Saves one after the other, each the whole diagnostic as it is now: the last edit wins.
function save(what) {
  const body = JSON.stringify(state.diag);
  say('Saving…');
  state.saving = state.saving
    .then(() => api('PUT', `/workspaces/${state.id}/diagnostic`, body, 'application/json'))
    .then(() => say(`Saved: ${what}`), e => say(`Not saved (${e.message}). Try the edit again.`));
  return state.saving;
}

// A theme the facilitator touched is theirs: the cluster analysis keeps it on a re-run.
function own(theme) {
  theme.origin = 'manual';
  theme.confidence = 1;
}

function dropEmptyThemes() {
  const gone = new Set(diag().themes.filter(t => t.note_ids.length === 0).map(t => t.id));
  if (gone.size === 0) return;
  diag().themes = diag().themes.filter(t => !gone.has(t.id));
  for (const a of diag().actions) a.theme_ids = (a.theme_ids || []).filter(id => !gone.has(id));
  for (const g of diag().goals || []) g.theme_ids = (g.theme_ids || []).filter(id => !gone.has(id));
}

function takeOut(noteId) {
  for (const t of diag().themes) {
    const i = t.note_ids.indexOf(noteId);
    if (i < 0) continue;
    t.note_ids.splice(i, 1);
    own(t);
    if (t.example_note_id === noteId) t.example_note_id = t.note_ids[0] || '';
  }
}

// ---- theme edits ---------------------------------------------------------

function moveNote(noteId, target) {
  const note = noteById(noteId);
  const current = diag().themes.find(t => t.note_ids.includes(noteId));
  if (!note || target === (current ? current.id : NOT_AN_ISSUE)) return;
  takeOut(noteId);
  if (target === NOT_AN_ISSUE) {
    note.not_an_issue = true;
  } else {
    delete note.not_an_issue;
    const theme = themeById(target);
    theme.note_ids.push(noteId);
    if (!theme.example_note_id) theme.example_note_id = noteId;
    own(theme);
  }
  dropEmptyThemes();
  renderThemes(noteId);
  save(target === NOT_AN_ISSUE ? 'note marked as not an issue' : `note moved to "${themeById(target).label}"`);
}

function renameTheme(theme, label) {
  label = label.trim();
  if (!label || label === theme.label) return;
  theme.label = label;
  own(theme);
  renderThemeChoices();
  save(`theme renamed "${label}"`);
}

function mergeThemes(from, into) {
  if (!from || !into || from === into) return;
  for (const id of from.note_ids) if (!into.note_ids.includes(id)) into.note_ids.push(id);
  from.note_ids = [];
  own(into);
  for (const a of diag().actions) {
    a.theme_ids = (a.theme_ids || []).map(id => (id === from.id ? into.id : id));
    a.theme_ids = a.theme_ids.filter((id, i) => a.theme_ids.indexOf(id) === i);
  }
  dropEmptyThemes();
  renderThemes();
  save(`"${from.label}" merged into "${into.label}"`);
}

function newThemeFromChosen() {
  const nameInput = document.getElementById('new-theme-name');
  const label = nameInput.value.trim();
  const chosen = [...document.querySelectorAll('.note .tick:checked')].map(c => c.dataset.noteId);
  if (!label) { say('Give the new theme a name first.'); nameInput.focus(); return; }
  if (chosen.length === 0) { say('Choose the notes the new theme should hold first.'); return; }
  const theme = { id: uniqueThemeId(label), label, keywords: [], note_ids: [], origin: 'manual', confidence: 1,
                  example_note_id: chosen[0] };
  for (const id of chosen) { takeOut(id); delete noteById(id).not_an_issue; theme.note_ids.push(id); }
  diag().themes.push(theme);
  dropEmptyThemes();
  nameInput.value = '';
  renderThemes();
  save(`new theme "${label}"`);
}

// ---- themes board ----------------------------------------------------------

function themeOptions(select, current, withNotAnIssue) {
  select.replaceChildren();
  for (const t of diag().themes) select.append(el('option', { value: t.id, text: t.label, selected: t.id === current }));
  if (withNotAnIssue) select.append(el('option', { value: NOT_AN_ISSUE, text: 'Not an issue', selected: current === NOT_AN_ISSUE }));
}

// Theme names changed: every "Move to" and "Merge into" list shows them.
function renderThemeChoices() {
  for (const s of document.querySelectorAll('select.move')) themeOptions(s, s.dataset.current, true);
  for (const s of document.querySelectorAll('select.merge-into')) {
    themeOptions(s, '', false);
    [...s.options].find(o => o.value === s.dataset.self)?.remove();
  }
}

function noteItem(note, current) {
  const section = ((diag().template || {}).sections || []).find(s => s.id === note.section);
  const source = [note.source && note.source.file, section && section.title].filter(Boolean).join(', ');
  const move = el('select', { class: 'move', id: `move-${note.id}`, 'data-current': current });
  themeOptions(move, current, true);
  // A button, not the list's change event: arrowing through a closed list must not move the note (WCAG 3.2.2).
  const go = el('button', { type: 'button', class: 'secondary', id: `move-button-${note.id}`,
                            onclick: () => moveNote(note.id, move.value) }, 'Move');
  const item = el('li', { class: 'note', draggable: 'true', 'data-note-id': note.id },
    el('p', { class: 'text', text: note.text }),
    el('p', { class: 'meta', text: [note.author ? `by ${note.author}` : 'author not known', source].filter(Boolean).join(' · ') }),
    el('div', { class: 'controls' },
      el('label', {}, el('input', { type: 'checkbox', class: 'tick', 'data-note-id': note.id }), ' Choose'),
      el('label', { for: move.id }, 'Move to'), move, go));
  item.addEventListener('dragstart', e => {
    e.dataTransfer.setData('text/plain', note.id);
    e.dataTransfer.effectAllowed = 'move';
  });
  return item;
}

function dropTarget(card, target) {
  card.addEventListener('dragover', e => { e.preventDefault(); card.classList.add('over'); });
  card.addEventListener('dragleave', () => card.classList.remove('over'));
  card.addEventListener('drop', e => {
    e.preventDefault();
    card.classList.remove('over');
    const id = e.dataTransfer.getData('text/plain');
    if (id) moveNote(id, target);
  });
}

function themeCard(theme, index) {
  const nameId = `theme-name-${index}`;
  const name = el('input', { type: 'text', id: nameId, class: 'theme-label', value: theme.label });
  name.addEventListener('change', () => renameTheme(theme, name.value));
  const into = el('select', { class: 'merge-into', id: `merge-${index}`, 'data-self': theme.id });
  themeOptions(into, '', false);
  [...into.options].find(o => o.value === theme.id)?.remove();
  const card = el('article', { class: 'theme', 'data-theme-id': theme.id, 'aria-labelledby': nameId },
    el('div', { class: 'theme-name' }, el('label', { for: nameId }, `Theme ${index + 1} name`), name),
    el('div', { class: 'merge' },
      el('label', { for: into.id }, 'Merge this theme into'), into,
      el('button', { type: 'button', class: 'secondary', onclick: () => mergeThemes(theme, themeById(into.value)) }, 'Merge')),
    el('ul', { class: 'notes', 'aria-label': `Notes in ${theme.label}` },
      ...theme.note_ids.map(noteById).filter(Boolean).map(n => noteItem(n, theme.id))));
  dropTarget(card, theme.id);
  return card;
}

function renderThemes(focusNoteId) {
  const board = document.getElementById('board');
  const cards = diag().themes.map(themeCard);
  const setAside = diag().notes.filter(isNotAnIssue);
  const bin = el('article', { class: 'theme not-issues', 'aria-labelledby': 'not-issues-h' },
    el('h3', { id: 'not-issues-h', text: 'Not an issue' }),
    el('ul', { class: 'notes', 'aria-label': 'Notes marked as not an issue' },
      ...setAside.map(n => noteItem(n, NOT_AN_ISSUE))));
  dropTarget(bin, NOT_AN_ISSUE);
  board.replaceChildren(...cards, bin);
  if (focusNoteId) document.getElementById(`move-button-${focusNoteId}`)?.focus();
}

// ---- actions and contributors -----------------------------------------------

function field(kind, attrs, value, onChange) {
  const input = el(kind, attrs);
  input.value = value || '';
  input.addEventListener('change', () => onChange(input.value));
  return input;
}

function renderActions() {
  const names = document.getElementById('people-names');
  names.replaceChildren(...diag().people.filter(p => p.name).map(p => el('option', { value: p.name })));
  const rows = diag().actions.map((a, i) => {
    const status = el('select', { id: `action-status-${i}`, 'aria-label': `Status of action ${a.id}` });
    for (const s of STATUSES) status.append(el('option', { value: s, text: s[0].toUpperCase() + s.slice(1), selected: s === a.status }));
    if (!STATUSES.includes(a.status)) status.append(el('option', { value: a.status, text: a.status, selected: true }));
    status.addEventListener('change', () => { a.status = status.value; save(`status of ${a.id}`); });
    return el('tr', { 'data-action-id': a.id },
      el('th', { scope: 'row', text: a.id }),
      el('td', {}, field('textarea', { rows: 2, id: `action-text-${i}`, 'aria-label': `Text of action ${a.id}` }, a.text,
                         v => { a.text = v; save(`text of ${a.id}`); })),
      el('td', {}, field('input', { type: 'text', list: 'people-names', class: 'owner', id: `action-owner-${i}`,
                                    'aria-label': `Owner of action ${a.id}` }, a.owner,
                         v => { a.owner = v.trim(); save(`owner of ${a.id}`); })),
      el('td', {}, field('input', { type: 'date', id: `action-due-${i}`, 'aria-label': `Due date of action ${a.id}` }, a.due,
                         v => { a.due = v; if (v) a.due_text = v; save(`due date of ${a.id}`); })),
      el('td', {}, status));
  });
  document.getElementById('action-rows').replaceChildren(...rows);
}

function renderPeople() {
  const rows = diag().people.map((p, i) => {
    const who = p.name || p.role || `person ${i + 1}`;
    const text = (key, label) => field('input', { type: 'text', id: `person-${key}-${i}`, 'aria-label': `${label} of ${who}` },
                                      p[key], v => { p[key] = v.trim(); save(`${label.toLowerCase()} of ${who}`); renderActions(); });
    const present = el('input', { type: 'checkbox', id: `person-present-${i}`, 'aria-label': `${who} was present`, checked: p.present });
    present.addEventListener('change', () => { p.present = present.checked; save(`${who} ${p.present ? 'present' : 'not present'}`); });
    return el('tr', {}, el('td', {}, text('name', 'Name')), el('td', {}, text('role', 'Role')),
              el('td', {}, text('team', 'Team')), el('td', {}, present));
  });
  document.getElementById('people-rows').replaceChildren(...rows);
}

// ---- system map: the systems on a circle, the flows between them ---------------

function renderMap() {
  const { nodes, edges } = diag().system_map;
  const box = document.getElementById('map-picture');
  const list = document.getElementById('map-edges');
  if (!nodes.length) {
    box.replaceChildren(el('p', { text: 'The board has no system map.' }));
    list.replaceChildren();
    return;
  }
  const w = 900, h = 560, r = Math.min(w, h) / 2 - 80;
  const at = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, { x: w / 2 + r * Math.cos(a) * 1.35, y: h / 2 + r * Math.sin(a) }];
  }));
  const label = id => (nodes.find(n => n.id === id) || {}).label || id;
  const picture = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'map-title' });
  const title = svg('title', { id: 'map-title' });
  title.textContent = `System map: ${nodes.length} systems, ${edges.length} connections (listed below)`;
  const defs = svg('defs', {});
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '8', markerHeight: '8', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#0b0c0c' }));
  defs.append(marker);
  picture.append(title, defs);
  for (const e of edges) {
    const a = at.get(e.from), b = at.get(e.to);
    if (!a || !b) continue;
    picture.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: e.pain_point ? '#942514' : '#505a5f',
                                 'stroke-width': e.pain_point ? 3 : 2, 'stroke-dasharray': e.pain_point ? '8 5' : '', 'marker-end': 'url(#arrow)' }));
  }
  for (const n of nodes) {
    const p = at.get(n.id);
    const text = svg('text', { x: p.x, y: p.y + 5, 'text-anchor': 'middle', 'font-size': '14', fill: '#0b0c0c' });
    text.textContent = n.label.length > 28 ? n.label.slice(0, 27) + '…' : n.label;
    const width = Math.min(28, n.label.length) * 7.6 + 20;
    picture.append(svg('rect', { x: p.x - width / 2, y: p.y - 16, width, height: 32, rx: 6, fill: '#e8f1f8', stroke: '#1d4f8b', 'stroke-width': 2 }), text);
  }
  box.replaceChildren(picture);
  list.replaceChildren(...edges.map(e => el('li', {
    text: `${label(e.from)} → ${label(e.to)}${e.label ? ': ' + e.label : ''}${e.pain_point ? ' (pain point)' : ''}` })));
}

// ---- loading, uploading, writing the report ------------------------------------

function showAll() {
  for (const id of ['sections-nav', 'themes', 'actions', 'contributors', 'map', 'report'])
    document.getElementById(id).hidden = false;
  renderThemes();
  renderActions();
  renderPeople();
  renderMap();
}

function findingsList(findings) {
  const shown = (findings || []).filter(f => f.severity !== 'info');
  if (!shown.length) return null;
  return el('ul', { class: 'findings' }, ...shown.map(f => el('li', { class: f.severity,
    text: `${f.severity === 'error' ? 'Not read' : 'Note'}: ${f.source ? f.source + ': ' : ''}${f.message}` })));
}

async function openWorkspace(id) {
  state.id = id;
  try {
    state.diag = await api('GET', `/workspaces/${id}/diagnostic`);
  } catch (e) {
    state.id = null;
    const result = document.getElementById('upload-result');
    result.replaceChildren(el('p', { class: 'error', text: e.status === 401 || e.status === 403
      ? 'This page needs the address sdiag serve printed (with its ?token=). Open that address again.'
      : `The workspace could not be opened: ${e.message}. Upload the files again.` }));
    return;
  }
  showAll();
  say(`Workspace ${id} opened`);
}

async function upload(files) {
  const result = document.getElementById('upload-result');
  if (!files.length) { result.replaceChildren(el('p', { text: 'Choose or drop at least one file first.' })); return; }
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  result.replaceChildren(el('p', { text: `Reading ${files.length} file(s)…` }));
  try {
    const answer = await api('POST', '/workspaces', form);
    result.replaceChildren(el('p', { text: `Read ${files.length} file(s).` }), findingsList(answer.findings) || '');
    history.replaceState(null, '', '#w=' + answer.id);
    await openWorkspace(answer.id);
  } catch (e) {
    result.replaceChildren(el('p', { class: 'error', text: `Nothing was read: ${e.message}` }),
                           findingsList(e.data && e.data.findings) || '');
  }
}

async function writeReport() {
  const button = document.getElementById('render');
  const result = document.getElementById('render-result');
  button.disabled = true;
  result.replaceChildren(el('p', { text: 'Writing the report…' }));
  try {
    await state.saving;
    const answer = await api('POST', `/workspaces/${state.id}/render`);
    const base = `/api/workspaces/${state.id}/files/`;
    result.replaceChildren(el('p', { text: answer.failed ? 'Written, but not everything: see below.' : 'The report is written.' }),
                           findingsList(answer.findings.filter(f => f.severity === 'error')) || '');
    document.getElementById('downloads').replaceChildren(...answer.files.map(name =>
      el('li', {}, el('a', { href: base + name, download: name, class: 'download', text: name === 'sdiag-report.zip' ? 'All of them (zip)' : name }))));
    const preview = document.getElementById('pdf-preview');
    if (answer.files.includes('report.pdf')) {
      preview.src = base + 'report.pdf?t=' + Date.now();
      preview.hidden = false;
    }
  } catch (e) {
    result.replaceChildren(el('p', { class: 'error', text: `The report was not written: ${e.message}` }),
                           findingsList(e.data && e.data.findings) || '');
  } finally {
    button.disabled = false;
  }
}

async function undo() {
  try {
    await state.saving;
    state.diag = await api('POST', `/workspaces/${state.id}/undo`);
    showAll();
    say('The last edit is undone');
  } catch (e) {
    say(e.status === 409 ? 'Nothing to undo' : `Not undone: ${e.message}`);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('files');
  const drop = document.getElementById('drop');
  document.getElementById('upload-form').addEventListener('submit', e => { e.preventDefault(); upload([...input.files]); });
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); upload([...e.dataTransfer.files]); });
  document.getElementById('new-theme').addEventListener('click', newThemeFromChosen);
  document.getElementById('render').addEventListener('click', writeReport);
  document.getElementById('undo').addEventListener('click', undo);
  const m = /^#w=([0-9a-f]+)$/.exec(location.hash);
  if (m) openWorkspace(m[1]);
});
