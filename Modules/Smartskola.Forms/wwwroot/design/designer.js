/* Form designer: edits the definition JSON in the hidden #definition-json field (FormDefinition.Json shape:
   camelCase names and enum strings). The server validates on save/publish; this script only keeps the JSON well
   formed, previews it in the phone frame and warns about unsaved work. Editor panels: designer-editor.js. */
(function () {
  'use strict';
  const field = document.getElementById('definition-json');
  const root = document.getElementById('designer');
  if (!field || !root) { return; }
  const D = window.SmartskolaDesigner = window.SmartskolaDesigner || {};

  const TYPES = [
    ['display', 'Text att läsa'], ['shortText', 'Kort text'], ['longText', 'Lång text'], ['singleChoice', 'Enkelval'],
    ['multipleChoice', 'Flerval'], ['yesNo', 'Ja/nej'], ['integer', 'Heltal'], ['decimal', 'Decimaltal'],
    ['slider', 'Skjutreglage'], ['date', 'Datum'], ['time', 'Tid'], ['group', 'Grupp'], ['repeatingGroup', 'Upprepad grupp'],
  ];
  D.TYPES = TYPES;
  D.typeName = (type) => (TYPES.find((t) => t[0] === type) || [type, type])[1];
  D.isContainer = (item) => item.type === 'group' || item.type === 'repeatingGroup';
  D.isQuestion = (item) => item.type !== 'display' && !D.isContainer(item);
  D.isChoice = (item) => item.type === 'singleChoice' || item.type === 'multipleChoice';
  D.isNumeric = (item) => item.type === 'integer' || item.type === 'decimal' || item.type === 'slider';

  let def;
  try { def = JSON.parse(field.value || '{}'); } catch (e) { def = {}; }
  normalise(def);
  D.def = def;
  let selectedId = null;
  let dirty = false;
  let previewTimer = null;

  function normalise(d) {
    d.schema = d.schema || 1;
    d.items = Array.isArray(d.items) ? d.items : [];
    d.scoring = d.scoring || {};
    d.scoring.scales = Array.isArray(d.scoring.scales) ? d.scoring.scales : [];
    d.nextId = Math.max(d.nextId || 1, 1);
    const walk = (items) => items.forEach((item) => {
      item.items = Array.isArray(item.items) ? item.items : [];
      item.options = Array.isArray(item.options) ? item.options : [];
      if (item.showWhen) { item.showWhen.rules = item.showWhen.rules || []; }
      // Never hand out an id that is already in use, even if the stored counter lags behind.
      const m = /^f(\d+)$/.exec(item.id || '');
      if (m) { d.nextId = Math.max(d.nextId, Number(m[1]) + 1); }
      walk(item.items);
    });
    walk(d.items);
    d.scoring.scales.forEach((s) => {
      s.itemIds = s.itemIds || []; s.reverseItemIds = s.reverseItemIds || []; s.bands = s.bands || [];
    });
  }

  /** Every item in document order (the order conditions are checked in). */
  D.allItems = function () {
    const out = [];
    const walk = (items) => items.forEach((i) => { out.push(i); walk(i.items); });
    walk(def.items);
    return out;
  };
  D.find = (id) => D.allItems().find((i) => i.id === id) || null;

  /** The list holding an item (the root list or a group's children). */
  function parentList(id, items) {
    items = items || def.items;
    for (const item of items) {
      if (item.id === id) { return items; }
      const found = parentList(id, item.items);
      if (found) { return found; }
    }
    return null;
  }

  /** Called after every edit: JSON back into the form, preview later. */
  D.changed = function () {
    field.value = JSON.stringify(def);
    announce('');
    dirty = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 500);
  };

  function preview() {
    const form = document.getElementById('preview-form');
    const json = document.getElementById('preview-json');
    if (!form || !json) { return; }
    json.value = field.value;
    form.submit();
  }

  D.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'text') { node.textContent = v; } else if (k.startsWith('on')) { node.addEventListener(k.slice(2), v); } else if (k in node && k !== 'list' && k !== 'type') { node[k] = v; } else { node.setAttribute(k, v === true ? '' : v); }
    });
    (children || []).forEach((c) => { if (c) { node.append(c); } });
    return node;
  };
  const el = D.el;

  function label(item) {
    const text = (item.text || '').trim();
    return text === '' ? '(utan text)' : (text.length > 60 ? text.slice(0, 60) + '…' : text);
  }

  function renderItems(items, container, inRepeating) {
    const list = el('ul', { className: 'designer-items', 'data-container': container ? container.id : '', 'aria-label': container ? 'Frågor i ' + label(container) : 'Formulärets frågor' });
    list.dataset.repeating = inRepeating ? 'true' : '';
    items.forEach((item, index) => {
      const li = el('li', { className: 'designer-item' + (item.id === selectedId ? ' selected' : ''), id: 'item-' + item.id, 'data-id': item.id, 'data-type': item.type, 'data-testid': 'designer-item' }, [
        el('div', { className: 'designer-item-row' }, [
          el('span', { className: 'drag-handle', title: 'Dra för att flytta', 'aria-hidden': 'true', 'data-testid': 'drag-handle', text: '⠿' }),
          el('button', { type: 'button', className: 'item-select link-button', 'aria-pressed': String(item.id === selectedId), onclick: () => D.select(item.id) }, [
            el('span', { className: 'item-type', text: D.typeName(item.type) }), document.createTextNode(' ' + label(item)),
            el('span', { className: 'item-id muted', text: ' ' + item.id }),
          ]),
          el('button', { type: 'button', className: 'button small', 'data-move': 'up', disabled: index === 0, text: 'Flytta upp', 'aria-label': 'Flytta upp ' + label(item), onclick: () => move(item.id, -1) }),
          el('button', { type: 'button', className: 'button small', 'data-move': 'down', disabled: index === items.length - 1, text: 'Flytta ned', 'aria-label': 'Flytta ned ' + label(item), onclick: () => move(item.id, 1) }),
          // The keyboard way into and out of groups (dragging does the same).
          // Offered even where it is not allowed, so the refusal can say why (a missing button explains nothing).
          index > 0 && D.isContainer(items[index - 1])
            ? el('button', { type: 'button', className: 'button small', 'data-move': 'in', text: 'In i gruppen ovan', 'aria-label': 'Flytta ' + label(item) + ' in i gruppen ' + label(items[index - 1]), onclick: () => moveInto(item.id, items[index - 1], inRepeating) }) : null,
          container ? el('button', { type: 'button', className: 'button small', 'data-move': 'out', text: 'Ut ur gruppen', 'aria-label': 'Flytta ' + label(item) + ' ut ur gruppen ' + label(container), onclick: () => moveOut(item.id, container) }) : null,
        ]),
      ]);
      if (D.isContainer(item)) {
        li.append(renderItems(item.items, item, inRepeating || item.type === 'repeatingGroup'));
      }
      list.append(li);
    });
    return list;
  }

  const NESTED_REPEATING = 'En upprepad grupp kan inte ligga i en annan upprepad grupp.';

  function containsRepeating(li) {
    return li.dataset.type === 'repeatingGroup' || !!li.querySelector('[data-type="repeatingGroup"]');
  }

  let announceTimer = null;

  /** Says something in the designer's live region; emptied first so the same words are announced again. */
  function announce(text) {
    const live = document.getElementById('designer-live');
    if (!live) { return; }
    clearTimeout(announceTimer);
    live.textContent = '';
    if (text) { announceTimer = setTimeout(() => { live.textContent = text; }, 50); }
  }

  /**
   * Whether a drag holds a repeating group in or onto another one. Decided here rather than with the group's "put":
   * a refused nested list passes the pointer on to the outer list, which then reordered around the group. So what
   * is under the pointer decides, for every list asked: a repeating group's list, or its body below its own row.
   */
  function refusesDrop(evt) {
    if (!containsRepeating(evt.dragged)) { return false; }
    const under = evt.originalEvent && evt.originalEvent.target;
    if (!under || !under.closest || evt.dragged.contains(under)) { return evt.to.dataset.repeating === 'true'; }
    const list = under.closest('ul.designer-items');
    if (list && list.dataset.repeating === 'true') { return true; }
    const item = under.closest('.designer-item');
    return !!item && item.dataset.type === 'repeatingGroup' && !under.closest('.designer-item-row');
  }

  // Whether the last place the dragged item was held over refused it: dropping there leaves everything as it was.
  let refusedDrop = false;

  function makeSortable(list) {
    if (!window.Sortable) { return; }
    window.Sortable.create(list, {
      group: 'form-items',
      handle: '.drag-handle',
      draggable: '.designer-item',
      animation: 120,
      // Pointer events rather than native HTML5 drag: the same on mouse, touch and pen.
      forceFallback: true,
      fallbackOnBody: true,
      swapThreshold: 0.65,
      onStart: () => { refusedDrop = false; },
      onMove: (evt) => {
        refusedDrop = refusesDrop(evt);
        return !refusedDrop;
      },
      onEnd: () => {
        if (refusedDrop) {
          refusedDrop = false;
          // The tree in def is untouched: drawing it again puts the item back where it was.
          render();
          announce(NESTED_REPEATING);
          return;
        }
        rebuildFromDom(); D.changed(); render();
      },
    });
  }

  /** After a drag the DOM holds the new order: read the tree back from it. */
  function rebuildFromDom() {
    const byId = new Map(D.allItems().map((i) => [i.id, i]));
    const read = (list) => Array.from(list.children).filter((li) => li.dataset.id).map((li) => {
      const item = byId.get(li.dataset.id);
      const inner = li.querySelector(':scope > ul.designer-items');
      if (inner) { item.items = read(inner); }
      return item;
    });
    def.items = read(root.querySelector('#designer-list > ul.designer-items'));
  }

  function move(id, delta) {
    const list = parentList(id);
    const index = list.findIndex((i) => i.id === id);
    const target = index + delta;
    if (target < 0 || target >= list.length) { return; }
    list.splice(target, 0, list.splice(index, 1)[0]);
    D.changed();
    render();
    const button = root.querySelector('#item-' + CSS.escape(id) + ' > .designer-item-row [data-move="' + (delta < 0 ? 'up' : 'down') + '"]');
    const fallback = root.querySelector('#item-' + CSS.escape(id) + ' > .designer-item-row .item-select');
    (button && !button.disabled ? button : fallback).focus();
  }

  /** A repeating group may not end up inside another repeating group (at any depth). */
  function canEnter(item, group, inRepeating) {
    const hasRepeating = (i) => i.type === 'repeatingGroup' || i.items.some(hasRepeating);
    return !((inRepeating || group.type === 'repeatingGroup') && hasRepeating(item));
  }

  function moveInto(id, group, inRepeating) {
    const list = parentList(id);
    if (!canEnter(list.find((i) => i.id === id), group, inRepeating)) {
      announce(NESTED_REPEATING);
      return;
    }
    const item = list.splice(list.findIndex((i) => i.id === id), 1)[0];
    group.items.push(item);
    afterMove(id);
  }

  function moveOut(id, group) {
    const list = parentList(id);
    const item = list.splice(list.findIndex((i) => i.id === id), 1)[0];
    const outer = parentList(group.id);
    outer.splice(outer.indexOf(group) + 1, 0, item);
    afterMove(id);
  }

  function afterMove(id) {
    D.changed();
    render();
    const select = root.querySelector('#item-' + CSS.escape(id) + ' > .designer-item-row .item-select');
    if (select) { select.focus(); }
  }

  function newItem(type) {
    const item = { id: 'f' + def.nextId++, type: type, text: '', required: false, readOnly: false, options: [], display: 'radio', items: [] };
    if (type === 'slider') { Object.assign(item, { min: 0, max: 10, step: 1 }); }
    if (type === 'repeatingGroup') { item.maxRows = 10; }
    return item;
  }

  function addItem() {
    const type = root.querySelector('#new-type').value;
    const item = newItem(type);
    // A new question goes into the selected group, otherwise last in the form.
    const selected = selectedId ? D.find(selectedId) : null;
    const inRepeating = selected && D.isContainer(selected) && (selected.type === 'repeatingGroup' || isInsideRepeating(selected.id));
    const refused = type === 'repeatingGroup' && inRepeating;
    if (selected && D.isContainer(selected) && !refused) { selected.items.push(item); } else { def.items.push(item); }
    D.changed();
    if (refused) { announce(NESTED_REPEATING + ' Den nya gruppen ligger sist i formuläret.'); }
    D.select(item.id);
    const text = document.getElementById('ed-text');
    if (text) { text.focus(); }
  }

  function isInsideRepeating(id) {
    const walk = (items, inside) => {
      for (const i of items) {
        if (i.id === id) { return inside; }
        const r = walk(i.items, inside || i.type === 'repeatingGroup');
        if (r !== null) { return r; }
      }
      return null;
    };
    return !!walk(def.items, false);
  }

  D.remove = function (id) {
    const item = D.find(id);
    if (!item || !window.confirm('Ta bort ' + label(item) + (item.items.length ? ' och frågorna i gruppen' : '') + '?')) { return; }
    const list = parentList(id);
    list.splice(list.findIndex((i) => i.id === id), 1);
    selectedId = null;
    D.changed();
    render();
  };

  D.select = function (id) {
    selectedId = id;
    render();
    const editor = document.getElementById('item-editor');
    if (editor) { editor.scrollIntoView({ block: 'nearest' }); }
  };

  /** After an item's text changed: redraws the list and scoring (their labels name it) but not the editor being typed in. */
  D.refreshLabel = function () {
    const list = root.querySelector('#designer-list');
    if (list) {
      list.replaceChildren(renderItems(def.items, null, false));
      list.querySelectorAll('ul.designer-items').forEach(makeSortable);
    }
    const scoring = root.querySelector('.designer-scoring');
    if (scoring && D.renderScoring && !scoring.contains(document.activeElement)) { scoring.replaceWith(D.renderScoring()); }
  };
  D.label = label;
  D.isInsideRepeating = isInsideRepeating;

  /**
   * Where the keyboard focus is, as something that finds the same control after a redraw (which replaces every
   * element): without it a button that redraws (a preset, a checkbox in a scale, selecting an item) drops the focus
   * onto the page's body, and a keyboard user starts over from the top.
   */
  function focusKey() {
    const node = document.activeElement;
    if (!node || node === document.body || !root.contains(node)) { return null; }
    const attr = ['id', 'data-testid', 'aria-label'].find((a) => node.getAttribute(a));
    const section = node.closest('[aria-labelledby]');
    return {
      selector: attr ? '[' + attr + '="' + CSS.escape(node.getAttribute(attr)) + '"]' : null,
      tag: node.tagName, text: node.textContent, section: section ? section.getAttribute('aria-labelledby') : null,
    };
  }

  /** Focuses the same control again, or else the heading of the section it was in (it was removed). */
  function restoreFocus(key) {
    if (!key) { return; }
    const same = key.selector ? root.querySelector(key.selector)
      : Array.from(root.querySelectorAll(key.tag)).find((n) => n.textContent === key.text);
    // The same control is where it was: no scrolling.
    if (same && !same.disabled) { same.focus({ preventScroll: true }); return; }
    const heading = key.section ? document.getElementById(key.section) : null;
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  }

  function render() {
    const focus = focusKey();
    const typeSelect = el('select', { id: 'new-type', 'data-testid': 'new-type' }, TYPES.map(([v, n]) => el('option', { value: v, text: n })));
    const previous = root.querySelector('#new-type');
    if (previous) { typeSelect.value = previous.value; }
    const listHolder = el('div', { id: 'designer-list' }, [renderItems(def.items, null, false)]);
    if (def.items.length === 0) { listHolder.prepend(el('p', { className: 'muted', text: 'Formuläret har inga frågor ännu.' })); }
    root.replaceChildren(
      el('div', { className: 'designer-toolbar form-inline' }, [
        el('div', { className: 'field' }, [el('label', { htmlFor: 'new-type', text: 'Typ av fråga' }), typeSelect]),
        el('button', { type: 'button', className: 'button', text: 'Lägg till fråga', 'data-testid': 'add-item', onclick: addItem }),
      ]),
      el('div', { className: 'designer-columns' }, [listHolder, D.renderEditor ? D.renderEditor(selectedId ? D.find(selectedId) : null) : null]),
      D.renderScoring ? D.renderScoring() : null,
    );
    root.querySelectorAll('ul.designer-items').forEach(makeSortable);
    restoreFocus(focus);
  }
  D.render = render;

  /** After a redraw that added a control the user will fill in next. */
  D.focus = function (id) {
    const node = document.getElementById(id);
    if (node) { node.focus(); }
  };

  // The server's problem list: "Gå till frågan" selects the item.
  document.querySelectorAll('[data-item-link]').forEach((a) => a.addEventListener('click', (event) => {
    const id = a.getAttribute('data-item-link');
    if (!D.find(id)) { return; }
    event.preventDefault();
    D.select(id);
    const text = document.getElementById('ed-text');
    if (text) { text.focus(); }
  }));

  const title = document.getElementById('title');
  if (title) { title.addEventListener('input', () => { dirty = true; }); }
  const form = document.getElementById('designer-form');
  if (form) { form.addEventListener('submit', () => { field.value = JSON.stringify(def); dirty = false; }); }
  window.addEventListener('beforeunload', (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ''; }
  });

  // designer-editor.js (loaded after this file) adds the editor panels and then calls D.start().
  D.start = function () { field.value = JSON.stringify(def); render(); };
}());
