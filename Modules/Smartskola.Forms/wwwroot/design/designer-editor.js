/* Form designer, part 2: the editor panel of the selected item (properties, options, condition) and the scoring
   section. Loaded after designer.js, whose helpers live on window.SmartskolaDesigner. */
(function () {
  'use strict';
  const D = window.SmartskolaDesigner;
  if (!D || !D.start) { return; }
  const el = D.el;

  const OPERATORS = [['equals', 'är lika med'], ['notEquals', 'är inte lika med'], ['greater', 'är större än'], ['less', 'är mindre än'], ['exists', 'är besvarad']];

  /** Sets or (for empty) removes an optional property; numbers are parsed, "" means none. */
  function set(obj, key, value) {
    if (value === '' || value === null || value === undefined || (typeof value === 'number' && isNaN(value))) { delete obj[key]; } else { obj[key] = value; }
  }
  const num = (text) => (String(text).trim() === '' ? null : Number(String(text).replace(',', '.')));

  function field(id, text, input, wide) {
    input.id = id;
    return el('div', { className: 'field' + (wide ? ' wide' : '') }, [el('label', { htmlFor: id, text: text }), input]);
  }

  function textInput(id, text, obj, key, onChange) {
    return field(id, text, el('input', { value: obj[key] == null ? '' : String(obj[key]), oninput: (e) => { set(obj, key, e.target.value); if (onChange) { onChange(); } D.changed(); } }));
  }

  function numberInput(id, text, obj, key) {
    return field(id, text, el('input', { type: 'number', step: 'any', value: obj[key] == null ? '' : String(obj[key]), oninput: (e) => { set(obj, key, num(e.target.value)); D.changed(); } }));
  }

  function check(id, text, checked, onChange) {
    const box = el('input', { type: 'checkbox', id: id, checked: checked, onchange: (e) => { onChange(e.target.checked); D.changed(); } });
    return el('label', { className: 'check', htmlFor: id }, [box, document.createTextNode(' ' + text)]);
  }

  function select(id, text, options, value, onChange) {
    const s = el('select', { onchange: (e) => { onChange(e.target.value); D.changed(); } }, options.map(([v, n]) => el('option', { value: v, text: n })));
    s.value = value;
    return field(id, text, s);
  }

  const button = (text, onClick, cls, extra) => el('button', Object.assign({ type: 'button', className: 'button ' + (cls || ''), text: text, onclick: onClick }, extra || {}));

  D.renderEditor = function (item) {
    const panel = el('section', { id: 'item-editor', className: 'designer-editor card', 'aria-labelledby': 'item-editor-title', 'data-testid': 'item-editor' });
    if (!item) {
      panel.append(el('h2', { id: 'item-editor-title', text: 'Fråga' }), el('p', { className: 'muted', text: 'Välj en fråga i listan för att redigera den.' }));
      return panel;
    }
    const redraw = () => D.render();
    panel.append(el('h2', { id: 'item-editor-title', text: D.typeName(item.type) + ' ' + item.id }));
    if (!D.isContainer(item)) {
      const types = D.TYPES.filter(([v]) => v !== 'group' && v !== 'repeatingGroup');
      panel.append(select('ed-type', 'Typ', types, item.type, (v) => { retype(item, v); redraw(); }));
    }
    const textField = item.type === 'display' ? field('ed-text', 'Text', el('textarea', { value: item.text || '', oninput: (e) => { item.text = e.target.value; D.refreshLabel(item); D.changed(); } }), true)
      : field('ed-text', D.isContainer(item) ? 'Rubrik' : 'Frågetext', el('input', { value: item.text || '', oninput: (e) => { item.text = e.target.value; D.refreshLabel(item); D.changed(); } }), true);
    panel.append(textField, textInput('ed-help', 'Hjälptext', item, 'help'));
    if (D.isQuestion(item)) {
      panel.append(check('ed-required', 'Obligatorisk', !!item.required, (v) => { item.required = v; }),
        check('ed-readonly', 'Skrivskyddad', !!item.readOnly, (v) => { item.readOnly = v; }));
    }
    if (item.type === 'shortText' || item.type === 'longText') { panel.append(numberInput('ed-maxlength', 'Största längd (tecken)', item, 'maxLength')); }
    if (item.type === 'singleChoice') {
      panel.append(select('ed-display', 'Visas som', [['radio', 'Alternativknappar'], ['dropDown', 'Rullgardinsmeny']], item.display || 'radio', (v) => { item.display = v; }));
    }
    if (D.isChoice(item)) { panel.append(optionsTable(item, redraw)); }
    if (item.type === 'yesNo') { panel.append(yesNoScores(item)); }
    if (item.type === 'integer' || item.type === 'decimal') {
      panel.append(numberInput('ed-min', 'Minsta värde', item, 'min'), numberInput('ed-max', 'Största värde', item, 'max'),
        numberInput('ed-step', 'Steg', item, 'step'), textInput('ed-unit', 'Enhet (t.ex. minuter)', item, 'unit'));
    }
    if (item.type === 'slider') {
      panel.append(el('div', { className: 'actions' }, [
        button('NRS 0–10', () => { Object.assign(item, { min: 0, max: 10, step: 1 }); D.changed(); redraw(); }),
        button('VAS 0–100', () => { Object.assign(item, { min: 0, max: 100, step: 1 }); D.changed(); redraw(); }),
      ]), numberInput('ed-min', 'Minsta värde', item, 'min'), numberInput('ed-max', 'Största värde', item, 'max'),
      numberInput('ed-step', 'Steg', item, 'step'), textInput('ed-minlabel', 'Etikett vid minsta värdet', item, 'minLabel'),
      textInput('ed-maxlabel', 'Etikett vid största värdet', item, 'maxLabel'));
    }
    if (item.type === 'repeatingGroup') { panel.append(numberInput('ed-maxrows', 'Högst antal rader', item, 'maxRows')); }
    panel.append(conditionEditor(item, redraw));
    panel.append(el('div', { className: 'actions' }, [button('Ta bort frågan', () => D.remove(item.id), 'danger', { 'data-testid': 'delete-item' })]));
    return panel;
  };

  /** Changing the type drops what the new type cannot carry (the validator would refuse it). */
  function retype(item, type) {
    item.type = type;
    if (!D.isChoice(item)) { item.options = []; }
    if (!D.isNumeric(item)) { ['min', 'max', 'step', 'unit'].forEach((k) => delete item[k]); }
    if (type !== 'slider') { delete item.minLabel; delete item.maxLabel; } else if (item.min == null) { Object.assign(item, { min: 0, max: 10, step: 1 }); }
    if (type !== 'shortText' && type !== 'longText') { delete item.maxLength; }
    if (type === 'display') { item.required = false; item.readOnly = false; }
  }

  function optionsTable(item, redraw) {
    const body = el('tbody', {}, item.options.map((option, i) => {
      const n = i + 1;
      const cell = (key, text, type) => el('td', {}, [el('input', {
        type: type || 'text', step: type ? 'any' : null, 'aria-label': text + ' för alternativ ' + n, value: option[key] == null ? '' : String(option[key]),
        oninput: (e) => { if (type) { set(option, key, num(e.target.value)); } else { option[key] = e.target.value; } D.changed(); },
      })]);
      return el('tr', {}, [cell('code', 'Kod'), cell('text', 'Text'), cell('score', 'Poäng', 'number'),
        el('td', {}, [button('Ta bort', () => { item.options.splice(i, 1); D.changed(); redraw(); }, 'small', { 'aria-label': 'Ta bort alternativ ' + n })])]);
    }));
    const add = () => {
      const used = new Set(item.options.map((o) => o.code));
      let code = item.options.length + 1;
      while (used.has(String(code))) { code++; }
      item.options.push({ code: String(code), text: '' });
      D.changed();
      redraw();
      const inputs = document.querySelectorAll('#item-editor .options-table input[aria-label^="Text"]');
      if (inputs.length) { inputs[inputs.length - 1].focus(); }
    };
    return el('fieldset', { className: 'field wide' }, [
      el('legend', { text: 'Svarsalternativ' }),
      el('table', { className: 'table options-table' }, [
        el('thead', {}, [el('tr', {}, ['Kod', 'Text', 'Poäng', ''].map((h) => el('th', { scope: 'col', text: h })))]), body]),
      button('Lägg till alternativ', add, 'small', { 'data-testid': 'add-option' }),
    ]);
  }

  /** Yes/no may carry "ja"/"nej" options only to give them scores. */
  function yesNoScores(item) {
    const score = (code) => { const o = item.options.find((x) => x.code === code); return o && o.score != null ? String(o.score) : ''; };
    const update = () => {
      const yes = num(document.getElementById('ed-score-ja').value);
      const no = num(document.getElementById('ed-score-nej').value);
      item.options = yes === null && no === null ? [] : [{ code: 'ja', text: 'Ja', score: yes }, { code: 'nej', text: 'Nej', score: no }];
      item.options.forEach((o) => set(o, 'score', o.score));
      D.changed();
    };
    return el('div', { className: 'form-inline' }, [
      field('ed-score-ja', 'Poäng för Ja', el('input', { type: 'number', step: 'any', value: score('ja'), oninput: update })),
      field('ed-score-nej', 'Poäng för Nej', el('input', { type: 'number', step: 'any', value: score('nej'), oninput: update })),
    ]);
  }

  function conditionEditor(item, redraw) {
    const box = el('fieldset', { className: 'field wide condition', 'data-testid': 'condition' }, [el('legend', { text: 'Visa bara när' })]);
    // Only answerable items before this one (document order, so never the item itself or its own children), and not
    // questions in a repeating group's rows: a row's answers have no single value to compare.
    const all = D.allItems();
    const earlier = all.slice(0, all.indexOf(item)).filter((t) => D.isQuestion(t) && !D.isInsideRepeating(t.id));
    const condition = item.showWhen;
    if (!condition || condition.rules.length === 0) {
      box.append(el('p', { className: 'muted', text: earlier.length ? 'Visas alltid.' : 'Visas alltid. Ett villkor kan bara bygga på en fråga före den här.' }));
      if (earlier.length) {
        box.append(button('Lägg till villkor', () => {
          item.showWhen = { match: 'all', rules: [{ itemId: earlier[earlier.length - 1].id, operator: 'equals' }] };
          D.changed(); redraw(); D.focus('rule-1-item');
        }, 'small', { 'data-testid': 'add-condition' }));
      }
      return box;
    }
    box.append(select('ed-match', 'Villkoren', [['all', 'Alla ska gälla'], ['any', 'Något ska gälla']], condition.match || 'all', (v) => { condition.match = v; }));
    condition.rules.forEach((rule, i) => {
      const n = i + 1;
      const target = earlier.find((t) => t.id === rule.itemId);
      const choices = earlier.map((t) => [t.id, D.label(t) + ' (' + t.id + ')']);
      if (!target) { choices.unshift([rule.itemId, '– välj fråga –']); }
      const row = el('div', { className: 'form-inline rule', 'data-testid': 'rule' }, [
        select('rule-' + n + '-item', 'Fråga', choices, rule.itemId, (v) => { rule.itemId = v; delete rule.value; redraw(); }),
        select('rule-' + n + '-operator', 'Villkor', OPERATORS, rule.operator || 'equals', (v) => { rule.operator = v; if (v === 'exists') { delete rule.value; } redraw(); }),
      ]);
      if (rule.operator !== 'exists') {
        const codes = target && D.isChoice(target) ? target.options.map((o) => [o.code, o.code + ' – ' + (o.text || '')])
          : target && target.type === 'yesNo' ? [['ja', 'Ja'], ['nej', 'Nej']] : null;
        if (codes && rule.operator !== 'greater' && rule.operator !== 'less') {
          if (!codes.some((c) => c[0] === rule.value)) { rule.value = codes.length ? codes[0][0] : ''; D.changed(); }
          row.append(select('rule-' + n + '-value', 'Värde', codes, rule.value, (v) => { rule.value = v; }));
        } else {
          row.append(textInput('rule-' + n + '-value', 'Värde', rule, 'value'));
        }
      }
      row.append(button('Ta bort villkor', () => {
        condition.rules.splice(i, 1);
        if (condition.rules.length === 0) { delete item.showWhen; }
        D.changed(); redraw();
      }, 'small', { 'aria-label': 'Ta bort villkor ' + n }));
      box.append(row);
    });
    box.append(button('Lägg till regel', () => {
      condition.rules.push({ itemId: earlier[earlier.length - 1].id, operator: 'equals' });
      D.changed(); redraw(); D.focus('rule-' + condition.rules.length + '-item');
    }, 'small'));
    return box;
  }

  const scoreable = (i) => D.isNumeric(i) || D.isChoice(i) || i.type === 'yesNo';

  D.renderScoring = function () {
    const scales = D.def.scoring.scales;
    const section = el('section', { className: 'designer-scoring', 'aria-labelledby': 'scoring-title', 'data-testid': 'scoring' }, [el('h2', { id: 'scoring-title', text: 'Poängskalor' })]);
    const items = D.allItems().filter(scoreable);
    scales.forEach((scale, s) => {
      const p = 'scale-' + (s + 1) + '-';
      const toggle = (list, id, on) => { const i = list.indexOf(id); if (on && i < 0) { list.push(id); } if (!on && i >= 0) { list.splice(i, 1); } };
      const box = el('fieldset', { className: 'card scale', 'data-testid': 'scale' }, [
        el('legend', { text: 'Poängskala ' + (s + 1) }),
        el('div', { className: 'form-inline' }, [
          textInput(p + 'id', 'Id', scale, 'id'), textInput(p + 'name', 'Namn', scale, 'name'),
          select(p + 'method', 'Beräkning', [['sum', 'Summa'], ['mean', 'Medelvärde']], scale.method || 'sum', (v) => { scale.method = v; }),
          numberInput(p + 'min', 'Minst antal besvarade', scale, 'minAnswered'),
        ]),
        items.length === 0 ? el('p', { className: 'muted', text: 'Formuläret har inga frågor som kan ge poäng.' }) : el('table', { className: 'table' }, [
          el('thead', {}, [el('tr', {}, ['Fråga', 'Ingår', 'Omvänd'].map((h) => el('th', { scope: 'col', text: h })))]),
          el('tbody', {}, items.map((item) => el('tr', {}, [
            el('td', { text: D.label(item) + ' (' + item.id + ')' }),
            el('td', {}, [el('input', { type: 'checkbox', 'aria-label': 'Ingår: ' + D.label(item), checked: scale.itemIds.includes(item.id),
              onchange: (e) => { toggle(scale.itemIds, item.id, e.target.checked); if (!e.target.checked) { toggle(scale.reverseItemIds, item.id, false); } D.changed(); D.render(); } })]),
            el('td', {}, [el('input', { type: 'checkbox', 'aria-label': 'Omvänd: ' + D.label(item), checked: scale.reverseItemIds.includes(item.id), disabled: !scale.itemIds.includes(item.id),
              onchange: (e) => { toggle(scale.reverseItemIds, item.id, e.target.checked); D.changed(); } })]),
          ]))),
        ]),
        bandsTable(scale, p),
        button('Ta bort poängskalan', () => { if (window.confirm('Ta bort poängskalan?')) { scales.splice(s, 1); D.changed(); D.render(); } }, 'danger small'),
      ]);
      section.append(box);
    });
    section.append(button('Lägg till poängskala', () => {
      const used = new Set(scales.map((x) => x.id));
      let n = scales.length + 1;
      while (used.has('s' + n)) { n++; }
      scales.push({ id: 's' + n, name: '', method: 'sum', itemIds: [], reverseItemIds: [], bands: [] });
      D.changed(); D.render(); D.focus('scale-' + scales.length + '-name');
    }, '', { 'data-testid': 'add-scale' }));
    return section;
  };

  function bandsTable(scale, p) {
    const rows = scale.bands.map((band, b) => {
      const n = b + 1;
      const cell = (key, text, isNumber) => el('td', {}, [el('input', {
        type: isNumber ? 'number' : 'text', step: isNumber ? 'any' : null, 'aria-label': text + ' i intervall ' + n, value: band[key] == null ? '' : String(band[key]),
        oninput: (e) => { band[key] = isNumber ? (num(e.target.value) || 0) : e.target.value; D.changed(); },
      })]);
      return el('tr', {}, [cell('from', 'Från', true), cell('to', 'Till', true), cell('label', 'Etikett', false),
        el('td', {}, [button('Ta bort', () => { scale.bands.splice(b, 1); D.changed(); D.render(); }, 'small', { 'aria-label': 'Ta bort intervall ' + n })])]);
    });
    return el('div', { className: 'bands' }, [
      el('table', { className: 'table' }, [el('caption', { text: 'Intervall med etiketter' }),
        el('thead', {}, [el('tr', {}, ['Från', 'Till', 'Etikett', ''].map((h) => el('th', { scope: 'col', text: h })))]), el('tbody', {}, rows)]),
      button('Lägg till intervall', () => { scale.bands.push({ from: 0, to: 0, label: '' }); D.changed(); D.render(); }, 'small', { id: p + 'add-band' }),
    ]);
  }

  D.start();
}());
